/**
 * Golden plan summaries: for every plan in `samples/` and the test fixtures
 * (tests/goldenPlans.ts), the summary the preview
 * and the report draw (`eqplan/summary`, `eqplan/report`) is checked in beside
 * it as `<name>.summary.json` (null for a file that does not read as a plan),
 * so a change in what the charts show shows up in review. Regenerate after an
 * intended change with
 *   UPDATE_GOLDEN=1 npx mocha tests/report/golden.test.ts
 * "Today" is the plan's own `asOf`, else the same fixed date as the findings
 * goldens (tests/golden.test.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkPlan } from '../../server/src/core';
import { GOLDEN_TODAY, goldenBeside, goldenPlans, REPO as ROOT } from '../goldenPlans';

describe('golden plan summaries of the samples and fixtures (what the preview draws)', () => {
  const files = goldenPlans();
  it('there are samples to draw', () => {
    assert.ok(files.length >= 3, `found ${files.length} plans`);
  });
  for (const file of files) {
    const name = relative(ROOT, file);
    it(name, () => {
      const goldenFile = goldenBeside(file, 'summary');
      // As it travels over LSP and into the page: plain JSON, unset fields left out.
      const actual: unknown = JSON.parse(JSON.stringify(checkPlan(readFileSync(file, 'utf8'), { localToday: GOLDEN_TODAY }).summary ?? null));
      if (process.env.UPDATE_GOLDEN || !existsSync(goldenFile)) {
        writeFileSync(goldenFile, JSON.stringify(actual, null, 2) + '\n');
        if (!process.env.UPDATE_GOLDEN) assert.fail(`${relative(ROOT, goldenFile)} did not exist; it has been written. Review it and commit it.`);
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(goldenFile, 'utf8')));
    });
  }
});
