import { formatUk } from '../dates';
import { plural } from '../words';
import type { Rule } from './rule';

/**
 * Flags open actions whose deadline has passed. Overdue actions are what slips
 * quietly in Word tables; the Public Sector Equality Duty needs them seen.
 */
export const overdue: Rule = {
  id: 'overdue',
  defaultSeverity: 'warning',
  title: 'Action is overdue',
  description: 'An action whose deadline (`due`) is before today and whose status is not `done` or `dropped`. Overdue actions are what quietly slips in equality plans; update the status or agree a new date.',
  example: 'Action 2c was due on 30 Nov 2022, 62 days ago, and is not done. Update its status or agree a new date.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open || a.due.kind !== 'date' || a.due.day >= ctx.today) continue;
      const days = ctx.today - a.due.day;
      report({
        message: `${a.label} was due on ${formatUk(a.due.iso)}, ${plural(days, 'day')} ago, and is not done. Update its status or agree a new date.`,
        path: [...a.path, 'due'],
      });
    }
  },
};
