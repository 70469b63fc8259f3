import assert from 'node:assert/strict';
import { action, check, ofRule, planWith } from '../helpers';

describe('rule stale-update', () => {
  const withUpdates = (dates: string[], extra: Record<string, string> = {}) =>
    planWith(action({ ...extra, updates: '\n' + dates.map((d) => `    - { date: ${d}, note: progress }`).join('\n') }));
  it('flags an open action whose newest update is over 90 days old', () => {
    const [f] = ofRule(check(withUpdates(['2023-06-30', '2023-01-01']), { asOf: '2023-10-01' }), 'stale-update');
    assert.equal(f.message, 'Action 1a was last updated on 30 Jun 2023, 93 days ago. Add an entry under `updates:` saying where it stands.');
    assert.equal(f.path, '/objectives/0/actions/0/updates/0/date');
  });
  it('uses the newest update in any order, and exactly 90 days is not stale', () => {
    assert.equal(ofRule(check(withUpdates(['2023-01-01', '2023-07-03']), { asOf: '2023-10-01' }), 'stale-update').length, 0);
  });
  it('follows the configured window and skips done actions', () => {
    assert.equal(ofRule(check(withUpdates(['2023-09-01']), { asOf: '2023-10-01', staleUpdateDays: 20 }), 'stale-update').length, 1);
    assert.equal(ofRule(check(withUpdates(['2022-01-01'], { status: 'done' }), { asOf: '2023-10-01' }), 'stale-update').length, 0);
  });
  it('ignores updates dated after today', () => {
    const [f] = ofRule(check(withUpdates(['2023-06-30', '2024-03-31']), { asOf: '2023-10-01' }), 'stale-update');
    assert.equal(f.message, 'Action 1a was last updated on 30 Jun 2023, 93 days ago. Add an entry under `updates:` saying where it stands.');
    assert.equal(ofRule(check(withUpdates(['2024-03-31']), { asOf: '2023-10-01' }), 'stale-update').length, 0);
  });
  it('says nothing when there are no updates', () => {
    assert.equal(ofRule(check(planWith(action()), { asOf: '2023-10-01' }), 'stale-update').length, 0);
  });
});
