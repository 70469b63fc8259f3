import { parseDue, parseIsoDay, type DueInfo } from './dates';
import type { NodePath, ParsedPlan } from './parse';
import type { PlanReading } from './quickRead';
import { locate } from './parse';
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

/** What an action knows of its objective: not the objective's list of actions (see `ActionModel.objective`). */
export interface ObjectiveHead {
  index: number;
  path: NodePath;
  data: Dict;
  id?: string;
  label: string;
}

export interface ObjectiveModel extends ObjectiveHead {
  /** The object each of its actions has as `objective`. */
  head: ObjectiveHead;
  actions: ActionModel[];
}

export interface ActionModel {
  index: number;
  path: NodePath;
  data: Dict;
  /**
   * Its objective's id, label and fields. Only those: findings kept from an
   * earlier check hold the action they were made for, and an action that held
   * its whole objective would keep every earlier version of the objective's
   * actions alive with it, a chain that grew with each edit (about 20 KB an
   * edit in a 5,000-action plan).
   */
  objective: ObjectiveHead;
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

/** What a model is built from: the full parse (checks, editor), or the quick reading that compares versions (`quickRead.ts`). */
export type ModelSource = ParsedPlan | PlanReading;

function lineLabel(parsed: ModelSource, path: NodePath): string {
  const span = 'spanAt' in parsed ? parsed.spanAt(path) : locate(parsed, path)?.value;
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
export function buildModel(parsed: ModelSource): PlanModel | undefined {
  return updateModel(parsed, undefined);
}

/** What changed since an earlier model of the same plan: these objectives (with their actions) and targets, by index. */
export interface ModelChanges {
  objectives: ReadonlySet<number>;
  targets: ReadonlySet<number>;
  /** Lines were added or removed: items labelled by their line ("The action at line 45") are built again. */
  lines: boolean;
}

/**
 * The model of a parse, reusing an earlier model of the same plan (an
 * earlier version, spliced into this one: `reparse.ts`) for the objectives
 * and targets `changes` does not name. The owners, `asOf` and the plan's
 * other fields must be unchanged. Without `previous`, builds it all.
 */
export function updateModel(parsed: ModelSource, previous: { model: PlanModel; changes: ModelChanges } | undefined): PlanModel | undefined {
  const root = parsed.value;
  if (!isDict(root)) return undefined;

  let owners: Map<string, OwnerEntry> | undefined;
  if (previous) owners = previous.model.owners;
  else if (isDict(root.owners)) {
    owners = new Map();
    for (const [id, entry] of Object.entries(root.owners)) {
      if (id.startsWith('x-')) continue;
      owners.set(id, { id, name: isDict(entry) && typeof entry.name === 'string' ? entry.name : undefined, path: ['owners', id] });
    }
  }

  const before = new Map<number, ObjectiveModel>();
  const beforeTargets = new Map<number, TargetModel>();
  if (previous) {
    for (const o of previous.model.objectives) before.set(o.index, o);
    for (const t of previous.model.targets) beforeTargets.set(t.index, t);
  }
  const reusable = (id: string | undefined, changed: boolean): boolean => !changed && (id !== undefined || !previous?.changes.lines);

  const objectives: ObjectiveModel[] = [];
  const actions: ActionModel[] = [];
  if (Array.isArray(root.objectives)) {
    root.objectives.forEach((o, oi) => {
      if (!isDict(o)) return;
      const old = before.get(oi);
      const objective = old && reusable(old.id, !!previous?.changes.objectives.has(oi)) && old.actions.every((a) => a.id !== undefined || !previous?.changes.lines) ? old : buildObjective(parsed, o, oi);
      objectives.push(objective);
      actions.push(...objective.actions);
    });
  }

  const targets: TargetModel[] = [];
  if (Array.isArray(root.targets)) {
    root.targets.forEach((t, ti) => {
      if (!isDict(t)) return;
      const old = beforeTargets.get(ti);
      targets.push(old && reusable(old.id ?? (typeof t.title === 'string' && t.title.trim() ? '' : undefined), !!previous?.changes.targets.has(ti)) ? old : buildTarget(parsed, t, ti));
    });
  }

  const asOf = previous ? previous.model.asOf : typeof root.asOf === 'string' && parseIsoDay(root.asOf) !== undefined ? root.asOf : undefined;
  return { root, owners, objectives, actions, targets, asOf };
}

/** An objective and its actions. */
function buildObjective(parsed: ModelSource, o: Dict, oi: number): ObjectiveModel {
  const path: NodePath = ['objectives', oi];
  const id = idText(o.id);
  const head: ObjectiveHead = { index: oi, path, data: o, id, label: id ? `Objective ${id}` : `The objective at ${lineLabel(parsed, path)}` };
  const objective: ObjectiveModel = { ...head, head, actions: [] };
  if (!Array.isArray(o.actions)) return objective;
  o.actions.forEach((a, ai) => {
    if (!isDict(a)) return;
    const apath: NodePath = [...path, 'actions', ai];
    const aid = idText(a.id);
    const status = (STATUSES as readonly unknown[]).includes(a.status) ? (a.status as ActionStatus) : 'in-progress';
    objective.actions.push({
      index: ai,
      path: apath,
      data: a,
      objective: head,
      id: aid,
      label: aid ? `Action ${aid}` : `The action at ${lineLabel(parsed, apath)}`,
      status,
      open: status !== 'done' && status !== 'dropped',
      due: parseDue(a.due),
      rag: (RAGS as readonly unknown[]).includes(a.rag) ? (a.rag as Rag) : undefined,
    });
  });
  return objective;
}

function buildTarget(parsed: ModelSource, t: Dict, ti: number): TargetModel {
  const path: NodePath = ['targets', ti];
  const id = idText(t.id);
  const baseline = datedPoint(t.baseline, [...path, 'baseline']);
  return {
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
  };
}

/** The owner's display name: the registry name when registered, else the text. */
export function ownerName(plan: PlanModel, owner: string): string {
  return plan.owners?.get(owner)?.name ?? owner;
}
