import assert from 'node:assert/strict';
import { action, check, ofRule, planWith } from '../helpers';

function target(fields: string): string {
  return `- id: t1\n  title: Workforce from ethnic minority backgrounds\n  unit: "%"\n${fields.trim().split('\n').map((l) => '  ' + l).join('\n')}`;
}
const luton = target(`direction: up
tolerance: 0.5
milestones:
  - { date: 2023-03-31, value: 30 }
  - { date: 2024-03-31, value: 32 }
  - { date: 2025-03-31, value: 34 }
actuals:
  - { date: 2023-03-31, value: 30.2 }
  - { date: 2024-01-31, value: ACTUAL }`);
const run = (t: string, asOf: string) => check(planWith(action(), { targets: t }), { asOf });

describe('target rules', () => {
  it('target-missed: an up target below its passed milestone', () => {
    const t = target(`direction: up
milestones: [{ date: 2023-03-31, value: 22 }, { date: 2024-03-31, value: 24 }]
actuals: [{ date: 2024-01-31, value: 20.16 }]`);
    const [f] = ofRule(run(t, '2024-02-01'), 'target-missed');
    assert.equal(f.message, 'Target "Workforce from ethnic minority backgrounds" was to reach 22% by 31 Mar 2023; the latest figure, 20.16% on 31 Jan 2024, falls short. Report the gap and what will be done about it.');
    assert.equal(f.path, '/targets/0/actuals/0/value');
    assert.equal(ofRule(run(t, '2024-02-01'), 'target-off-track').length, 0, 'missed excludes off-track');
  });
  it('target-missed: a down target above its milestone; reaching it exactly is not missed', () => {
    const t = (v: number) => target(`direction: down
milestones: [{ date: 2023-03-31, value: 6 }]
actuals: [{ date: 2023-03-31, value: ${v} }]`);
    assert.equal(ofRule(run(t(8), '2023-06-01'), 'target-missed').length, 1);
    assert.equal(ofRule(run(t(6), '2023-06-01'), 'target-missed').length, 0);
    assert.equal(ofRule(run(t(5), '2023-06-01'), 'target-missed').length, 0);
  });
  it('a milestone dated today has not passed yet', () => {
    const t = target(`direction: up
milestones: [{ date: 2023-03-31, value: 30 }]
actuals: [{ date: 2023-03-31, value: 10 }]`);
    assert.equal(ofRule(run(t, '2023-03-31'), 'target-missed').length, 0);
    assert.equal(ofRule(run(t, '2023-04-01'), 'target-missed').length, 1);
  });
  it('target-no-data: a passed milestone with no actual on or after it', () => {
    const t = target(`direction: up
milestones: [{ date: 2023-03-31, value: 30 }, { date: 2024-03-31, value: 32 }]
actuals: [{ date: 2023-01-31, value: 29 }]`);
    const [f] = ofRule(run(t, '2023-06-01'), 'target-no-data');
    assert.match(f.message, /had a milestone of 30% by 31 Mar 2023, but no figure has been recorded since/);
    assert.equal(f.severity, 'information');
    assert.equal(ofRule(run(t, '2023-03-01'), 'target-no-data').length, 0);
  });
  it('target-off-track: behind the line between milestones by more than the tolerance', () => {
    assert.equal(ofRule(run(luton.replace('ACTUAL', '31.6'), '2024-02-01'), 'target-off-track').length, 0, 'Luton 31.6% is within 0.5 of 31.67%');
    const [f] = ofRule(run(luton.replace('ACTUAL', '31.1'), '2024-02-01'), 'target-off-track');
    assert.match(f.message, /is behind its trajectory: 31.1% on 31 Jan 2024, where 31.67% was expected on the way to 32% by 31 Mar 2024/);
  });
  it('target-off-track: uses the baseline before the first milestone and respects direction down', () => {
    const t = target(`direction: down
baseline: { date: 2021-03-31, value: 21 }
milestones: [{ date: 2025-03-31, value: 13 }]
actuals: [{ date: 2023-03-31, value: 19 }]`);
    // Expected on 2023-03-31: 21 - 8 * (730/1461) = 17.0; 19 is 2 behind.
    assert.equal(ofRule(run(t, '2023-04-01'), 'target-off-track').length, 1);
    assert.equal(ofRule(run(t.replace('value: 19', 'value: 16'), '2023-04-01'), 'target-off-track').length, 0);
  });
  it('ignores figures dated after today: a report as at a date cannot use them', () => {
    const t = target(`direction: up
milestones: [{ date: 2023-03-31, value: 30 }, { date: 2025-03-31, value: 40 }]
actuals: [{ date: 2023-04-30, value: 31 }, { date: 2024-06-30, value: 10 }]`);
    const asOf = run(t, '2024-02-15');
    assert.deepEqual(ofRule(asOf, 'target-missed'), [], 'the 10 on 30 Jun 2024 is not known on 15 Feb 2024');
    assert.deepEqual(ofRule(asOf, 'target-off-track'), []);
    assert.equal(ofRule(run(t, '2024-07-01'), 'target-missed').length, 1, 'once today has passed it, it counts');
    const later = target(`direction: up
milestones: [{ date: 2023-03-31, value: 30 }]
actuals: [{ date: 2024-06-30, value: 35 }]`);
    const [noData] = ofRule(run(later, '2024-02-15'), 'target-no-data');
    assert.match(noData.message, /had a milestone of 30% by 31 Mar 2023, but no figure has been recorded since/);
  });
});
