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
import { chromium } from 'playwright-core';
import { pageHtml } from '../../client/preview/page';
import type { PreviewState } from '../../client/preview/messages';
import { checkPlan } from '../../server/src/core';
import { generatePlan } from './generate';
import { median, quantile, REPO, round } from './measure';
import type { BenchRow } from './row';

const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const REDRAWS = 15;

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

export async function previewRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-bench-preview-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const text = generatePlan(50, 100);
    const summary = checkPlan(text, { asOf: '2024-01-31' }).summary;
    if (!summary) throw new Error('the generated plan has no summary');
    writeFileSync(path.join(dir, 'preview.js'), readFileSync(path.join(REPO, 'dist', 'webview', 'preview.js')));
    const file = path.join(dir, 'panel.html');
    const first: PreviewState = { mode: 'webview', fileName: 'big.eqplan.yaml', summary };
    writeFileSync(file, pageHtml(first, { nonce: 'BENCHNONCE', title: 'Preview', script: { kind: 'webview', src: 'preview.js', cspSource: 'file:' } }));
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    // The webview's API, as VS Code gives it to the page. Page scripts are strings: tsx would add helpers the page lacks.
    await page.addInitScript({
      content: 'let saved; window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => saved, setState(s) { saved = s; } });',
    });
    page.on('pageerror', (e) => console.error(`preview page: ${String(e)}`));
    await page.goto(`file://${file}`);
    await page.waitForSelector('#eqplan-root[data-charts]', { state: 'attached', timeout: 60_000 });
    await page.evaluate(REDRAW_TIMER);
    const times: number[] = [];
    for (let i = 0; i < REDRAWS; i++) {
      // Each update is a new summary object (as from the server after an edit): a changed title forces a full redraw.
      const state: PreviewState = { ...first, summary: { ...summary, title: `${summary.title} ${i}` } };
      times.push(Number(await page.evaluate(`window.__timeRedraw(${JSON.stringify({ type: 'update', state })})`)));
    }
    const charts = Number(await page.getAttribute('#eqplan-root', 'data-charts'));
    const p50 = median(times);
    return [
      { section: 'preview', what: `redraw after an update, 5,000 actions (${charts} charts), p50 of ${REDRAWS}`, value: round(p50), unit: 'ms', goal: '<= 100 ms', met: p50 <= 100, note: 'headless Chromium, message to frame painted' },
      { section: 'preview', what: `redraw after an update, 5,000 actions, p95 of ${REDRAWS}`, value: round(quantile(times, 0.95)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
