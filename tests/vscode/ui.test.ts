/**
 * The extension as a user sees it, in a real VS Code (code-server 1.100.3 in
 * headless Chromium): install the built VSIX, open a sample plan, find its
 * problems in the Problems panel, open the preview with the keybinding, find
 * the charts drawn in the webview, click an overdue action and land on its
 * line. Screenshots of the editor with the preview, in light and dark themes,
 * are saved to test-artifacts/.
 *
 * Run by `npm run test:ui` (it installs code-server and Chromium on first use).
 * Set EQPLAN_SKIP_PACKAGE=1 to reuse an existing eqplan.vsix.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { ensureCodeServer, ensureVsix, installVsix, launchChromium, makeRunDirs, REPO, startCodeServer, type Session } from '../../scripts/vscode/codeServer';

const ARTIFACTS = path.join(REPO, 'test-artifacts');
const SAMPLE = 'leicester-2019-20.eqplan.yaml';
const TARGETS_SAMPLE = 'luton-workforce-2024.eqplan.yaml';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The frame of the preview webview (VS Code nests it in two iframes), of the plan with this title if given. */
async function previewFrame(page: Page, title?: string): Promise<Frame> {
  return waitFor(`the preview webview with its charts${title ? ` for ${title}` : ''}`, async () => {
    for (const f of page.frames()) {
      try {
        const [n, h1] = await f.evaluate(() => [document.querySelector('#eqplan-root')?.getAttribute('data-charts'), document.querySelector('h1')?.textContent]);
        if (n && Number(n) > 0 && (!title || h1 === title)) return f;
      } catch {
        // frame navigating or detached
      }
    }
    return undefined;
  });
}

