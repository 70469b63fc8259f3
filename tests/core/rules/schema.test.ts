import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import { applyEdits, collectFixes, PLAN_SCHEMA } from '../../../server/src/core';
import { action, check, ofRule, planWith } from '../helpers';

describe('rule schema', () => {
  it('the schema compiles in ajv strict mode', () => {
    new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(PLAN_SCHEMA);
  });
  it('explains a misspelt RAG and fixes its case safely', () => {
    const text = planWith(action({ rag: '"Green "' }));
    const [f] = ofRule(check(text), 'schema');
    assert.equal(f.message, "Action 1a's `rag` must be red, amber or green, not `Green `. Did you mean `green`?");
    assert.equal(f.path, '/objectives/0/actions/0/rag');
    assert.equal(f.fixes[0].safe, true);
    assert.match(applyEdits(text, f.fixes[0].edits), /rag: green\n/);
  });
  it('offers a status synonym as a quick fix but not as a safe one', () => {
    const [f] = ofRule(check(planWith(action({ status: 'complete' }))), 'schema');
    assert.match(f.message, /Action 1a's `status` must be not-started, in-progress, done or dropped, not `complete`. Did you mean `done`\?/);
    assert.equal(f.fixes[0].safe, false);
  });
  it('names an unknown field on its key, with a did-you-mean and a rename fix', () => {
    const text = planWith(action({ due: undefined, deadline: '2024-03' }));
    const [f] = ofRule(check(text), 'schema');
    assert.equal(f.message, 'Action 1a has a field `deadline` that eqplan does not know. Did you mean `due`? Fields for local use must start with `x-`.');
    assert.equal(f.range.end.character - f.range.start.character, 'deadline'.length);
    assert.match(applyEdits(text, f.fixes[0].edits), /\n        due: 2024-03\n/);
  });
  it('allows x- fields anywhere', () => {
    assert.deepEqual(ofRule(check(planWith(action({ 'x-notes': 'kept for us' }), { head: 'x-committee: Cabinet' })), 'schema'), []);
  });
  it('rewrites council date phrases with a safe fix', () => {
    const cases: [string, string][] = [
      ['Nov 22', '2022-11'],
      ['Sept 2022', '2022-09'],
      ['31.3.23', '2023-03-31'],
      ['end July 2019', '2019-07'],
      ['"Nov 2022 & Ongoing"', '2022-11'],
      ['2023/24', '2024-03'],
    ];
    for (const [phrase, canonical] of cases) {
      const text = planWith(action({ due: phrase }));
      const [f] = ofRule(check(text), 'schema');
      assert.match(f.message, new RegExp(`Write it as \`${canonical}\``), phrase);
      const fixed = applyEdits(text, collectFixes([f], { safeOnly: true }));
      assert.match(fixed, new RegExp(`due: ${canonical}\\n`), phrase);
      assert.equal(ofRule(check(fixed), 'schema').length, 0, phrase);
    }
  });
  it('explains an unreadable date without a fix', () => {
    const [f] = ofRule(check(planWith(action({ due: 'Summer 2019' }))), 'schema');
    assert.match(f.message, /deadline `Summer 2019` is not a date eqplan can read\. Write a day as YYYY-MM-DD/);
    assert.deepEqual(f.fixes, []);
  });
  it('flags impossible days', () => {
    const [f] = ofRule(check(planWith(action({ due: '2023-02-29' }))), 'schema');
    assert.match(f.message, /is not a real date: Feb 2023 has 28 days/);
  });
  it('explains wrong types in words', () => {
    const t = '- id: t1\n  title: T\n  direction: up\n  milestones: [{ date: 2030-01-01, value: thirty }]';
    const [f] = ofRule(check(planWith(action(), { targets: t })), 'schema');
    assert.match(f.message, /^`value` in target "T" should be a number \(digits only, no % or £ sign\), not `thirty`\.$/);
  });
  it('reports a missing required field on the item, once', () => {
    const found = ofRule(check(planWith(action({ action: undefined }))), 'schema');
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'Action 1a has no `action`. Add `action:` saying what will be done.');
  });
  it('does not report owner, due, measure or rag as schema when missing', () => {
    const all = check(planWith(action({ owner: undefined, due: undefined, measure: undefined, rag: undefined })));
    assert.deepEqual(ofRule(all, 'schema'), []);
  });
  it('lower-cases a characteristic safely and knows synonyms', () => {
    const [f] = ofRule(check(planWith(action({ characteristics: '[Race]' }))), 'schema');
    assert.match(f.message, /`Race` is not one of the protected characteristics/);
    assert.equal(f.fixes[0].safe, true);
    const [g] = ofRule(check(planWith(action({ characteristics: '[ethnicity]' }))), 'schema');
    assert.equal(g.fixes[0].title, 'Change to `race`');
  });
  it('recognises a YAML file that is not a plan at all', () => {
    const found = check('name: my-app\nversion: 2\n');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /not an equality plan/);
  });
});

describe('one problem, one finding', () => {
  it('a misspelt `deadline:` is not also missing-deadline, but a real missing due still is', () => {
    const all = check(planWith(action({ due: undefined, deadline: '2024-03' })));
    assert.deepEqual(all.map((f) => f.rule), ['schema']);
    const other = check(planWith(action({ due: undefined, 'x-deadline': '2024-03' })));
    assert.deepEqual(other.map((f) => f.rule), ['missing-deadline']);
  });
});
