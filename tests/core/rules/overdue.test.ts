import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core';
import { action, check, ofRule, planWith } from '../helpers';

describe('rule overdue', () => {
  const asOf = '2022-12-01';
  it('flags an open action due before today, with the date and days', () => {
    const [f, ...rest] = ofRule(check(planWith(action({ id: '2c', due: '2022-11-30', rag: 'amber' })), { asOf }), 'overdue');
    assert.equal(rest.length, 0);
    assert.equal(f.message, 'Action 2c was due on 30 Nov 2022, 1 day ago, and is not done. Update its status or agree a new date.');
    assert.equal(f.severity, 'warning');
    assert.equal(f.path, '/objectives/0/actions/0/due');
    assert.equal(f.range.start.line, 10);
  });
  it('counts days correctly over a leap day and for month deadlines', () => {
    const [f] = ofRule(check(planWith(action({ due: '2024-02', rag: 'amber' })), { asOf: '2024-03-30' }), 'overdue');
    assert.match(f.message, /due on 29 Feb 2024, 30 days ago/);
  });
  it('uses the end of the quarter for YYYY-Qn', () => {
    assert.equal(ofRule(check(planWith(action({ due: '2023-Q4' })), { asOf: '2023-12-31' }), 'overdue').length, 0);
    assert.equal(ofRule(check(planWith(action({ due: '2023-Q4', rag: 'amber' })), { asOf: '2024-01-01' }), 'overdue').length, 1);
  });
  it('does not flag an action due today', () => {
    assert.equal(ofRule(check(planWith(action({ due: asOf })), { asOf }), 'overdue').length, 0);
  });
  it('skips done and dropped actions', () => {
    for (const status of ['done', 'dropped']) {
      assert.equal(ofRule(check(planWith(action({ due: '2020-01-01', status })), { asOf }), 'overdue').length, 0, status);
    }
  });
  it('treats not-started as open', () => {
    assert.equal(ofRule(check(planWith(action({ due: '2020-01-01', status: 'not-started', rag: 'red' })), { asOf }), 'overdue').length, 1);
  });
  it("uses the plan's asOf when no option is given, and the option over it", () => {
    const text = planWith(action({ due: '2022-11-30', rag: 'amber' }), { head: 'asOf: 2022-11-01' });
    assert.equal(ofRule(check(text), 'overdue').length, 0);
    assert.equal(ofRule(check(text, { asOf: '2022-12-05' }), 'overdue').length, 1);
  });
  it('offers to rate an amber action red, replacing only the value', () => {
    const text = planWith(action({ id: '1.3', due: '2022-11-30', rag: 'amber  # says HR' }));
    const [f] = ofRule(check(text, { asOf }), 'overdue');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Rate action 1.3 red']);
    assert.equal(f.fixes[0].safe, false);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /\n        rag: red  # says HR\n/);
    assert.doesNotMatch(fixed, /amber/);
  });
  it('adds a red rating to an action that has none', () => {
    const text = planWith(action({ id: '1.3', due: '2022-11-30', rag: undefined }));
    const [f] = ofRule(check(text, { asOf }), 'overdue');
    assert.equal(f.fixes[0].title, 'Rate action 1.3 red');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(ofRule(check(fixed, { asOf }), 'missing-rag').length, 0);
    assert.match(fixed, /\n        rag: red\n/);
  });
  it('offers nothing for an action already rated red', () => {
    const [f] = ofRule(check(planWith(action({ due: '2022-11-30', rag: 'red' })), { asOf }), 'overdue');
    assert.deepEqual(f.fixes, []);
  });
});
