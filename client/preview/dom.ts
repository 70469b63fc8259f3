/**
 * A tiny element builder. Plan text is only ever set with `textContent` (or
 * attributes set one by one), never as HTML: a title such as
 * `<img src=x onerror=alert(1)>` is shown as those characters.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    // Inline styles and event-handler attributes are never used (the CSP forbids them anyway).
    if (name === 'style' || name.startsWith('on')) throw new Error(`attribute ${name} is not allowed`);
    el.setAttribute(name, value);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
