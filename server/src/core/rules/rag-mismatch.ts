import { formatUk } from '../dates';
import type { Rule } from './rule';

/**
 * Flags a RAG rating that contradicts the facts: an overdue action rated
 * green, or a done action rated red. Committees read the colours, so they
 * must match the dates.
 */
export const ragMismatch: Rule = {
  id: 'rag-mismatch',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'RAG rating contradicts the action',
  description: 'An overdue action rated `green`, or a `done` action rated `red`. Committees read the colours; a green action that is past its deadline hides slippage.',
  example: 'Action 2c is rated green but was due on 30 Nov 2022 and is not done. Rate it amber or red, or agree a new date.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      const ragPath = [...a.path, 'rag'];
      if (a.rag === 'green' && a.open && a.due.kind === 'date' && a.due.day < ctx.today) {
        report({
          message: `${a.label} is rated green but was due on ${formatUk(a.due.iso)} and is not done. Rate it amber or red, or agree a new date.`,
          path: ragPath,
          fixes: () => [
            ctx.edits.fix('Rate it red', [ctx.edits.replaceValue(ragPath, 'red')], false, true),
            ctx.edits.fix('Rate it amber', [ctx.edits.replaceValue(ragPath, 'amber')], false),
          ],
        });
      } else if (a.rag === 'red' && a.status === 'done') {
        report({
          message: `${a.label} is marked done but rated red. Rate it green if it achieved what it set out to, or say in an update why not.`,
          path: ragPath,
          fixes: () => [ctx.edits.fix('Rate it green', [ctx.edits.replaceValue(ragPath, 'green')], false, true)],
        });
      }
    }
  },
};
