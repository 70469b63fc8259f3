/**
 * The live preview after an update, in headless Chromium (Debian's chromium
 * through playwright-core): the page is patched, not rebuilt, so the charts
 * stay the same canvases (and Chart objects) and show the new data, and the
 * page then is the page a fresh render of the same summary draws. Long lists
 * show their first rows and a button for the rest.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pageHtml } from '../../client/preview/page';
import type { PlanSummary, PreviewState } from '../../client/preview/messages';
import { LAZY_TABLE_ROWS, LIST_LIMIT } from '../../client/preview/render';
import { checkPlan } from '../../server/src/core';
import { generatePlan } from '../bench/generate';
import { checkSample, previewBundle, REPO } from './fixtures';

const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** The webview's API as VS Code gives it to the page; what the page posts is kept in `__posted`. Strings: tsx would add helpers the page lacks. */
const VSCODE_API = 'let saved; window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage(m) { window.__posted.push(m); }, getState: () => saved, setState(s) { saved = s; } });';

/**
 * The root's markup, with what chart.js sets on a canvas for the size it drew at (which follows
 * the window, not the plan) left out.
 */
const MARKUP = `(() => {
  const copy = document.getElementById('eqplan-root').cloneNode(true);
  for (const c of copy.querySelectorAll('canvas')) for (const a of ['width', 'height', 'style']) c.removeAttribute(a);
  for (const a of ['data-renders', 'data-state']) copy.removeAttribute(a);
  return copy.outerHTML;
})()`;

/** Luton's plan as edited: a new title, one action's RAG changed and a comment above it all (every line moves down). */
function editedLuton(): PlanSummary {
  const text = readFileSync(path.join(REPO, 'samples', 'luton-workforce-2024.eqplan.yaml'), 'utf8');
  const lines = text.split('\n');
  assert.equal(lines[67], '        rag: amber');
  lines[67] = '        rag: red';
  const edited = `# edited\n${lines.join('\n').replace(/^title: .*$/m, 'title: Workforce plan (draft)')}`;
  const summary = checkPlan(edited, { localToday: '2024-01-31' }).summary;
  if (!summary) throw new Error('the edited plan has no summary');
  return summary;
}

