import { idText, isDict, isPlaceholderOwner, type ActionModel, type PlanModel } from '../model';
import type { NodePath } from '../parse';

/** One place a plan names an owner: an action's `owner` or `support` entry, or an objective's `lead`. */
export interface OwnerReference {
  text: string;
  path: NodePath;
  /** "owner of action 2c", "lead of objective P1", "supporting action 1a" */
  role: string;
  action?: ActionModel;
}

/**
 * The owner a field names, when it is written as text. A number, list or set of
 * fields in `owner`, `lead` or `support` is a `schema` finding only: one problem, one finding.
 */
export function ownerText(v: unknown): string | undefined {
  return typeof v === 'string' ? idText(v) : undefined;
}

/** Every owner reference in the plan, in document order. */
export function ownerReferences(plan: PlanModel): OwnerReference[] {
  const refs: OwnerReference[] = [];
  for (const o of plan.objectives) {
    const lead = ownerText(o.data.lead);
    if (lead) refs.push({ text: lead, path: [...o.path, 'lead'], role: `lead of ${o.label.replace(/^Objective/, 'objective')}` });
    for (const a of o.actions) {
      const owner = ownerText(a.data.owner);
      const label = a.label.replace(/^Action/, 'action').replace(/^The action/, 'the action');
      if (owner) refs.push({ text: owner, path: [...a.path, 'owner'], role: `owner of ${label}`, action: a });
      if (Array.isArray(a.data.support)) {
        a.data.support.forEach((s, i) => {
          const t = ownerText(s);
          if (t) refs.push({ text: t, path: [...a.path, 'support', i], role: `supporting ${label}`, action: a });
        });
      }
    }
  }
  return refs;
}

/** Registered owners with their names, for suggestions: the objective's lead first. */
export function ownerSuggestions(plan: PlanModel, action?: ActionModel): string[] {
  if (!plan.owners) return [];
  const ids = [...plan.owners.keys()];
  const lead = action ? ownerText(action.objective.data.lead) : undefined;
  if (lead && plan.owners.has(lead)) return [lead, ...ids.filter((i) => i !== lead)];
  return ids;
}

export { isPlaceholderOwner, isDict };
