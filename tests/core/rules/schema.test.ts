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
      ['2022-23', '2023-03'],
      ['"FY 2023/24"', '2024-03'],
      ['FY23/24', '2024-03'],
      ['"Q1 2023/24"', '2023-Q2'],
      ['"Q4 2023/24"', '2024-Q1'],
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
    assert.match(f.message, /^`value` in milestone 1 of target "T" should be a number \(digits only, no % or £ sign\), not `thirty`\.$/);
  });
  it('explains how a financial-year deadline was read, and a quarter in words without nested brackets', () => {
    const [fy] = ofRule(check(planWith(action({ due: '2022-23' }))), 'schema');
    assert.equal(fy.message, "Action 1a's deadline `2022-23` is not written in a form eqplan reads. Write it as `2023-03` (the end of Mar 2023, when the 2022/23 financial year ends).");
    const [fq] = ofRule(check(planWith(action({ due: '"Q1 2023/24"' }))), 'schema');
    assert.equal(fq.message, "Action 1a's deadline `Q1 2023/24` is not written in a form eqplan reads. Write it as `2023-Q2` (the end of April–June 2023, quarter 1 of the 2023/24 financial year).");
    const [q] = ofRule(check(planWith(action({ due: 'Q3 2023' }))), 'schema');
    assert.equal(q.message, "Action 1a's deadline `Q3 2023` is not written in a form eqplan reads. Write it as `2023-Q3` (the end of July–September 2023).");
  });
  it('keeps month 24 a wrong month when the years do not follow on', () => {
    const found = ofRule(check(planWith(action({ due: '2022-24' }))), 'schema');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /is not a real date: there is no month 24/);
    assert.deepEqual(found[0].fixes, []);
  });
  it('says which month is wrong in a YYYY-MM-DD date', () => {
    const [f] = ofRule(check(planWith(action(), { head: 'asOf: 2019-13-45' })), 'schema');
    assert.equal(f.message, '`asOf` `2019-13-45` in the plan is not a real date: there is no month 13. Check the day and month.');
  });
  it('says which required text is empty and what to write', () => {
    const base = planWith(action());
    const cases: [string, string][] = [
      [base.replace('organisation: Test Borough Council', 'organisation: ""'), '`organisation` in the plan is empty. Write the name of the council or public body.'],
      [base.replace('title: Equality Action Plan', 'title: ""'), '`title` in the plan is empty. Write the name of the plan as published.'],
      [base.replace('    title: Accessible services', '    title: ""'), '`title` in objective P1 is empty. Write the objective as the plan words it.'],
      [planWith(action({ action: '""' })), '`action` in action 1a is empty. Write what will be done.'],
      [planWith(action(), { head: 'owners:\n  hr: { name: "" }' }), '`name` in owner `hr` is empty. Write the name of the team, board or officer as it should appear in reports.'],
      [planWith(action({ id: '""' })), '`id` in the action at line 8 is empty. Write an id that no other action uses (for example `1a`).'],
      [base.replace('  - id: P1', '  - id: ""'), '`id` in the objective at line 5 is empty. Write an id that no other objective uses (for example `P1` or `EO1`).'],
    ];
    for (const [text, message] of cases) {
      const found = ofRule(check(text), 'schema');
      assert.deepEqual(found.map((f) => f.message), [message]);
    }
  });
  it('asks for an objective-style id on an objective with none', () => {
    const text = planWith(action()).replace('  - id: P1\n    title: Accessible services', '  - title: Accessible services');
    const [f] = ofRule(check(text), 'schema');
    assert.equal(f.message, 'The objective at line 5 has no `id`. Give it an `id:` that no other objective uses (for example `P1` or `EO1`).');
  });
  it('names a list entry itself, not its parent', () => {
    const updates = ofRule(check(planWith(action({ updates: '\n    - { date: 2023-12-01, note: started }\n    - { note: no date }\n    - just text' }))), 'schema');
    assert.deepEqual(updates.map((f) => f.message), [
      'Progress update 2 of action 1a has no `date`. Add `date:` in the form YYYY-MM-DD.',
      'Progress update 3 of action 1a should be a set of fields, not `just text`.',
    ]);
    const t = '- id: T2\n  title: Staff trained\n  direction: up\n  tolerance: -1\n  milestones: [{ date: 2030-01-01 }]';
    const target = ofRule(check(planWith(action(), { targets: t })), 'schema').map((f) => f.message);
    assert.deepEqual(target, [
      '`tolerance` in target "Staff trained" must be at least 0, not `-1`. Write how far behind its trajectory the target may be and still count as on track, or leave `tolerance` out for none.',
      'Milestone 1 of target "Staff trained" has no `value`. Add `value:` with the number.',
    ]);
    const objectives = ofRule(check(planWith(action()).replace('objectives:\n', 'objectives:\n  - just text\n')), 'schema');
    assert.equal(objectives[0].message, 'Objective 1 should be a set of fields, not `just text`.');
  });
  it('keeps the case of the objective id in a label', () => {
    const [f] = ofRule(check(planWith('- oops').replace('- id: P1', '- id: P2')), 'schema');
    assert.equal(f.message, 'Action 1 of objective P2 should be a set of fields, not `oops`.');
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
