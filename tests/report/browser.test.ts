/**
 * The exported report opened in headless Chromium (Debian's chromium through
 * playwright-core): the charts are drawn, nothing is fetched from the
 * network, no console errors or CSP violations, and plan text that looks like
 * markup is shown as text and never runs.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pageHtml } from '../../client/preview/page';
import { checkSample, hostileResult, previewBundle, reportOf, REPO } from './fixtures';

const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

interface Watch {
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
  pageErrors: string[];
}

async function openReport(browser: Browser, file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
  const watch: Watch = { consoleErrors: [], requests: [], dialogs: [], pageErrors: [] };
  const own = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== own) watch.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  // Record CSP violations from the very start, before the report's own script runs.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(own);
  await page.waitForSelector('#eqplan-root[data-charts]');
  return { page, watch };
}

async function paintedPixels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('canvas')).map((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || !c.width || !c.height) return 0;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    }),
  );
}

describe('exported report in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let dir: string;
  const artifacts = path.join(REPO, 'test-artifacts');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eqplan-report-'));
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart of a plan with targets, offline and without errors', async () => {
    const result = checkSample('luton-workforce-2024.eqplan.yaml');
    const summary = result.summary;
    const file = path.join(dir, 'luton.html');
    writeFileSync(file, reportOf(result, { script: previewBundle(), fileName: 'luton-workforce-2024.eqplan.yaml', generated: '2024-02-01' }));
    const { page, watch } = await openReport(browser, file);
    const charts = Number(await page.getAttribute('#eqplan-root', 'data-charts'));
    // RAG by objective, deadlines by month, one per target, actions per owner.
    assert.equal(charts, 3 + summary.targets.length);
    const painted = await paintedPixels(page);
    assert.equal(painted.length, charts);
    assert.ok(painted.every((n) => n > 1000), `every canvas has drawing on it: ${painted.join(', ')}`);
    assert.equal(await page.locator('h1').innerText(), summary.title);
    assert.match(await page.locator('#findings').innerText(), /Action MC5 was due on 31 Dec 2023/);
    assert.match(await page.locator('footer').innerText(), /Report made on 1 Feb 2024/);
    assert.deepEqual(watch, { consoleErrors: [], requests: [], dialogs: [], pageErrors: [] });
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), []);
    await page.screenshot({ path: path.join(artifacts, 'report-luton.png'), fullPage: true });
    await page.close();
  });

  it('shows injected markup in plan text as characters, and runs none of it', async () => {
    const file = path.join(dir, 'hostile.html');
    writeFileSync(file, reportOf(hostileResult(), { script: previewBundle() }));
    const { page, watch } = await openReport(browser, file);
    assert.equal(await page.locator('h1').innerText(), '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('img, svg, iframe').count(), 0, 'no element was made from plan text');
    assert.deepEqual(await page.locator('style').evaluateAll((els) => els.map((e) => e.parentElement?.tagName)), ['HEAD'], 'only the report’s own stylesheet');
    assert.equal(await page.locator('b').count(), await page.locator('.eq-figure > b').count(), 'bold text only in the headline figures');
    assert.equal(await page.locator('script').count(), 1, 'only the report’s own script');
    const text = await page.locator('body').innerText();
    assert.ok(text.includes('<img src=x onerror=alert(5)> & more'), 'the action text is shown as written');
    assert.ok(text.includes('Evil <b>Council</b>'));
    assert.deepEqual(watch.dialogs, [], 'no alert() ran');
    assert.deepEqual(watch.requests, [], 'nothing was fetched (not even src=x)');
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), []);
    await page.close();
  });

  for (const sample of ['leicester-2019-20', 'luton-workforce-2024']) {
    it(`prints ${sample} with every table shown, no disclosure buttons and charts in their own shape`, async () => {
      const file = path.join(dir, `${sample}.html`);
      writeFileSync(file, reportOf(checkSample(`${sample}.eqplan.yaml`), { script: previewBundle() }));
      const { page, watch } = await openReport(browser, file);
      assert.equal(await page.locator('details[open]').count(), 0);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('details[open]').count(), await page.locator('details').count());
      assert.equal(await page.locator('details > summary').first().isVisible(), false);
      // Each chart is shown with the shape it was drawn in: scaled to the page, not squashed. The
      // printed page is narrower than the screen (A4 less its margins is about 688 CSS pixels), and
      // Chromium lays it out without giving the charts a chance to redraw: narrow the page and
      // measure in the same task, as printing does.
      const shapes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('canvas'), (c, i) => {
          if (i === 0) (document.getElementById('eqplan-root') as HTMLElement).style.width = '640px';
          const r = c.getBoundingClientRect();
          return { drawn: c.width / c.height, shown: r.width / r.height, width: r.width };
        }),
      );
      assert.ok(shapes.length >= 3);
      for (const s of shapes) assert.ok(Math.abs(s.shown - s.drawn) / s.drawn < 0.02, `chart drawn at ${s.drawn.toFixed(2)}:1 is shown at ${s.shown.toFixed(2)}:1`);
      const pdf = await page.pdf({ format: 'A4', margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
      assert.ok(pdf.length > 10_000);
      writeFileSync(path.join(artifacts, `report-${sample.split('-')[0]}.pdf`), pdf);
      assert.deepEqual(watch.consoleErrors, []);
      await page.close();
    });
  }

  it('draws the live preview page with the same sections and charts as the report', async () => {
    const result = checkSample('luton-workforce-2024.eqplan.yaml');
    // The panel's page as the webview gets it, with the bundle beside it instead of at a webview URI.
    writeFileSync(path.join(dir, 'preview.js'), previewBundle());
    const panelFile = path.join(dir, 'panel.html');
    writeFileSync(
      panelFile,
      pageHtml({ mode: 'webview', fileName: 'luton-workforce-2024.eqplan.yaml', summary: result.summary }, { nonce: 'PANELNONCE', title: 'Preview', script: { kind: 'webview', src: 'preview.js', cspSource: 'file:' } }),
    );
    const reportFile = path.join(dir, 'luton-same.html');
    writeFileSync(reportFile, reportOf(result, { script: previewBundle(), fileName: 'luton-workforce-2024.eqplan.yaml' }));
    const drawn = async (file: string) => {
      const { page, watch } = await openReport(browser, file);
      const sections = await page.locator('section.eq-section').evaluateAll((els) => els.map((e) => `${e.id}: ${e.querySelector('h2')?.textContent ?? ''}`));
      const charts = Number(await page.getAttribute('#eqplan-root', 'data-charts'));
      const title = await page.locator('h1').innerText();
      await page.close();
      return { sections, charts, title, errors: [...watch.consoleErrors, ...watch.pageErrors] };
    };
    const panel = await drawn(panelFile);
    const report = await drawn(reportFile);
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(report.errors, []);
    // The report adds the list of problems (the live preview leaves it to the Problems panel); every other section is the same.
    assert.deepEqual(report.sections.filter((s) => !s.startsWith('findings:')), panel.sections);
    assert.ok(report.sections.some((s) => s.startsWith('findings:')));
    assert.ok(panel.sections.length >= 5, panel.sections.join('; '));
    assert.equal(panel.charts, report.charts);
    assert.equal(panel.title, report.title);
  });
});
