/**
 * The preview's "Changes since" section: the changes the server lists
 * (`features/changes.ts`, as `eqplan/changes` answers) drawn by the preview
 * wing, with a chart of RAG over the plan's history.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { changesHeading, ragOverTime } from '../../client/preview/chartData';
import { makeNonce, pageHtml } from '../../client/preview/page';
import { planHistory } from '../../server/src/core';
import { planChanges } from '../../server/src/features/changes';
import { contextForText } from '../../server/src/features/context';
import { PLAN } from '../cli/gitRepo';
import { checkSample, previewBundle } from './fixtures';

const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';

const V2 = PLAN.replace('rag: green', 'rag: amber');
const NOW = V2.replace('rag: amber\n        measure: Workshops', 'rag: red\n        measure: Workshops').replace('due: 2022-11', 'due: 2023-03');

function changesView() {
  const history = planHistory([
    { commit: 'a'.repeat(40), date: '2022-03-01', author: 'Jo Bloggs', text: PLAN },
    { commit: 'b'.repeat(40), date: '2023-01-20', author: 'Sam Smith', text: V2 },
  ]);
  return planChanges(contextForText(NOW, { localToday: '2023-02-01' }), { history, base: { label: 'the last commit', commit: 'b'.repeat(40), text: V2 } });
}

describe('preview: changes since the last commit', () => {
  it('lists the changes with the lines they are on, and RAG at each version and now', () => {
    const v = changesView();
    assert.equal(changesHeading(v), 'Changes since the last commit (20 Jan 2023) (2)');
    assert.deepEqual(v.changes.map((c) => [c.kind, c.source?.line]), [
      ['deadline-slipped', NOW.split('\n').findIndex((l) => l.includes('due: 2023-03'))],
      ['rag-worsened', NOW.split('\n').findIndex((l) => l.includes('rag: red'))],
    ]);
    const chart = ragOverTime(v);
    assert.ok(chart);
    assert.deepEqual(chart.table.rows, [
      ['1 Mar 2022 (aaaaaaa)', '0', '1', '1', '0', '0'],
      ['20 Jan 2023 (bbbbbbb)', '0', '2', '0', '0', '0'],
      ['Now (not committed)', '1', '1', '0', '0', '0'],
    ]);
  });

  it('says why there is nothing to compare with outside git, and draws no chart of one version', () => {
    const v = planChanges(contextForText(PLAN, { localToday: '2023-02-01' }), undefined);
    assert.deepEqual(v.changes, []);
    assert.match(v.notice ?? '', /not in a git repository/);
    assert.equal(ragOverTime(v), undefined);
  });

  it('is drawn in the page: the list and the chart', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-changes-'));
    let browser: Browser | undefined;
    try {
      const summary = checkSample('luton-workforce-2024.eqplan.yaml').summary;
      const file = path.join(dir, 'changes.html');
      writeFileSync(file, pageHtml({ mode: 'report', summary, changes: changesView() }, { nonce: makeNonce(), title: 'Changes', script: { kind: 'inline', source: previewBundle() } }));
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('#eqplan-root[data-charts]');
      assert.equal(await page.locator('#changes-h').innerText(), 'Changes since the last commit (20 Jan 2023) (2)');
      const items = await page.locator('#changes-list li').allInnerTexts();
      assert.equal(items.length, 2);
      assert.match(items[0], /Worth checking Action 1a's deadline moved from Nov 2022 to Mar 2023/);
      assert.equal(await page.locator('#rag-over-time-chart canvas').count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
