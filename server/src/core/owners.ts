/**
 * Which fields of a plan hold owners, and which owner words name nobody: the
 * one answer the rules (`unknown-owner`, `unowned`), the summary and the
 * editor's owner features (hover, go to definition, references, rename,
 * completion) all read. When two of them kept their own list, a target's
 * `owner` was renamed but never checked.
 */
import { idText, type ActionModel, type Dict, type PlanModel } from './model';
import type { NodePath } from './parse';

/** The items of a plan that can name an owner. */
export type OwnerHolder = 'objective' | 'action' | 'target';

/** One field that holds owners: where it sits and whether it is a list of them. */
export interface OwnerField {
  holder: OwnerHolder;
  key: 'lead' | 'owner' | 'support';
  /** A list of owners (`support: [hr, it]`) rather than one. */
  list: boolean;
}

/**
 * Every field that holds owners, in the order they are written within an
 * item (plan-format.md): an objective's `lead`, an action's `owner` and
 * `support` entries, a target's `owner`.
 */
export const OWNER_FIELDS: readonly OwnerField[] = [
  { holder: 'objective', key: 'lead', list: false },
  { holder: 'action', key: 'owner', list: false },
  { holder: 'action', key: 'support', list: true },
  { holder: 'target', key: 'owner', list: false },
];

/** A list position in a path: a number, or `*` (any entry) in the paths the editor builds while typing. */
function isPosition(step: string | number | undefined): boolean {
  return typeof step === 'number' || step === '*';
}

/** The holder an item path names: `['objectives', 0]`, `['objectives', 0, 'actions', 2]`, `['targets', '*']`. */
function holderAt(path: readonly (string | number)[]): OwnerHolder | undefined {
  if (path.length === 2 && path[0] === 'objectives' && isPosition(path[1])) return 'objective';
  if (path.length === 4 && path[0] === 'objectives' && isPosition(path[1]) && path[2] === 'actions' && isPosition(path[3])) return 'action';
  if (path.length === 2 && path[0] === 'targets' && isPosition(path[1])) return 'target';
  return undefined;
}

/** The owner field whose value is at this path (`…/actions/0/support`; a typing path may use `*` for the position), if it is one. */
export function ownerFieldAt(path: readonly (string | number)[]): OwnerField | undefined {
  const holder = holderAt(path.slice(0, -1));
  const key = path[path.length - 1];
  return holder ? OWNER_FIELDS.find((f) => f.holder === holder && f.key === key) : undefined;
}

/**
 * Is this the path of one owner reference: a field that holds one owner
 * (`…/owner`, `…/lead`) or one entry of a list of them (`…/support/1`)?
 */
export function isOwnerReferencePath(path: readonly (string | number)[]): boolean {
  const field = ownerFieldAt(path);
  if (field) return !field.list;
  return isPosition(path[path.length - 1]) && ownerFieldAt(path.slice(0, -1))?.list === true;
}

/** One place a plan names an owner. */
export interface OwnerReference {
  /** The owner as written, trimmed. */
  text: string;
  path: NodePath;
  field: OwnerField;
  /** "owner of action 2c", "lead of objective P1", "supporting action 1a", "owner of target T1" */
  role: string;
  /** The objective, action or target that names the owner. */
  item: { id?: string; label: string };
  /** The action whose `owner` or `support` this is. */
  action?: ActionModel;
}

/**
 * The owner a field names, when it is written as text. A number, list or set of
 * fields in `owner`, `lead` or `support` is a `schema` finding only: one problem, one finding.
 */
export function ownerText(v: unknown): string | undefined {
  return typeof v === 'string' ? idText(v) : undefined;
}

/** "Objective P1" -> "objective P1": a label inside a sentence. */
function inSentence(label: string): string {
  return label.replace(/^(Objective|Action|Target|The)\b/, (w) => w.toLowerCase());
}

/** What the references need of an objective, action or target model. */
interface OwnerHolderItem {
  path: NodePath;
  data: Dict;
  id?: string;
  label: string;
}

/** The owner references of one item's fields, in `OWNER_FIELDS` order. */
function referencesOf(holder: OwnerHolder, item: OwnerHolderItem, action: ActionModel | undefined, out: OwnerReference[]): void {
  const { path, data } = item;
  const where = inSentence(item.label);
  for (const field of OWNER_FIELDS) {
    if (field.holder !== holder) continue;
    const value = data[field.key];
    if (field.list) {
      if (!Array.isArray(value)) continue;
      value.forEach((entry, i) => {
        const text = ownerText(entry);
        if (text) out.push({ text, path: [...path, field.key, i], field, role: `supporting ${where}`, item, action });
      });
    } else {
      const text = ownerText(value);
      if (text) out.push({ text, path: [...path, field.key], field, role: `${field.key} of ${where}`, item, action });
    }
  }
}

/** Every owner reference in the plan, in document order: objectives with their actions, then targets. */
export function ownerReferences(plan: PlanModel): OwnerReference[] {
  const refs: OwnerReference[] = [];
  for (const o of plan.objectives) {
    referencesOf('objective', o, undefined, refs);
    for (const a of o.actions) referencesOf('action', a, a, refs);
  }
  for (const t of plan.targets) referencesOf('target', t, undefined, refs);
  return refs;
}

/**
 * The owner references of the items a model lists: each objective's own
 * (`lead`, not its actions'), then each action's in `plan.actions`, then each
 * target's. On a whole model these are `ownerReferences` in another order;
 * the check runs rules on one item at a time, with a model listing only it.
 */
export function itemOwnerReferences(plan: PlanModel): OwnerReference[] {
  const refs: OwnerReference[] = [];
  for (const o of plan.objectives) referencesOf('objective', o, undefined, refs);
  for (const a of plan.actions) referencesOf('action', a, a, refs);
  for (const t of plan.targets) referencesOf('target', t, undefined, refs);
  return refs;
}

/** Registered owners' ids, for suggestions: the action's objective lead first. */
export function ownerSuggestions(plan: PlanModel, action?: ActionModel): string[] {
  if (!plan.owners) return [];
  const ids = [...plan.owners.keys()];
  const lead = action ? ownerText(action.objective.data.lead) : undefined;
  if (lead && plan.owners.has(lead)) return [lead, ...ids.filter((i) => i !== lead)];
  return ids;
}

/** Owners that name nobody. Compared in lower case, trimmed, without a final full stop. */
export const PLACEHOLDER_OWNERS: ReadonlySet<string> = new Set(['tbc', 'tba', 'tbd', 'all', '?', 'n/a', 'na', 'none', '-', 'unknown', 'everyone', 'various']);

/** Is this owner text a placeholder that names nobody ("All", "TBC", "?")? */
export function isPlaceholderOwner(owner: string): boolean {
  return PLACEHOLDER_OWNERS.has(owner.trim().toLowerCase().replace(/\.$/, ''));
}
