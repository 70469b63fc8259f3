import type { Rule } from './rule';

/**
 * Metadata of the suppression check (an engine rule beyond the 16 of the
 * format): `suppress.ts` reports comments that turn a check off without a
 * reason or name a rule that does not exist.
 */
export const badSuppression: Rule = {
  id: 'bad-suppression',
  defaultSeverity: 'warning',
  title: 'Suppression comment needs a reason',
  description: 'An `# eqplan-disable-next-line` or `# eqplan-disable-file` comment without a reason after ` -- `, or naming a rule that does not exist. Turning a check off should be a recorded decision.',
  example: 'This comment turns off `overdue` without a reason. Add one after ` -- `, for example `# eqplan-disable-next-line overdue -- agreed at committee on 3 May`.',
};
