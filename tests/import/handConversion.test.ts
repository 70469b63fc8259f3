/**
 * "The imported plan gives the same findings as a careful hand conversion of
 * the same table": the improvement-plan fixture imported by eqplan and typed
 * by hand (its own ids and owner ids) give the same checks at the same places.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan } from '../../server/src/core';
import { importFile } from '../../server/src/node/import';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('eqplan import: same findings as a hand conversion', () => {
  it('northfield-improvement-plan.docx', async () => {
    const today = '2023-01-31';
    const outcome = await importFile(path.join(FIXTURES, 'northfield-improvement-plan.docx'), { today });
    assert.ok(outcome.ok);
    const hand = checkPlan(readFileSync(path.join(FIXTURES, 'northfield-improvement-plan.hand.eqplan.yaml'), 'utf8'), { asOf: today });
    const imported = checkPlan(outcome.text, { asOf: today });
    const where = (f: { rule: string; path: string }) => `${f.rule} ${f.path}`;
    assert.ok(imported.findings.length > 5, 'the plan has findings to compare');
    assert.deepEqual(imported.findings.map(where), hand.findings.map(where));
  });
});
