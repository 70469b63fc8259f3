import type { PlanModel } from '../model';
import { locate, type NodePath } from '../parse';
import type { Rule, RuleContext, RawFinding } from './rule';

/**
 * Flags ids used twice among objectives, among all actions of the file, or
 * among targets. Ids are how reports, minutes and links refer to an item;
 * two "2c"s make every reference ambiguous.
 *
 * It compares items with each other, so it sees the whole plan after every
 * edit; but it reads it from an index of which items hold each id, kept per
 * plan model and, after an edit in the language server, updated from the
 * previous model's for the objectives and targets the edit replaced (the
 * others are the same objects), not built again from every id.
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  scope: 'plan',
  defaultSeverity: 'error',
  title: 'Id used twice',
  description: 'Two objectives, two actions (anywhere in the file) or two targets share an id. Ids are how committee papers and updates refer to items, so each must be unique.',
  example: 'Action id `2c` is used twice (first at line 48). Give each action its own id.',
  check(ctx, report) {
    const index = indexFor(ctx.plan, ctx.previousPlan);
    for (const [kind, ids] of [
      ['Objective', index.objectives],
      ['Action', index.actions],
      ['Target', index.targets],
    ] as const) {
      for (const id of ids.twice) findDuplicates(ctx, kind, id, ids.holders.get(id)!, report);
    }
  },
};

/** An objective, action or target, as the index holds it. */
interface Item {
  id?: string;
  path: NodePath;
}

/** Which items hold each id, and the ids more than one item holds. */
class Holders {
  readonly holders = new Map<string, Set<Item>>();
  readonly twice = new Set<string>();

  add(item: Item): void {
    if (!item.id) return;
    const set = this.holders.get(item.id);
    if (!set) {
      this.holders.set(item.id, new Set([item]));
      return;
    }
    set.add(item);
    if (set.size > 1) this.twice.add(item.id);
  }

  remove(item: Item): void {
    if (!item.id) return;
    const set = this.holders.get(item.id);
    if (!set) return;
    set.delete(item);
    if (set.size === 0) this.holders.delete(item.id);
    if (set.size < 2) this.twice.delete(item.id);
  }
}

interface IdIndex {
  objectives: Holders;
  actions: Holders;
  targets: Holders;
}

/** Each plan model's index (built, or taken over from the model before it, on first need). */
const indexes = new WeakMap<PlanModel, IdIndex>();

function indexFor(plan: PlanModel, previous: PlanModel | undefined): IdIndex {
  const known = indexes.get(plan);
  if (known) return known;
  const before = previous && indexes.get(previous);
  let index: IdIndex;
  if (before && previous) {
    // Taken over: the earlier model's index becomes this one's, changed for the items that are not the same objects
    // (an objective the edit did not touch is the same object, with the same actions).
    indexes.delete(previous);
    index = before;
    const objectivesNow = new Set(plan.objectives);
    const objectivesThen = new Set(previous.objectives);
    for (const old of previous.objectives) {
      if (objectivesNow.has(old)) continue;
      index.objectives.remove(old);
      for (const a of old.actions) index.actions.remove(a);
    }
    for (const o of plan.objectives) {
      if (objectivesThen.has(o)) continue;
      index.objectives.add(o);
      for (const a of o.actions) index.actions.add(a);
    }
    const targetsNow = new Set(plan.targets);
    const targetsThen = new Set(previous.targets);
    for (const old of previous.targets) if (!targetsNow.has(old)) index.targets.remove(old);
    for (const t of plan.targets) if (!targetsThen.has(t)) index.targets.add(t);
  } else {
    index = { objectives: new Holders(), actions: new Holders(), targets: new Holders() };
    for (const o of plan.objectives) index.objectives.add(o);
    for (const a of plan.actions) index.actions.add(a);
    for (const t of plan.targets) index.targets.add(t);
  }
  indexes.set(plan, index);
  return index;
}

/** Document order of two items of one kind: an action's path is its objective's index, then its own. */
function inOrder(a: Item, b: Item): number {
  for (let i = 0; i < Math.min(a.path.length, b.path.length); i++) {
    const x = a.path[i];
    const y = b.path[i];
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return a.path.length - b.path.length;
}

/** Every item but the first that holds `id`, reported against the first. */
function findDuplicates(ctx: RuleContext, kind: string, id: string, holders: ReadonlySet<Item>, report: (f: RawFinding) => void): void {
  const [first, ...others] = [...holders].sort(inOrder);
  const span = locate(ctx.parsed, [...first.path, 'id'])?.value;
  const where = span ? ` (first at line ${ctx.parsed.lines.positionAt(span[0]).line + 1})` : '';
  for (const item of others) {
    report({
      message: `${kind} id \`${id}\` is used twice${where}. Give each ${kind.toLowerCase()} its own id.`,
      path: [...item.path, 'id'],
    });
  }
}
