import type { Rule } from './rule';
import { possessive } from '../words';

/** Reports `ongoing` and `tbc` deadlines, which can never go overdue, so a plan does not hide slippage behind them. */
export const openDeadline: Rule = {
  id: 'open-deadline',
  scope: 'item',
  defaultSeverity: 'information',
  title: 'Deadline is ongoing or to be confirmed',
  description: 'An action whose `due` is `ongoing` or `tbc`. Such actions are never overdue, so check that an open-ended deadline is meant and agree a date where one is possible.',
  example: "Action 1g's deadline is `tbc`, so it can never show as overdue. Agree a date when you can.",
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (a.due.kind !== 'open') continue;
      const message =
        a.due.word === 'tbc'
          ? `${possessive(a.label)} deadline is \`tbc\`, so it can never show as overdue. Agree a date when you can.`
          : `${possessive(a.label)} deadline is \`ongoing\`, so it can never show as overdue. Consider a date to review it by.`;
      report({ message, path: [...a.path, 'due'] });
    }
  },
};
