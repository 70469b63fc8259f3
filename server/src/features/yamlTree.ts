/**
 * Finding things in the parsed YAML tree: the node under the cursor, the
 * inner range of a scalar, the owner references of a plan.
 */
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { findNode, keyText, nodeSpan, ownSpan, type NodePath, type ParsedPlan, type PlanModel } from '../core';

export interface NodeHit {
  /** Path of the node under the cursor; for a key, the path of its value. */
  path: (string | number)[];
  node: Node;
  /** The pair whose key or value was hit. */
  pair?: Pair;
  onKey: boolean;
}

/** The innermost node at an offset (a cursor touching either end of a node counts as on it). */
export function nodeAt(parsed: ParsedPlan, offset: number): NodeHit | undefined {
  let node: unknown = parsed.doc?.contents;
  if (!node) return undefined;
  const path: (string | number)[] = [];
  let pair: Pair | undefined;
  for (;;) {
    if (isMap(node)) {
      let next: unknown;
      for (const p of node.items) {
        const k = nodeSpan(p.key);
        if (k && offset >= k[0] && offset <= k[1]) return { path: [...path, keyText(p)], node: p.key as Node, pair: p, onKey: true };
        const v = nodeSpan(p.value);
        if (v && offset >= v[0] && offset <= v[1]) {
          path.push(keyText(p));
          pair = p;
          next = p.value;
          break;
        }
      }
      if (next === undefined) return { path, node: node as Node, pair, onKey: false };
      node = next;
    } else if (isSeq(node)) {
      let next: unknown;
      node.items.forEach((item, i) => {
        const r = nodeSpan(item);
        if (next === undefined && r && offset >= r[0] && offset <= r[1]) {
          path.push(i);
          next = item;
        }
      });
      if (next === undefined) return { path, node: node as Node, pair, onKey: false };
      pair = undefined;
      node = next;
    } else if (isScalar(node)) {
      return { path, node: node as Node, pair, onKey: false };
    } else {
      return undefined;
    }
  }
}

/**
 * [start, end) of a scalar's text without its quotes. The parser's range of a
 * block scalar (`>-` / `|`) runs through its trailing line break up to the
 * next line's indentation; replacing that range would join the next field
 * onto this line. So, given the document text, the end is pulled back to the
 * last character that is not a space or line break (as `PlanEdits` does).
 */
export function scalarInnerSpan(node: unknown, text?: string): [number, number] | undefined {
  const span = nodeSpan(node);
  if (!span || !isScalar(node)) return span;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return [span[0] + 1, Math.max(span[0] + 1, span[1] - 1)];
  return text === undefined ? span : ownSpan(text, node);
}

/** The text of a scalar value, or undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export interface OwnerRef {
  id: string;
  /** Inner span of the scalar (without quotes). */
  span: [number, number];
  node: Node;
  path: NodePath;
}

/** Is this path an owner reference (`owner`, `lead`, a `support` entry)? */
export function isOwnerRefPath(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  if (last === 'owner' || last === 'lead') return path.length >= 3;
  return path[path.length - 2] === 'support' && typeof last === 'number';
}

/** Every owner reference in the plan: objective leads, action owners and supporters, target owners. */
export function ownerRefs(parsed: ParsedPlan, model: PlanModel | undefined): OwnerRef[] {
  if (!model) return [];
  const refs: OwnerRef[] = [];
  const add = (path: NodePath) => {
    const node = findNode(parsed.doc, path)?.node;
    const id = scalarText(node);
    const span = scalarInnerSpan(node, parsed.text);
    if (id !== undefined && id.trim() !== '' && span) refs.push({ id, span, node: node as Node, path });
  };
  for (const o of model.objectives) {
    add([...o.path, 'lead']);
    for (const a of o.actions) {
      add([...a.path, 'owner']);
      if (Array.isArray(a.data.support)) a.data.support.forEach((_, i) => add([...a.path, 'support', i]));
    }
  }
  for (const t of model.targets) add([...t.path, 'owner']);
  return refs.sort((a, b) => a.span[0] - b.span[0]);
}

/** The key span of an owner's registry entry (`owners: { hr: ... }`), when it is registered. */
export function ownerDeclaration(parsed: ParsedPlan, id: string): { span: [number, number]; pair: Pair } | undefined {
  const found = findNode(parsed.doc, ['owners', id]);
  if (!found?.pair) return undefined;
  const span = scalarInnerSpan(found.pair.key, parsed.text);
  return span ? { span, pair: found.pair } : undefined;
}

/** The owner id under the cursor: a reference, or a registry key. */
export function ownerIdAt(parsed: ParsedPlan, offset: number): { id: string; span: [number, number]; declaration: boolean } | undefined {
  const hit = nodeAt(parsed, offset);
  if (!hit) return undefined;
  if (hit.onKey && hit.path.length === 2 && hit.path[0] === 'owners') {
    const span = scalarInnerSpan(hit.node, parsed.text);
    return span ? { id: String(hit.path[1]), span, declaration: true } : undefined;
  }
  if (hit.onKey || !isScalar(hit.node) || !isOwnerRefPath(hit.path)) return undefined;
  const id = scalarText(hit.node);
  const span = scalarInnerSpan(hit.node, parsed.text);
  return id !== undefined && id.trim() !== '' && span ? { id, span, declaration: false } : undefined;
}
