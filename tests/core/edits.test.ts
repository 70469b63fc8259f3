import assert from 'node:assert/strict';
import { applyEdits, checkPlan, collectFixes, parsePlan } from '../../server/src/core';
import { action, check, ofRule, planWith } from './helpers';

/** The text after one round of safe fixes, as `eqplan check --fix` applies them. */
function fixOnce(text: string): string {
  const findings = checkPlan(text, { localToday: '2019-01-15' }).findings;
  return applyEdits(text, collectFixes(findings, { safeOnly: true }));
}

/** The text after applying the preferred fix of the first finding of `rule`. */
function applyFirstFix(text: string, rule: string): string {
  const finding = ofRule(check(text), rule)[0];
  assert.ok(finding, `no ${rule} finding`);
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  return applyEdits(text, fix.edits);
}

describe('edits: values written as block scalars (`>-`, `|`)', () => {
  it('a `due: >-` date phrase is replaced without pulling the next field onto its line', () => {
    const text = planWith(action({ due: '>-\n    end July\n    2019' }));
    const fixed = fixOnce(text);
    assert.match(fixed, /^ {8}due: 2019-07\n {8}rag: green$/m);
    assert.equal(parsePlan(fixed).syntax.length, 0);
  });

  it('a `rag: >-` or `rag: |` at the end of an action is replaced in place; the next action is untouched', () => {
    for (const indicator of ['>-', '|', '|+']) {
      const text = planWith(`${action({ rag: `${indicator}\n    Amber`, measure: undefined })}\n${action({ id: '1b', measure: undefined })}`);
      const fixed = fixOnce(text);
      assert.match(fixed, /^ {8}rag: amber\n {6}- id: 1b$/m, `${indicator}:\n${fixed}`);
      assert.equal(parsePlan(fixed).syntax.length, 0, indicator);
    }
  });

  it('keeps the spacing before a trailing comment as it was', () => {
    const fixed = fixOnce(planWith(action({ due: 'Sept 2022   # agreed at committee' })));
    assert.match(fixed, /^ {8}due: 2022-09 {3}# agreed at committee$/m);
  });

  it('adds a missing field inside its own action when the action ends with a block scalar or a list', () => {
    for (const last of ['x-notes: |\n  Workshops booked', 'updates:\n  - { date: 2023-12-01, note: Booked }']) {
      const text = planWith(`${action({ rag: undefined, measure: undefined })}\n  ${last.replace(/\n/g, '\n  ')}\n${action({ id: '1b' })}`);
      const fixed = applyFirstFix(text, 'missing-rag');
      const doc = checkPlan(fixed, { localToday: '2024-01-15' });
      assert.equal(doc.parsed.syntax.length, 0, fixed);
      const actions = (doc.parsed.value as { objectives: { actions: { id: string; rag?: string }[] }[] }).objectives[0].actions;
      assert.equal(actions[0].rag, 'red', fixed);
      assert.equal(actions[1].rag, 'green', fixed);
    }
  });
});

describe('edits: a text that starts with a byte order mark', () => {
  it('gives line 1 the same columns as without the mark, and a fix keeps the mark', () => {
    const plain = planWith(action({ due: 'Sept 2022' })).replace('eqplan: 1', 'eqplan: 1\nx-old: 1\nfoo: 1');
    const withBom = `\uFEFF${plain}`;
    const ranges = (text: string) => check(text).map((f) => `${f.rule} ${JSON.stringify(f.range)}`);
    assert.deepEqual(ranges(withBom), ranges(plain));

    const first = `\uFEFFfoo: 1\n${plain}`;
    const finding = check(first).find((f) => /`foo`/.test(f.message));
    assert.ok(finding);
    assert.deepEqual(finding.range.start, { line: 0, character: 0 });

    const fixed = fixOnce(withBom);
    assert.ok(fixed.startsWith('\uFEFFeqplan: 1\n'));
    assert.match(fixed, /due: 2022-09/);
  });
});
