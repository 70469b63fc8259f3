/**
 * The preview page's entry point (bundled on its own to dist/webview/preview.js, a
 * browser IIFE). It runs in two places:
 *  - the VS Code webview, where it talks to the extension with postMessage
 *    (messages typed in ./messages.ts) and clicks reveal the
 *    plan's source;
 *  - the standalone HTML report, where it only draws.
 * Either way it reads its first state from the escaped JSON in
 * `#eqplan-root[data-state]` and never imports `vscode`.
 */
import type { FromPreviewMessage, PreviewState, PreviewViewState, ToPreviewMessage } from './messages';
import { createRenderer } from './render';
import { PREVIEW_CSS } from './styles';

interface VsCodeApi {
  postMessage(message: FromPreviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** The printable width of A4 with the report's 14 mm side margins, in CSS pixels (182 mm at 96 px per inch). */
const PRINT_WIDTH_PX = 688;
const PRINT_TARGET_HEIGHT_PX = 210;

function addStyles(): void {
  // The style element carries the nonce of the script that added it, as the CSP requires.
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || '';
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = PREVIEW_CSS;
  document.head.appendChild(style);
}

function readInitialState(root: HTMLElement, vscode: VsCodeApi | undefined): PreviewState {
  // VS Code reloads a hidden webview when its tab comes back: the state the page saved last is
  // newer than the one the panel was created with.
  const saved = vscode?.getState() as PreviewState | undefined;
  if (saved && typeof saved === 'object' && 'summary' in saved) return saved;
  const fromAttr = root.getAttribute('data-state');
  if (fromAttr) {
    try {
      return JSON.parse(fromAttr) as PreviewState;
    } catch {
      // fall through to the saved state
    }
  }
  return { mode: vscode ? 'webview' : 'report', summary: null };
}

/** Where the reader is: scroll position and opened tables. */
function readView(root: HTMLElement): PreviewViewState {
  return { scrollY: Math.round(window.scrollY), openTables: Array.from(root.querySelectorAll('details[open]'), (d) => d.id).filter(Boolean) };
}

function applyView(root: HTMLElement, view: PreviewViewState | undefined): void {
  if (!view) return;
  for (const id of view.openTables) root.querySelector(`details[id="${CSS.escape(id)}"]`)?.setAttribute('open', '');
  window.scrollTo(0, view.scrollY);
}

function start(): void {
  const root = document.getElementById('eqplan-root');
  if (!root) return;
  addStyles();
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  let state = readInitialState(root, vscode);
  document.body.classList.toggle('report', state.mode === 'report');
  let renders = 0;
  let highlighted: string | undefined;

  const reveal = vscode ? (source: FromPreviewMessage & { type: 'reveal' }) => vscode.postMessage(source) : undefined;
  // One renderer for the page's life: each draw after the first patches what changed (render.ts).
  const rendered = createRenderer(root, { reveal: reveal ? (source, label) => reveal({ type: 'reveal', source, label }) : undefined });
  const draw = () => {
    rendered.render(state);
    applyHighlight();
    renders++;
    // For tests and for anyone scripting the page: how many times it has drawn, and how many charts.
    root.setAttribute('data-renders', String(renders));
    root.setAttribute('data-charts', String(rendered.charts.length));
  };
  const applyHighlight = () => {
    root.querySelectorAll('.eq-action.highlight').forEach((el) => el.classList.remove('highlight'));
    if (!highlighted) return;
    root.querySelectorAll<HTMLElement>('.eq-action[data-action-id]').forEach((el) => {
      if (el.dataset.actionId === highlighted) el.classList.add('highlight');
    });
  };

  draw();

  if (vscode) {
    applyView(root, state.view);
    const save = () => vscode.setState({ ...state, view: readView(root) });
    save();
    let scrollTimer: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(save, 150);
    });
    root.addEventListener('toggle', save, true);
    window.addEventListener('message', (event: MessageEvent<ToPreviewMessage>) => {
      const msg = event.data;
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'update') {
        state = msg.state;
        draw();
        save();
      } else if (msg.type === 'highlight') {
        highlighted = msg.actionId;
        applyHighlight();
      }
    });
    vscode.postMessage({ type: 'ready' });
  }

  // Redraw the charts when the VS Code theme changes (it swaps body classes and CSS variables).
  let themeTimer: ReturnType<typeof setTimeout> | undefined;
  const onTheme = () => {
    clearTimeout(themeTimer);
    themeTimer = setTimeout(draw, 50);
  };
  new MutationObserver(onTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  new MutationObserver(onTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

  // Printed reports show every table, and charts drawn for the page's width (an A4 page less its
  // margins), not squeezed from the screen's: the print stylesheet then scales them without distortion.
  // Target charts are a little shorter on paper, so that two targets with their tables share a page.
  const screenHeights = new Map<HTMLElement, string>();
  window.addEventListener('beforeprint', () => {
    // Long lists and large tables held back on screen are drawn in full on paper.
    rendered.showAll();
    root.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    rendered.charts.forEach((c) => {
      const box = c.canvas.parentElement;
      const height = (c.config as { type?: string }).type === 'line' ? Math.min(c.height, PRINT_TARGET_HEIGHT_PX) : c.height;
      if (box && height !== c.height) {
        screenHeights.set(box, box.style.height);
        box.style.height = `${height}px`;
      }
      c.resize(PRINT_WIDTH_PX, height);
    });
  });
  window.addEventListener('afterprint', () => {
    for (const [box, height] of screenHeights) box.style.height = height;
    screenHeights.clear();
    rendered.charts.forEach((c) => c.resize());
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
