import { idText } from '../model';
import { locate, type NodePath } from '../parse';
import type { Rule, RuleContext, RawFinding } from './rule';

/**
 * Flags ids used twice among objectives, among all actions of the file, or
 * among targets. Ids are how reports, minutes and links refer to an item;
 * two "2c"s make every reference ambiguous.
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  scope: 'plan',
  defaultSeverity: 'error',
  title: 'Id used twice',
  description: 'Two objectives, two actions (anywhere in the file) or two targets share an id. Ids are how committee papers and updates refer to items, so each must be unique.',
  example: 'Action id `2c` is used twice (first at line 48). Give each action its own id.',
  check(ctx, report) {
    const groups: [string, { data: Record<string, unknown>; path: NodePath }[]][] = [
      ['Objective', ctx.plan.objectives],
      ['Action', ctx.plan.actions],
      ['Target', ctx.plan.targets],
    ];
    for (const [kind, items] of groups) findDuplicates(ctx, kind, items, report);
  },
};

function findDuplicates(ctx: RuleContext, kind: string, items: { data: Record<string, unknown>; path: NodePath }[], report: (f: RawFinding) => void): void {
  // The first item with each id (its path is made only for a duplicate: this runs after every keystroke).
  const first = new Map<string, { path: NodePath }>();
  for (const item of items) {
    const id = idText(item.data.id);
    if (!id) continue;
    const seen = first.get(id);
    if (!seen) {
      first.set(id, item);
      continue;
    }
    const span = locate(ctx.parsed, [...seen.path, 'id'])?.value;
    const where = span ? ` (first at line ${ctx.parsed.lines.positionAt(span[0]).line + 1})` : '';
    report({
      message: `${kind} id \`${id}\` is used twice${where}. Give each ${kind.toLowerCase()} its own id.`,
      path: [...item.path, 'id'],
    });
  }
}
