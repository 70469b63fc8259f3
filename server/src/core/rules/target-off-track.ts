import { formatUk } from '../dates';
import { assessTarget, describePoint } from '../targets';
import { withUnit } from '../words';
import type { Rule } from './rule';

/**
 * Flags a target whose latest figure is behind the straight line from the
 * previous milestone (or the baseline) to the next one by more than its
 * `tolerance`: an early warning before a milestone is missed.
 */
export const targetOffTrack: Rule = {
  id: 'target-off-track',
  scope: 'item',
  defaultSeverity: 'information',
  title: 'Target is behind its trajectory',
  description: 'Not missed yet, but the latest actual is behind the straight line from the previous milestone (or the baseline) to the next milestone, at the actual\'s date, by more than `tolerance`. An early warning while there is still time.',
  example: 'Target "Workforce from ethnic minority backgrounds" is behind its trajectory: 31.1% on 31 Jan 2024, where 31.67% was expected on the way to 32% by 31 Mar 2024.',
  check(ctx, report) {
    for (const t of ctx.plan.targets) {
      const a = assessTarget(t, ctx.today);
      if (!a.offTrack) continue;
      const { actual, expected, next } = a.offTrack;
      report({
        message: `${t.label} is behind its trajectory: ${withUnit(actual.value, t.data.unit)} on ${formatUk(actual.date)}, where ${withUnit(expected, t.data.unit)} was expected on the way to ${describePoint(t, next)}.`,
        path: [...actual.path, 'value'],
      });
    }
  },
};
