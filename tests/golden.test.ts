/**
 * Golden tests: every plan in `samples/` and in each `fixtures` folder under
 * `tests/` (tests/goldenPlans.ts) has its expected findings checked in beside
 * it (`<name>.expected.json`), so any change in findings shows up in review.
 * Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npx mocha tests/golden.test.ts
 * "Today" is the plan's own `asOf`, else GOLDEN_TODAY.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkPlan } from '../server/src/core';
import { GOLDEN_TODAY, goldenBeside, goldenPlans, REPO as ROOT } from './goldenPlans';

/** What a golden file holds for a plan: the findings as a reviewer reads them (1-based lines). */
export function goldenOf(text: string) {
  const result = checkPlan(text, { localToday: GOLDEN_TODAY });
  return {
    today: result.today,
    findings: result.findings.map((f) => ({
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.rule,
      path: f.path,
      message: f.message,
      fixes: f.fixes.map((x) => x.title + (x.safe ? ' (safe)' : '')),
    })),
  };
}

describe('golden findings of the samples and fixtures', () => {
  const files = goldenPlans();
  it('there are samples and fixtures to check', () => {
    const names = files.map((f) => relative(ROOT, f).split('\\').join('/'));
    assert.ok(names.filter((n) => n.startsWith('samples/')).length >= 4, `found ${names.length} plans`);
    assert.ok(names.includes('tests/cli/fixtures/small.eqplan.yaml') && names.includes('tests/import/fixtures/luton-people-plan.eqplan.yaml'), names.join(', '));
  });
  for (const file of files) {
    const name = relative(ROOT, file);
    it(name, () => {
      const expectedFile = goldenBeside(file, 'expected');
      const actual = goldenOf(readFileSync(file, 'utf8'));
      if (process.env.UPDATE_GOLDEN || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
        if (!process.env.UPDATE_GOLDEN) assert.fail(`${relative(ROOT, expectedFile)} did not exist; it has been written. Review it and commit it.`);
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
