import { deadlineWords, durationWords, withCurrentDeadline } from '../diff/history';
import { formatUk } from '../dates';
import { OPTIONS } from '../options';
import type { Rule } from './rule';

const TIMES = OPTIONS.repeatedSlipTimes.default;
const DAYS = OPTIONS.repeatedSlipDays.default;

/**
 * Flags an open action whose deadline has been moved later again and again
 * (3 times by default), or by a lot in all (more than 180 days), over the
 * plan's git history. Each move looks reasonable in its own pull request;
 * only the history shows that the date is not a commitment any more.
 *
 * It needs the plan's history (`CheckInput.history`, read from git by the
 * CLI and the language server). Without one (the plan is not in git, or git
 * is not installed) it says nothing: no history is not a problem.
 */
export const repeatedSlip: Rule = {
  id: 'repeated-slip',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Deadline moved again and again',
  description:
    `An open action whose deadline has been moved later ${TIMES} times or more, or by more than ${DAYS} days in all, over the plan's history in git ` +
    '(set `repeatedSlipTimes` and `repeatedSlipDays` to change it). Each new date looks reasonable on its own; a date moved three times, or ' +
    'by half a year, is no longer a commitment, and a committee should hear why. Plans that are not kept in git have no history, so this check ' +
    'says nothing about them.',
  example: "Action 2c's deadline has been moved later 3 times, 7 months in all: first set to Nov 2022 on 3 Mar 2022, now 30 Jun 2023. Agree a date the service can keep, and say in `updates:` why it moved.",
  check(ctx, report) {
    const history = ctx.history;
    if (!history) return;
    for (const a of ctx.plan.actions) {
      if (!a.open || a.id === undefined) continue;
      const past = history.get(a.id);
      if (!past) continue;
      const h = withCurrentDeadline(past, a, ctx.todayIso);
      if (h.slips < ctx.repeatedSlipTimes && h.slippedDays <= ctx.repeatedSlipDays) continue;
      const first = h.deadlines[0];
      const last = h.deadlines[h.deadlines.length - 1];
      const times = h.slips === 1 ? 'once' : h.slips === 2 ? 'twice' : `${h.slips} times`;
      report({
        message:
          `${possessive(a.label)} deadline has been moved later ${times}, ${durationWords(h.slippedDays)} in all: ` +
          `first set to ${deadlineWords(first)} on ${formatUk(first.date)}, now ${deadlineWords(last)}. ` +
          'Agree a date the service can keep, and say in `updates:` why it moved.',
        path: Object.hasOwn(a.data, 'due') ? [...a.path, 'due'] : a.path,
        at: Object.hasOwn(a.data, 'due') ? 'value' : 'item',
      });
    }
  },
};

/** "Action 2c's". */
function possessive(label: string): string {
  return label.endsWith('s') ? `${label}'` : `${label}'s`;
}
