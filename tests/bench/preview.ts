/**
 * The preview section of `npm run bench`: the live preview page (the built
 * dist/webview/preview.js in the panel's page) in headless Chromium, as in
 * tests/report/browser.test.ts. It measures, inside the page
 * (performance.now), the time from an `update` message carrying the summary
 * of a 5,000-action plan to the redraw done and the next frame painted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { pageHtml } from '../../client/preview/page';
import type { PreviewState } from '../../client/preview/messages';
import { checkPlan } from '../../server/src/core';
import { generatePlan } from './generate';
import { median, quantile, REPO, round } from './measure';
import type { BenchRow } from './row';

const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const REDRAWS = 15;
const FIRST_RENDERS = 5;

/**
 * Installs `__timeRedraw(message)` in the page: posts the message as the
 * extension does and resolves with the ms until the page has redrawn
 * (`data-renders` changes) and the browser has painted the next frame.
 */
const REDRAW_TIMER = `window.__timeRedraw = (message) => new Promise((resolve) => {
  const root = document.getElementById('eqplan-root');
  const before = root.getAttribute('data-renders');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (root.getAttribute('data-renders') === before) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-renders'] });
  window.postMessage(message, '*');
})`;

/**
 * Posts a message `times` times (a fresh one each time, from `make`) and returns the ms of each
 * redraw. Each message is put in the page first and posted by a second script: building a
 * 5,000-action object from the script's text and posting it in the same task made the message
 * arrive 80–150 ms late in Chromium with the page doing nothing, a cost of this harness and not
 * of the preview, whose messages come from the extension already built. The copy that posting
 * makes (serialising and reading back the summary) stays in the figure.
 */
async function timeRedraws(page: Page, times: number, make: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    await page.evaluate(`window.__staged = ${JSON.stringify(make(i))}`);
    out.push(Number(await page.evaluate('window.__timeRedraw(window.__staged)')));
  }
  return out;
}

export async function previewRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-bench-preview-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const text = generatePlan(50, 100);
    const summary = checkPlan(text, { asOf: '2024-01-31' }).summary;
    if (!summary) throw new Error('the generated plan has no summary');
    // An edit as a user makes one: one action's RAG changed (its objective's bar, the lists and tables move).
    const edited = checkPlan(text.replace(/(id: 25-50\n(?:.*\n)*?\s+rag: )(\w+)/, (_all, head: string, rag: string) => `${head}${rag === 'green' ? 'red' : 'green'}`), { asOf: '2024-01-31' }).summary;
    if (!edited) throw new Error('the edited plan has no summary');
    writeFileSync(path.join(dir, 'preview.js'), readFileSync(path.join(REPO, 'dist', 'webview', 'preview.js')));
    const file = path.join(dir, 'panel.html');
    const first: PreviewState = { mode: 'webview', fileName: 'big.eqplan.yaml', summary };
    // The panel opens waiting for the plan's first check; the first summary is then a first render (nothing to re-use).
    writeFileSync(file, pageHtml({ mode: 'webview', fileName: 'big.eqplan.yaml', summary: null }, { nonce: 'BENCHNONCE', title: 'Preview', script: { kind: 'webview', src: 'preview.js', cspSource: 'file:' } }));
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    // The webview's API, as VS Code gives it to the page. Page scripts are strings: tsx would add helpers the page lacks.
    await page.addInitScript({
      content: 'let saved; window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => saved, setState(s) { saved = s; } });',
    });
    page.on('pageerror', (e) => console.error(`preview page: ${String(e)}`));
    await page.goto(`file://${file}`);
    await page.waitForSelector('#eqplan-root[data-renders]', { state: 'attached', timeout: 60_000 });
    await page.evaluate(REDRAW_TIMER);
    const empty = { type: 'update', state: { ...first, summary: null } };
    const firstTimes: number[] = [];
    for (let i = 0; i < FIRST_RENDERS; i++) {
      await timeRedraws(page, 1, () => empty);
      firstTimes.push(...(await timeRedraws(page, 1, () => ({ type: 'update', state: first }))));
    }
    // Each update is a new summary object (as from the server after an edit): here only the title changed.
    const titleTimes = await timeRedraws(page, REDRAWS, (i) => ({ type: 'update', state: { ...first, summary: { ...summary, title: `${summary.title} ${i}` } } }));
    // One action's RAG changed back and forth.
    const editTimes = await timeRedraws(page, REDRAWS, (i) => ({ type: 'update', state: { ...first, summary: i % 2 ? summary : edited } }));
    const charts = Number(await page.getAttribute('#eqplan-root', 'data-charts'));
    const p50 = median(editTimes);
    return [
      { section: 'preview', what: `redraw after an edit (one RAG changed), 5,000 actions (${charts} charts), p50 of ${REDRAWS}`, value: round(p50), unit: 'ms', goal: '<= 100 ms', met: p50 <= 100, note: 'headless Chromium, message to frame painted' },
      { section: 'preview', what: `redraw after an edit (one RAG changed), 5,000 actions, p95 of ${REDRAWS}`, value: round(quantile(editTimes, 0.95)), unit: 'ms' },
      { section: 'preview', what: `redraw after an update (title changed), 5,000 actions, p50 of ${REDRAWS}`, value: round(median(titleTimes)), unit: 'ms', goal: '<= 100 ms', met: median(titleTimes) <= 100 },
      { section: 'preview', what: `first render, 5,000 actions, p50 of ${FIRST_RENDERS}`, value: round(median(firstTimes)), unit: 'ms', note: 'from the waiting page; no goal' },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `node --import tsx tests/bench/preview.ts`.
if (require.main === module) {
  previewRows().then(
    (rows) => {
      for (const r of rows) console.log(`${r.what}: ${r.value} ${r.unit}${r.goal ? ` (goal ${r.goal}: ${r.met ? 'met' : 'NOT MET'})` : ''}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
