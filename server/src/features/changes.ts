/**
 * `eqplan/changes`: what the preview's "Changes since" section shows: the
 * changes between the plan's base version in git (the last commit, or where
 * the branch left its upstream) and the text being edited, as `eqplan diff`
 * finds them, and the plan's RAG counts over its history.
 */
import { diffPlans, type PlanChange, type PlanHistory, type PlanModel, type Range } from '../core';
import type { ChangeRow, PlanChangesView, RagOverTimePoint } from '../protocol';
import type { PlanContext } from './context';

/** What git said about the plan (read by the LSP layer): its history and the version to compare with. */
export interface PlanPastInput {
  history?: PlanHistory;
  base?: { label: string; commit: string; text?: string };
}

/** The changes and RAG over time of a plan; a notice instead when it has no history. */
export function planChanges(ctx: PlanContext, past: PlanPastInput | undefined): PlanChangesView {
  const now = ctx.model ? ragNow(ctx.model, ctx.today) : undefined;
  if (!past?.base) {
    return { changes: [], rag: now ? [now] : [], notice: 'This plan is not in a git repository, or has no commit yet, so there is no earlier version to compare it with. Commit it to git and its changes will be listed here.' };
  }
  const base = past.base;
  const date = past.history?.versions.find((v) => v.commit === base.commit)?.date;
  const shown = { label: base.label, commit: base.commit, date };
  // A plan new since the base is compared with an empty plan: every action shows as added.
  const changes = base.text === undefined ? [] : diffPlans(base.text, ctx.text, { severities: ctx.options.changes }).changes.map(changeRow);
  const rag = ragHistory(past.history);
  const last = rag[rag.length - 1];
  if (now && (!last || !sameCounts(last, now))) rag.push(now);
  return { base: shown, changes, rag, notice: base.text === undefined ? `This plan is not in ${base.label} yet: it is new.` : undefined };
}

function changeRow(c: PlanChange): ChangeRow {
  const where = c.new ?? c.anchor;
  return { kind: c.kind, severity: c.severity, message: c.message, source: where ? sourceOf(where.range) : undefined };
}

function sourceOf(r: Range): ChangeRow['source'] {
  return { line: r.start.line, character: r.start.character, endLine: r.end.line, endCharacter: r.end.character };
}

/** The plan's RAG counts at each version, summed over its objectives. */
function ragHistory(history: PlanHistory | undefined): RagOverTimePoint[] {
  if (!history) return [];
  const byCommit = new Map<string, RagOverTimePoint>(history.versions.map((v) => [v.commit, { date: v.date, commit: v.commit, red: 0, amber: 0, green: 0, none: 0, closed: 0 }]));
  for (const o of history.objectives) {
    for (const p of o.points) {
      const point = byCommit.get(p.commit);
      if (!point) continue;
      point.red += p.red;
      point.amber += p.amber;
      point.green += p.green;
      point.none += p.none;
      point.closed += p.closed;
    }
  }
  return [...byCommit.values()];
}

/** The counts of the text now, as `planHistory` counts a version. */
function ragNow(model: PlanModel, today: string): RagOverTimePoint {
  const point: RagOverTimePoint = { date: today, commit: '', red: 0, amber: 0, green: 0, none: 0, closed: 0 };
  for (const a of model.actions) {
    if (!a.open) point.closed++;
    else if (a.rag) point[a.rag]++;
    else point.none++;
  }
  return point;
}

function sameCounts(a: RagOverTimePoint, b: RagOverTimePoint): boolean {
  return a.red === b.red && a.amber === b.amber && a.green === b.green && a.none === b.none && a.closed === b.closed;
}
