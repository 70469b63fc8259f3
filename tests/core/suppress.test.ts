import assert from 'node:assert/strict';
import { action, check, ofRule, planWith } from './helpers';

describe('inline suppressions', () => {
  const overdueAction = action({ due: '2023-11-30', rag: 'amber' });
  it('disable-next-line with a reason hides the finding on the next line', () => {
    const text = planWith(overdueAction.replace('  due:', '  # eqplan-disable-next-line overdue -- agreed at Cabinet, 3 May\n  due:'));
    const all = check(text, { asOf: '2024-01-01' });
    assert.equal(ofRule(all, 'overdue').length, 0);
    assert.equal(ofRule(all, 'bad-suppression').length, 0);
  });
  it('only hides the named rule', () => {
    const text = planWith(overdueAction.replace('  due:', '  # eqplan-disable-next-line due-soon -- not relevant\n  due:'));
    assert.equal(ofRule(check(text, { asOf: '2024-01-01' }), 'overdue').length, 1);
  });
  it('disable-file hides a rule everywhere', () => {
    const text = '# eqplan-disable-file overdue, missing-measure -- historic plan\n' + planWith(overdueAction.replace(/\n  measure:.*/, ''));
    const all = check(text, { asOf: '2024-01-01' });
    assert.equal(ofRule(all, 'overdue').length + ofRule(all, 'missing-measure').length, 0);
  });
  it('a suppression without a reason still works but is reported', () => {
    const text = planWith(overdueAction.replace('  due:', '  # eqplan-disable-next-line overdue\n  due:'));
    const all = check(text, { asOf: '2024-01-01' });
    assert.equal(ofRule(all, 'overdue').length, 0);
    const [bad] = ofRule(all, 'bad-suppression');
    assert.match(bad.message, /turns off `overdue` without a reason/);
  });
  it('the quick fix’s `reason:` placeholder left empty counts as no reason', () => {
    const text = planWith(overdueAction.replace('  due:', '  # eqplan-disable-next-line overdue -- reason: \n  due:'));
    assert.match(ofRule(check(text, { asOf: '2024-01-01' }), 'bad-suppression')[0].message, /without a reason/);
    const filled = planWith(overdueAction.replace('  due:', '  # eqplan-disable-next-line overdue -- reason: agreed at committee\n  due:'));
    assert.equal(ofRule(check(filled, { asOf: '2024-01-01' }), 'bad-suppression').length, 0);
  });
  it('an unknown rule id in a suppression is reported', () => {
    const text = '# eqplan-disable-file overdu -- typo\n' + planWith(overdueAction);
    assert.match(ofRule(check(text, { asOf: '2024-01-01' }), 'bad-suppression')[0].message, /`overdu` is not an eqplan rule/);
  });
});
