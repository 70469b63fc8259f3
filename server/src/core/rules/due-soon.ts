import { formatUk } from '../dates';
import { plural } from '../words';
import type { Rule } from './rule';

/** Flags open actions due today or within the next days (14 by default), so owners get a nudge in time. */
export const dueSoon: Rule = {
  id: 'due-soon',
  scope: 'item',
  defaultSeverity: 'information',
  title: 'Action is due soon',
  description: 'An open action due today or within the next 14 days (set `dueSoonDays` to change the window). A nudge to check it is on track before it becomes overdue.',
  example: 'Action 1a is due on 31 Jul 2019, in 5 days. Check with its owner that it is on track.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open || a.due.kind !== 'date') continue;
      const days = a.due.day - ctx.today;
      if (days < 0 || days > ctx.dueSoonDays) continue;
      const when = days === 0 ? `today (${formatUk(a.due.iso)})` : `on ${formatUk(a.due.iso)}, in ${plural(days, 'day')}`;
      report({ message: `${a.label} is due ${when}. Check with its owner that it is on track.`, path: [...a.path, 'due'] });
    }
  },
};
