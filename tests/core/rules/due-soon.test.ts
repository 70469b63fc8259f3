import assert from 'node:assert/strict';
import { action, check, ofRule, planWith } from '../helpers';

describe('rule due-soon', () => {
  const asOf = '2024-03-01';
  it('flags an action due today', () => {
    const [f] = ofRule(check(planWith(action({ due: asOf })), { asOf }), 'due-soon');
    assert.equal(f.message, 'Action 1a is due today (1 Mar 2024). Check with its owner that it is on track.');
    assert.equal(f.severity, 'information');
  });
  it('flags an action due on as-of + 14 but not + 15', () => {
    assert.match(ofRule(check(planWith(action({ due: '2024-03-15' })), { asOf }), 'due-soon')[0].message, /in 14 days/);
    assert.equal(ofRule(check(planWith(action({ due: '2024-03-16' })), { asOf }), 'due-soon').length, 0);
  });
  it('follows the configured window', () => {
    assert.equal(ofRule(check(planWith(action({ due: '2024-03-16' })), { asOf, dueSoonDays: 30 }), 'due-soon').length, 1);
  });
  it('skips done actions and overdue ones', () => {
    assert.equal(ofRule(check(planWith(action({ due: asOf, status: 'done' })), { asOf }), 'due-soon').length, 0);
    assert.equal(ofRule(check(planWith(action({ due: '2024-02-28' })), { asOf }), 'due-soon').length, 0);
  });
});
