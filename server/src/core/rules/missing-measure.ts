import type { Rule } from './rule';

/** Flags actions with no measure of success: without one nobody can say whether the action worked. */
export const missingMeasure: Rule = {
  id: 'missing-measure',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Action has no measure of success',
  description: 'An action without `measure`, or with an empty one. The plan must say how the council will know the action worked.',
  example: 'Action 3h has no measure of success. Add `measure:` saying how you will know it worked.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      const m = a.data.measure;
      if (typeof m === 'string' ? m.trim() !== '' : m !== undefined && m !== null) continue;
      const hasKey = Object.hasOwn(a.data, 'measure');
      report({
        message: `${a.label} has no measure of success. Add \`measure:\` saying how you will know it worked.`,
        path: hasKey ? [...a.path, 'measure'] : a.path,
        at: hasKey ? 'key' : 'item',
        fixes: () => hasKey ? [] : [ctx.edits.fix('Add a `measure:` line to fill in', [ctx.edits.addField(a.path, 'measure', '')], false, true)],
      });
    }
  },
};
