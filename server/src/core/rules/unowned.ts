import { isPlaceholderOwner, ownerSuggestions, ownerText } from '../owners';
import type { Rule } from './rule';
import { possessive } from '../words';

/**
 * Flags open actions with no real owner: none, empty, or a placeholder such as
 * "All", "TBC" or "?". An action everyone owns is an action nobody does.
 */
export const unowned: Rule = {
  id: 'unowned',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Action has no real owner',
  description: 'An open action with no `owner`, an empty one, or a placeholder (`tbc`, `tba`, `all`, `?`, `n/a`, `none`, in any case). Actions owned by "All" or "TBC" are the ones nobody chases.',
  example: "Action 3b's owner is `All`, which names nobody. Name the lead officer or service responsible.",
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open) continue;
      const raw = a.data.owner;
      // An owner that is not text (`owner: { name: hr }`, `owner: 42`) is the schema check's to report.
      if (raw !== undefined && raw !== null && typeof raw !== 'string') continue;
      const owner = ownerText(raw);
      if (owner && !isPlaceholderOwner(owner)) continue;
      const suggestions = ownerSuggestions(ctx.plan, a).slice(0, 5);
      if (owner) {
        report({
          message: `${possessive(a.label)} owner is \`${owner}\`, which names nobody. Name the lead officer or service responsible.`,
          path: [...a.path, 'owner'],
          fixes: () => suggestions.map((id, i) =>
            ctx.edits.fix(`Make ${ctx.plan.owners?.get(id)?.name ?? id} (\`${id}\`) the owner`, [ctx.edits.replaceValue([...a.path, 'owner'], id)], false, i === 0),
          ),
        });
        continue;
      }
      const hasKey = Object.hasOwn(a.data, 'owner');
      report({
        message: `${a.label} has no owner. Add \`owner:\` with the lead officer or service responsible.`,
        path: hasKey ? [...a.path, 'owner'] : a.path,
        at: hasKey ? 'key' : 'item',
        fixes: () => suggestions.map((id, i) =>
          ctx.edits.fix(
            `Make ${ctx.plan.owners?.get(id)?.name ?? id} (\`${id}\`) the owner`,
            [hasKey ? ctx.edits.replaceValue([...a.path, 'owner'], id) : ctx.edits.addField(a.path, 'owner', id)],
            false,
            i === 0,
          ),
        ),
      });
    }
  },
};
