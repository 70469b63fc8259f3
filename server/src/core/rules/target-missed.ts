import { assessTarget, describePoint } from '../targets';
import type { Rule } from './rule';

/**
 * Flags a target whose latest passed milestone was not reached by the latest
 * figure since (higher is better for `direction: up`, lower for `down`).
 * Missed targets are what plans most often leave unsaid.
 */
export const targetMissed: Rule = {
  id: 'target-missed',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Target milestone missed',
  description: 'The latest milestone whose date has passed was not reached by the latest actual dated on or after it, taking `direction` into account. Say so, and say what will change.',
  example: 'Target "Senior managers from ethnic minority backgrounds" was to reach 22% by 31 Mar 2023; the latest figure, 20.16% on 31 Jan 2024, falls short. Report the gap and what will be done about it.',
  check(ctx, report) {
    for (const t of ctx.plan.targets) {
      const a = assessTarget(t, ctx.today);
      if (!a.missed || !a.lastPassed || !a.actualSinceLastPassed) continue;
      report({
        message: `${t.label} was to reach ${describePoint(t, a.lastPassed)}; the latest figure, ${describePoint(t, a.actualSinceLastPassed, 'on')}, falls short. Report the gap and what will be done about it.`,
        path: [...a.actualSinceLastPassed.path, 'value'],
      });
    }
  },
};
