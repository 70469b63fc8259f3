import { formatUk } from '../dates';
import { plural } from '../words';
import type { Rule } from './rule';

/**
 * Flags open actions whose deadline has passed. Overdue actions are what slips
 * quietly in Word tables; the Public Sector Equality Duty needs them seen.
 */
export const overdue: Rule = {
  id: 'overdue',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Action is overdue',
  description: 'An action whose deadline (`due`) is before today and whose status is not `done` or `dropped`. Overdue actions are what quietly slips in equality plans; update the status or agree a new date.',
  example: 'Action 2c was due on 30 Nov 2022, 62 days ago, and is not done. Update its status or agree a new date.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open || a.due.kind !== 'date' || a.due.day >= ctx.today) continue;
      const days = ctx.today - a.due.day;
      const ragPath = [...a.path, 'rag'];
      const hasRag = Object.hasOwn(a.data, 'rag');
      report({
        message: `${a.label} was due on ${formatUk(a.due.iso)}, ${plural(days, 'day')} ago, and is not done. Update its status or agree a new date.`,
        path: [...a.path, 'due'],
        // An overdue action not yet rated red can be rated red: replace the
        // rating (amber, green, empty or misspelt) or add one.
        fixes: a.rag === 'red' ? undefined : () => [
          ctx.edits.fix(`Rate ${lowerFirst(a.label)} red`, [
            hasRag ? (ctx.edits.replaceValue(ragPath, 'red') ?? ctx.edits.addField(a.path, 'rag', 'red')) : ctx.edits.addField(a.path, 'rag', 'red'),
          ], false),
        ],
      });
    }
  },
};

/** `Action 1.3` -> `action 1.3`; `The action at line 12` -> `the action at line 12`. */
function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
