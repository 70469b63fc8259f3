import { assessTarget, describePoint } from '../targets';
import type { Rule } from './rule';

/** Flags a target with a passed milestone and no figure recorded since: nobody can tell whether it was met. */
export const targetNoData: Rule = {
  id: 'target-no-data',
  scope: 'item',
  defaultSeverity: 'information',
  title: 'No figure since a milestone passed',
  description: 'A milestone date has passed and no actual is dated on or after it, so nobody can tell whether it was met. Record the latest figure.',
  example: 'Target "Workforce from ethnic minority backgrounds" had a milestone of 30% by 31 Mar 2023, but no figure has been recorded since. Add the latest figure under `actuals:`.',
  check(ctx, report) {
    for (const t of ctx.plan.targets) {
      const a = assessTarget(t, ctx.today);
      if (!a.noData || !a.lastPassed) continue;
      report({
        message: `${t.label} had a milestone of ${describePoint(t, a.lastPassed)}, but no figure has been recorded since. Add the latest figure under \`actuals:\`.`,
        path: a.lastPassed.path,
      });
    }
  },
};
