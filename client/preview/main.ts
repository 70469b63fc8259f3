/**
 * The preview page's entry point (bundled on its own to dist/preview.js, a
 * browser IIFE). It runs in two places:
 *  - the VS Code webview, where it talks to the extension with postMessage
 *    (messages typed in client/src/previewMessages.ts) and clicks reveal the
 *    plan's source;
 *  - the standalone HTML report, where it only draws.
 * Either way it reads its first state from the escaped JSON in
 * `#eqplan-root[data-state]` and never imports `vscode`.
 */
import type { FromPreviewMessage, PreviewState, ToPreviewMessage } from '../src/previewMessages';
import { renderPage, type Rendered } from './render';
import { PREVIEW_CSS } from './styles';

interface VsCodeApi {
  postMessage(message: FromPreviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

function addStyles(): void {
  // The style element carries the nonce of the script that added it, as the CSP requires.
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || '';
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = PREVIEW_CSS;
  document.head.appendChild(style);
}

function readInitialState(root: HTMLElement, vscode: VsCodeApi | undefined): PreviewState {
  const fromAttr = root.getAttribute('data-state');
  if (fromAttr) {
    try {
      return JSON.parse(fromAttr) as PreviewState;
    } catch {
      // fall through to the saved state
    }
  }
  const saved = vscode?.getState() as PreviewState | undefined;
  return saved ?? { mode: vscode ? 'webview' : 'report', summary: null };
}

function start(): void {
  const root = document.getElementById('eqplan-root');
  if (!root) return;
  addStyles();
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  let state = readInitialState(root, vscode);
  document.body.classList.toggle('report', state.mode === 'report');
  let rendered: Rendered | undefined;
  let renders = 0;
  let highlighted: string | undefined;

  const reveal = vscode ? (source: FromPreviewMessage & { type: 'reveal' }) => vscode.postMessage(source) : undefined;
  const draw = () => {
    rendered?.destroy();
    rendered = renderPage(root, state, { reveal: reveal ? (source, label) => reveal({ type: 'reveal', source, label }) : undefined });
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
    vscode.setState(state);
    window.addEventListener('message', (event: MessageEvent<ToPreviewMessage>) => {
      const msg = event.data;
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'update') {
        state = msg.state;
        vscode.setState(state);
        draw();
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

  // Printed reports show every table, and charts sized for the page.
  window.addEventListener('beforeprint', () => {
    root.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    rendered?.charts.forEach((c) => c.resize());
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
