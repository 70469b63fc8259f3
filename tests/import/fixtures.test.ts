/**
 * Golden tests of `eqplan import` on the fixtures written by
 * scripts/makeImportFixtures.ts: each imported plan must equal the golden
 * YAML beside its fixture, and its findings the golden findings. After a
 * deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan } from '../../server/src/core';
import type { ImportOptions } from '../../server/src/core/import';
import { importFile } from '../../server/src/node/import';

const FIXTURES = path.join(__dirname, 'fixtures');
/** The day the goldens were checked on (the findings depend on it). */
export const GOLDEN_TODAY = '2023-01-31';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: { file: string; options?: Partial<ImportOptions>; golden: string }[] = [
  { file: 'leicester-2019-20.docx', golden: 'leicester-2019-20' },
  { file: 'northfield-improvement-plan.docx', golden: 'northfield-improvement-plan' },
  { file: 'luton-people-plan.xlsx', golden: 'luton-people-plan' },
  { file: 'luton-commitments.csv', golden: 'luton-commitments' },
  { file: 'luton-commitments.csv', options: { objectivesFrom: { kind: 'column', header: 'Objective' }, organisation: 'Luton Council' }, golden: 'luton-commitments.by-objective' },
];

function golden(file: string, actual: string): string {
  const full = path.join(FIXTURES, file);
  if (UPDATE || !existsSync(full)) writeFileSync(full, actual);
  return readFileSync(full, 'utf8');
}

describe('eqplan import: fixtures against their goldens', () => {
  for (const c of CASES) {
    it(`${c.file}${c.options ? ' (with options)' : ''} imports to ${c.golden}.eqplan.yaml`, async () => {
      const outcome = await importFile(path.join(FIXTURES, c.file), { today: GOLDEN_TODAY, ...c.options });
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
      assert.equal(outcome.text, golden(`${c.golden}.eqplan.yaml`, outcome.text));
      const findings = `${JSON.stringify(outcome.findings, null, 2)}\n`;
      assert.equal(findings, golden(`${c.golden}.findings.json`, findings));
    });

    it(`${c.golden}.eqplan.yaml checks with no schema or syntax errors, and its header lists exactly its findings`, () => {
      const text = readFileSync(path.join(FIXTURES, `${c.golden}.eqplan.yaml`), 'utf8');
      const result = checkPlan(text, { asOf: GOLDEN_TODAY });
      assert.deepEqual(result.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
      const listed = result.findings.map((f) => `#   line ${f.range.start.line + 1}: ${f.severity} ${f.rule}: ${f.message}`);
      for (const line of listed) assert.ok(text.includes(line), `the header lists: ${line}`);
      const golden = JSON.parse(readFileSync(path.join(FIXTURES, `${c.golden}.findings.json`), 'utf8')) as { line: number; rule: string }[];
      assert.deepEqual(golden.map((f) => `${f.line} ${f.rule}`), result.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`));
    });
  }
});
