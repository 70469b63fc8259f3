import { parseDue, parseIsoDay, type DueInfo } from './dates';
import type { NodePath, ParsedPlan } from './parse';
import { findNode, nodeSpan } from './parse';
import type { ActionStatus, Rag } from './summaryTypes';

/**
 * A typed, forgiving view of a parsed plan for the rules and the summary.
 * It reads what is there and skips what is malformed (the schema check reports
 * that), so every rule can trust the types it sees.
 */

export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];
export const STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];

export type Dict = Record<string, unknown>;

export interface OwnerEntry {
  id: string;
  name?: string;
  path: NodePath;
}

export interface ObjectiveModel {
  index: number;
  path: NodePath;
  data: Dict;
  id?: string;
  label: string;
  actions: ActionModel[];
}

export interface ActionModel {
  index: number;
  path: NodePath;
  data: Dict;
  objective: ObjectiveModel;
  id?: string;
  /** "Action 2c", or "The action at line 45" when it has no id. */
  label: string;
  status: ActionStatus;
  open: boolean;
  due: DueInfo;
  rag?: Rag;
}

export interface DatedPoint {
  day: number;
  date: string;
  value: number;
  path: NodePath;
}

export interface TargetModel {
  index: number;
  path: NodePath;
  data: Dict;
  id?: string;
  label: string;
  direction: 'up' | 'down';
  tolerance: number;
  baseline?: DatedPoint;
  /** Valid milestones, in date order. */
  milestones: DatedPoint[];
  /** Valid actuals, in date order. */
  actuals: DatedPoint[];
}

export interface PlanModel {
  root: Dict;
  /** The owners registry; undefined when the plan has none. */
  owners?: Map<string, OwnerEntry>;
  objectives: ObjectiveModel[];
  actions: ActionModel[];
  targets: TargetModel[];
  /** The plan's own `asOf`, when it is a valid date. */
  asOf?: string;
}

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function idText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function lineLabel(parsed: ParsedPlan, path: NodePath): string {
  const span = nodeSpan(findNode(parsed.doc, path)?.node);
  return span ? `line ${parsed.lines.positionAt(span[0]).line + 1}` : 'an unknown line';
}

function datedPoint(v: unknown, path: NodePath): DatedPoint | undefined {
  if (!isDict(v) || typeof v.value !== 'number' || !Number.isFinite(v.value) || typeof v.date !== 'string') return undefined;
  const day = parseIsoDay(v.date);
  return day === undefined ? undefined : { day, date: v.date, value: v.value, path };
}

function datedPoints(list: unknown, path: NodePath): DatedPoint[] {
  if (!Array.isArray(list)) return [];
  const points: DatedPoint[] = [];
  list.forEach((v, i) => {
    const p = datedPoint(v, [...path, i]);
    if (p) points.push(p);
  });
  return points.sort((a, b) => a.day - b.day);
}

/** Builds the model from a parsed plan whose value is a mapping; else undefined. */
export function buildModel(parsed: ParsedPlan): PlanModel | undefined {
  const root = parsed.value;
  if (!isDict(root)) return undefined;

  let owners: Map<string, OwnerEntry> | undefined;
  if (isDict(root.owners)) {
    owners = new Map();
    for (const [id, entry] of Object.entries(root.owners)) {
      if (id.startsWith('x-')) continue;
      owners.set(id, { id, name: isDict(entry) && typeof entry.name === 'string' ? entry.name : undefined, path: ['owners', id] });
    }
  }

  const objectives: ObjectiveModel[] = [];
  const actions: ActionModel[] = [];
  if (Array.isArray(root.objectives)) {
    root.objectives.forEach((o, oi) => {
      if (!isDict(o)) return;
      const path: NodePath = ['objectives', oi];
      const id = idText(o.id);
      const objective: ObjectiveModel = { index: oi, path, data: o, id, label: id ? `Objective ${id}` : `The objective at ${lineLabel(parsed, path)}`, actions: [] };
      objectives.push(objective);
      if (!Array.isArray(o.actions)) return;
      o.actions.forEach((a, ai) => {
        if (!isDict(a)) return;
        const apath: NodePath = [...path, 'actions', ai];
        const aid = idText(a.id);
        const status = (STATUSES as readonly unknown[]).includes(a.status) ? (a.status as ActionStatus) : 'in-progress';
        const action: ActionModel = {
          index: ai,
          path: apath,
          data: a,
          objective,
          id: aid,
          label: aid ? `Action ${aid}` : `The action at ${lineLabel(parsed, apath)}`,
          status,
          open: status !== 'done' && status !== 'dropped',
          due: parseDue(a.due),
          rag: (RAGS as readonly unknown[]).includes(a.rag) ? (a.rag as Rag) : undefined,
        };
        objective.actions.push(action);
        actions.push(action);
      });
    });
  }

  const targets: TargetModel[] = [];
  if (Array.isArray(root.targets)) {
    root.targets.forEach((t, ti) => {
      if (!isDict(t)) return;
      const path: NodePath = ['targets', ti];
      const id = idText(t.id);
      const baseline = datedPoint(t.baseline, [...path, 'baseline']);
      targets.push({
        index: ti,
        path,
        data: t,
        id,
        label: typeof t.title === 'string' && t.title.trim() ? `Target "${t.title.trim()}"` : id ? `Target ${id}` : `The target at ${lineLabel(parsed, path)}`,
        direction: t.direction === 'down' ? 'down' : 'up',
        tolerance: typeof t.tolerance === 'number' && t.tolerance >= 0 ? t.tolerance : 0,
        baseline,
        milestones: datedPoints(t.milestones, [...path, 'milestones']),
        actuals: datedPoints(t.actuals, [...path, 'actuals']),
      });
    });
  }

  const asOf = typeof root.asOf === 'string' && parseIsoDay(root.asOf) !== undefined ? root.asOf : undefined;
  return { root, owners, objectives, actions, targets, asOf };
}

/** The owner's display name: the registry name when registered, else the text. */
export function ownerName(plan: PlanModel, owner: string): string {
  return plan.owners?.get(owner)?.name ?? owner;
}