/** Quick Open (Ctrl+P): opens a workspace file in the editor. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${name}"]`);
}

/** Preferences: Color Theme (Ctrl+K Ctrl+T), from the editor. */
async function pickColorTheme(page: Page, theme: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget input[placeholder*="Color Theme"]').waitFor();
  await page.keyboard.type(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

describe('eqplan in VS Code (UI, code-server + Chromium)', function () {
  this.timeout(15 * 60_000);
  let session: Session;
  let browser: Browser;
  let page: Page;
  let dirs: ReturnType<typeof makeRunDirs>;
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    const entry = ensureCodeServer();
    const vsix = ensureVsix();
    dirs = makeRunDirs('ui', [SAMPLE, TARGETS_SAMPLE], { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.zoomLevel': 0 });
    installVsix(entry, vsix, dirs.userDataDir, dirs.extensionsDir);
    session = await startCodeServer(entry, dirs);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${session.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await session?.stop();
    if (dirs && process.env.EQPLAN_KEEP_RUN !== '1') rmSync(dirs.root, { recursive: true, force: true });
  });

  it('opens a sample plan and lists its findings in the Problems panel', async () => {
    await openFile(page, SAMPLE);
    await page.keyboard.press('Control+Shift+M');
    const text = await waitFor('the overdue actions in the Problems panel', async () => {
      const t = await page.locator('.markers-panel').innerText().catch(() => '');
      return /Action 1d was due/.test(t) ? t : undefined;
    }, 120_000);
    assert.match(text, /Action 3a was due/);
    assert.match(text, /eqplan/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-problems.png') });
  });

  it('shows the plan’s counts in the status bar', async () => {
    const item = await waitFor('the eqplan status bar item', async () => {
      const t = await page.locator('.statusbar-item', { hasText: 'eqplan:' }).first().innerText().catch(() => '');
      return /overdue/.test(t) ? t : undefined;
    });
    assert.match(item, /eqplan: 3 overdue, 1 unowned/);
  });

  it('opens the preview with Ctrl+K V and draws its charts', async () => {
    // Focus the editor, then Markdown's chord, which eqplan binds in plan files only.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const frame = await previewFrame(page);
    const charts = await frame.evaluate(() => {
      return Array.from(document.querySelectorAll('canvas')).map((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || !c.width || !c.height) return 0;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
      });
    });
    assert.ok(charts.length >= 3, `at least three charts (RAG, deadlines, owners); found ${charts.length}`);
    assert.ok(charts.every((n) => n > 500), `every chart has drawn pixels: ${charts.join(', ')}`);
    const heading = await frame.locator('h1').innerText();
    assert.equal(heading, 'Equality Action Plan 2019-2020');
    assert.match(await frame.locator('#overdue-h').innerText(), /Overdue actions \(3\)/);
  });

  it('reveals an overdue action in the editor when it is clicked', async () => {
    const frame = await previewFrame(page);
    const first = frame.locator('#overdue-list button.eq-action').first();
    const id = await first.getAttribute('data-action-id');
    assert.ok(id);
    const lines = readFileSync(path.join(dirs.workspace, SAMPLE), 'utf8').split('\n');
    const expected = lines.findIndex((l) => new RegExp(`^\\s*- id: ${id}\\s*$`).test(l)) + 1;
    assert.ok(expected > 0, `action ${id} is in the sample`);
    await first.click();
    const pos = await waitFor(`the cursor on line ${expected}`, async () => {
      const t = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '');
      return t.includes(`Ln ${expected},`) ? t : undefined;
    }, 30_000);
    assert.match(pos, new RegExp(`Ln ${expected},`));
  });

  it('looks right in light and dark themes (screenshots in test-artifacts/)', async () => {
    // Hide the Problems panel so the preview has the full height.
    await runCommand(page, 'View: Hide Panel');
    await waitFor('the panel to close', async () => !(await page.locator('.markers-panel').isVisible().catch(() => false)));
    const shoot = async (name: string) => {
      const f = await previewFrame(page);
      // Show the most overdue action in the editor beside the preview, scrolled so its line can be read.
      const first = f.locator('#overdue-list button.eq-action').first();
      const id = await first.getAttribute('data-action-id');
      await first.click();
      await waitFor(`action ${id} readable in the editor`, async () =>
        // Monaco draws spaces as no-break spaces.
        (await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '')).replace(/\u00a0/g, ' ').includes(`- id: ${id}`),
      );
      await f.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ARTIFACTS, `vscode-preview-${name}.png`) });
      await f.evaluate(() => document.querySelector('#rag-by-objective')?.scrollIntoView());
      await page.screenshot({ path: path.join(ARTIFACTS, `vscode-preview-${name}-charts.png`) });
      await f.evaluate(() => document.querySelector('#actions-per-owner')?.scrollIntoView());
      await page.screenshot({ path: path.join(ARTIFACTS, `vscode-preview-${name}-owners.png`) });
    };
    await shoot('light');
    const rendersBefore = await (await previewFrame(page)).evaluate(() => Number(document.querySelector('#eqplan-root')?.getAttribute('data-renders')));
    await runCommand(page, 'Toggle between Light/Dark Themes');
    await waitFor('the dark theme', () => page.locator('.monaco-workbench.vs-dark').count());
    // The preview redraws its charts in the new theme's colours.
    await waitFor('the preview redrawn in dark colours', async () => {
      const f = await previewFrame(page);
      return f.evaluate(
        (before) => document.body.classList.contains('vscode-dark') && Number(document.querySelector('#eqplan-root')?.getAttribute('data-renders')) > before,
        rendersBefore,
      );
    });
    await shoot('dark');
    await pickColorTheme(page, 'Dark High Contrast');
    await waitFor('the high contrast theme', () => page.locator('.monaco-workbench.hc-black').count());
    await waitFor('the preview redrawn in high contrast', async () => {
      const f = await previewFrame(page);
      return f.evaluate(() => document.body.classList.contains('vscode-high-contrast'));
    });
    await shoot('high-contrast');
  });

  it('draws a chart for each target of a plan with targets', async () => {
    // Back to a dark theme (the last test left high contrast on), then open the Luton plan and its preview.
    await pickColorTheme(page, 'Dark Modern');
    await waitFor('the dark theme', () => page.locator('.monaco-workbench.vs-dark').count());
    await openFile(page, TARGETS_SAMPLE);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const title = 'Workforce Equality, Diversity and Inclusion Plan - Council motion commitments and People Strategy 2023-26';
    const frame = await previewFrame(page, title);
    const targets = await frame.locator('.eq-target').count();
    assert.equal(targets, 5, 'the Luton plan has five targets');
    const painted = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('.eq-target canvas'), (c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      }),
    );
    assert.equal(painted.length, 5);
    assert.ok(painted.every((n) => n > 500), `every target chart has drawn pixels: ${painted.join(', ')}`);
    assert.match(await frame.locator('#targets').innerText(), /Missed: 20\.16% against 22% by 31 Mar 2023/);
    await frame.evaluate(() => document.querySelector('#targets')?.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-preview-dark-targets.png') });
  });

  it('raised no console errors, CSP violations or dialogs', () => {
    // VS Code logs "Canceled" when a quick pick is closed while it still loads; it is not an eqplan error.
    // Picking a theme saves the user's settings.json, and VS Code gives the extension host 1,750 ms to run
    // save participants; on a loaded machine it logs "Aborted onWillSaveTextDocument-event". eqplan has no
    // save participant (its server announces no willSave), so that message is VS Code's timing, not eqplan's.
    const relevant = consoleErrors.filter((e) => !/open-vsx|gallery|marketplace|ERR_NAME_NOT_RESOLVED|vsda|Failed to load resource|Canceled: Error: Canceled|Aborted onWillSaveTextDocument-event/i.test(e));
    assert.deepEqual(relevant, []);
    assert.deepEqual(dialogs, []);
  });

  it('restores the preview after the window reloads', async () => {
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    const frame = await previewFrame(page, 'Equality Action Plan 2019-2020');
    assert.equal(await frame.locator('h1').innerText(), 'Equality Action Plan 2019-2020');
    assert.match(await frame.locator('#overdue-h').innerText(), /Overdue actions \(3\)/);
  });
});
