import { formatUk, parseIsoDay } from '../dates';
import { isDict } from '../model';
import { plural } from '../words';
import type { NodePath } from '../parse';
import type { Rule } from './rule';

/**
 * Flags open actions whose newest progress update is old (over 90 days by
 * default): the plan has stopped being kept. Updates dated after today are
 * left out, so a report as at a date is judged on what was written by then.
 */
export const staleUpdate: Rule = {
  id: 'stale-update',
  scope: 'item',
  defaultSeverity: 'information',
  title: 'No recent progress update',
  description: 'An open action whose newest `updates` entry is more than 90 days old (set `staleUpdateDays` to change it). A plan nobody updates stops being a plan.',
  example: 'Action 1c was last updated on 30 Jun 2019, 153 days ago. Add an entry under `updates:` saying where it stands.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open || !Array.isArray(a.data.updates)) continue;
      let newest: { day: number; date: string; path: NodePath } | undefined;
      a.data.updates.forEach((u, i) => {
        if (!isDict(u) || typeof u.date !== 'string') return;
        const day = parseIsoDay(u.date);
        // An update dated after today had not been written as at today.
        if (day !== undefined && day <= ctx.today && (!newest || day > newest.day)) newest = { day, date: u.date, path: [...a.path, 'updates', i, 'date'] };
      });
      if (!newest) continue;
      const age = ctx.today - newest.day;
      if (age <= ctx.staleUpdateDays) continue;
      report({
        message: `${a.label} was last updated on ${formatUk(newest.date)}, ${plural(age, 'day')} ago. Add an entry under \`updates:\` saying where it stands.`,
        path: newest.path,
      });
    }
  },
};
