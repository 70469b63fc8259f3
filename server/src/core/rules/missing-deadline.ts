import type { Rule } from './rule';

/** Flags open actions with no deadline: an action without a date can never be late, so it is never chased. */
export const missingDeadline: Rule = {
  id: 'missing-deadline',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Action has no deadline',
  description: 'An open action without `due`. Without a date an action can never be seen to slip; give it a date, or `ongoing` for continuous work.',
  example: 'Action 1e has no deadline. Add `due:` with the date it should be done by (for example 2020-03), or `ongoing` for continuous work.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open || a.due.kind !== 'missing') continue;
      const hasKey = Object.hasOwn(a.data, 'due');
      report({
        message: `${a.label} has no deadline. Add \`due:\` with the date it should be done by (for example ${ctx.todayIso.slice(0, 7)}), or \`ongoing\` for continuous work.`,
        path: hasKey ? [...a.path, 'due'] : a.path,
        at: hasKey ? 'key' : 'item',
      });
    }
  },
};