describe('live preview after an update, in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eqplan-update-'));
    writeFileSync(path.join(dir, 'preview.js'), previewBundle());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let pages = 0;
  async function openPanel(summary: PlanSummary): Promise<{ page: Page; errors: string[] }> {
    const file = path.join(dir, `panel-${++pages}.html`);
    const state: PreviewState = { mode: 'webview', fileName: 'plan.eqplan.yaml', summary };
    writeFileSync(file, pageHtml(state, { nonce: 'UPDATENONCE', title: 'Preview', script: { kind: 'webview', src: 'preview.js', cspSource: 'file:' } }));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await page.addInitScript({ content: VSCODE_API });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#eqplan-root[data-charts]', { state: 'attached' });
    return { page, errors };
  }

  /** Posts an update as the extension does and waits for the page to have drawn it. */
  async function update(page: Page, summary: PlanSummary): Promise<void> {
    const before = Number(await page.getAttribute('#eqplan-root', 'data-renders'));
    const state: PreviewState = { mode: 'webview', fileName: 'plan.eqplan.yaml', summary };
    await page.evaluate((message) => window.postMessage(message, '*'), { type: 'update', state });
    await page.waitForFunction((n) => Number(document.getElementById('eqplan-root')?.getAttribute('data-renders')) > n, before);
  }

  /** The page a fresh render of `summary` draws: its markup, text and number of charts. */
  async function fresh(summary: PlanSummary): Promise<{ markup: string; text: string; charts: string | null }> {
    const { page, errors } = await openPanel(summary);
    const drawn = { markup: String(await page.evaluate(MARKUP)), text: await page.locator('#eqplan-root').innerText(), charts: await page.getAttribute('#eqplan-root', 'data-charts') };
    assert.deepEqual(errors, []);
    await page.close();
    return drawn;
  }

  it('updates the same charts in place, and then shows what a fresh render of the new summary shows', async () => {
    const luton = checkSample('luton-workforce-2024.eqplan.yaml').summary;
    const edited = editedLuton();
    const { page, errors } = await openPanel(luton);
    // The canvases before the update, kept in the page (an attribute on them would change the markup compared below).
    const before = await page.evaluate(() => {
      const w = window as unknown as { __canvases: HTMLCanvasElement[] };
      w.__canvases = Array.from(document.querySelectorAll('canvas'));
      return w.__canvases.map((c) => ({ id: c.parentElement?.id ?? '', pixels: c.toDataURL() }));
    });
    assert.ok(before.length >= 4, `charts drawn: ${before.length}`);

    await update(page, edited);

    const after = await page.evaluate(() => {
      const kept = (window as unknown as { __canvases: HTMLCanvasElement[] }).__canvases;
      const now = Array.from(document.querySelectorAll('canvas'));
      return { same: now.length === kept.length && now.every((c, i) => c === kept[i]), pixels: now.map((c) => c.toDataURL()) };
    });
    assert.ok(after.same, 'every chart is drawn on the canvas it had before the update');
    // The RAG chart shows the edit: one more red action in its objective, one fewer amber.
    const ragAt = before.findIndex((c) => c.id === 'rag-by-objective-chart');
    assert.ok(ragAt >= 0);
    assert.notEqual(after.pixels[ragAt], before[ragAt].pixels, 'the RAG chart was redrawn with the new counts');
    assert.equal(await page.locator('h1').innerText(), 'Workforce plan (draft)');

    const expected = await fresh(edited);
    assert.equal(await page.evaluate(MARKUP), expected.markup);
    assert.equal(await page.locator('#eqplan-root').innerText(), expected.text);
    assert.equal(await page.getAttribute('#eqplan-root', 'data-charts'), expected.charts);

    // A click on an action after the update reveals where it is now (one line further down).
    await page.locator('#overdue-list button.eq-action').first().click();
    const posted = await page.evaluate(() => (window as unknown as { __posted: { type: string; source?: { line: number } }[] }).__posted.filter((m) => m.type === 'reveal'));
    const id = await page.locator('#overdue-list button.eq-action').first().getAttribute('data-action-id');
    const action = edited.actions.find((a) => a.id === id);
    assert.ok(action);
    assert.equal(posted.at(-1)?.source?.line, action.source.line);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('adds and removes sections and charts as plans change, ending as a fresh render would', async () => {
    const luton = checkSample('luton-workforce-2024.eqplan.yaml').summary;
    const leicester = checkSample('leicester-2019-20.eqplan.yaml').summary;
    assert.ok(luton.targets.length > 0 && leicester.targets.length === 0, 'Luton has targets and Leicester none');
    const { page, errors } = await openPanel(leicester);
    for (const next of [luton, leicester, luton]) {
      await update(page, next);
      const expected = await fresh(next);
      assert.equal(await page.evaluate(MARKUP), expected.markup);
      assert.equal(await page.getAttribute('#eqplan-root', 'data-charts'), expected.charts);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the first rows of a long list and the rest when asked, and keeps them shown after an update', async () => {
    // 5 objectives of 150 actions: several hundred overdue, over a hundred unowned.
    const text = generatePlan(5, 150);
    const summary = checkPlan(text, { asOf: '2024-01-31' }).summary;
    if (!summary) throw new Error('no summary');
    const overdue = summary.overdue.length;
    assert.ok(overdue > LIST_LIMIT, `overdue: ${overdue}`);
    const { page, errors } = await openPanel(summary);
    assert.equal(await page.locator('#overdue-list > li').count(), LIST_LIMIT);
    const button = page.locator('#overdue button.eq-show-all');
    assert.equal(await button.innerText(), `Show all ${overdue} (${overdue - LIST_LIMIT} more)`);
    assert.equal(await page.locator('#overdue h2').innerText(), `Overdue actions (${overdue})`);
    await button.click();
    assert.equal(await page.locator('#overdue-list > li').count(), overdue);
    assert.equal(await page.locator('#overdue button.eq-show-all').count(), 0);
    // The focus goes to the first row that was hidden, not to the top of the page.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#overdue-list > li')[100]), true);
    await update(page, { ...summary, title: 'Renamed' });
    assert.equal(await page.locator('#overdue-list > li').count(), overdue);
    // A printout shows every row of every list (the unowned list was held back too), without the buttons.
    assert.ok(summary.unowned.length > LIST_LIMIT, `unowned: ${summary.unowned.length}`);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal(await page.locator('#unowned-list > li').count(), summary.unowned.length);
    assert.equal(await page.locator('button.eq-show-all').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('builds a large table when it is opened, and every table for printing', async () => {
    const summary = checkPlan(generatePlan(LAZY_TABLE_ROWS + 20, 1), { asOf: '2024-01-31' }).summary;
    if (!summary) throw new Error('no summary');
    const { page, errors } = await openPanel(summary);
    const rows = page.locator('#rag-by-objective-table tbody > tr');
    assert.equal(await rows.count(), 0, 'a closed large table is not built');
    assert.equal(await page.locator('#actions-per-owner-table tbody > tr').count(), summary.owners.length, 'a small table is built with the page');
    await page.locator('#rag-by-objective-table > summary').click();
    await page.waitForFunction(() => document.querySelectorAll('#rag-by-objective-table tbody > tr').length > 0);
    assert.equal(await rows.count(), summary.objectives.length);
    // Still open, with its rows, after an update that changes it.
    await update(page, { ...summary, objectives: summary.objectives.slice(1) });
    assert.equal(await page.locator('#rag-by-objective-table[open]').count(), 1);
    await page.waitForFunction((n) => document.querySelectorAll('#rag-by-objective-table tbody > tr').length === n, summary.objectives.length - 1);
    assert.deepEqual(errors, []);
    await page.close();
    // Printing builds it at once (before the page is laid out for paper), with every other table.
    const printed = await openPanel(summary);
    await printed.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal(await printed.page.locator('#rag-by-objective-table tbody > tr').count(), summary.objectives.length);
    assert.equal(await printed.page.locator('details[open]').count(), await printed.page.locator('details').count());
    assert.deepEqual(printed.errors, []);
    await printed.page.close();
  });
});
