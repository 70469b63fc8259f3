import { formatUk } from './dates';
import { idText, ownerName, type ActionModel, type PlanModel } from './model';
import { isPlaceholderOwner } from './owners';
import { locate, type NodePath, type ParsedPlan } from './parse';
import type {
  ActionSummary,
  MonthBucket,
  ObjectiveSummary,
  OwnerLoad,
  PlanSummary,
  RagCounts,
  SourceRef,
  TargetStatus,
  TargetSummary,
} from './summaryTypes';
import { assessTarget, describePoint } from './targets';
import type { Finding, TodaySource } from './types';
import { compareCodeUnits, compareNames, withUnit } from './words';

function source(parsed: ParsedPlan, path: NodePath): SourceRef {
  const span = locate(parsed, path)?.value ?? [0, 0];
  const s = parsed.lines.positionAt(span[0]);
  const e = parsed.lines.positionAt(span[1]);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

function emptyRag(): RagCounts {
  return { red: 0, amber: 0, green: 0, none: 0 };
}

function summariseAction(parsed: ParsedPlan, plan: PlanModel, a: ActionModel, today: number, dueSoonDays: number): ActionSummary {
  const owner = idText(a.data.owner);
  const dueDay = a.due.kind === 'date' ? a.due.day : undefined;
  const overdue = a.open && dueDay !== undefined && dueDay < today;
  const daysUntil = dueDay !== undefined && a.open && dueDay >= today ? dueDay - today : undefined;
  return {
    id: a.id ?? `line ${source(parsed, a.path).line + 1}`,
    objectiveId: a.objective.id ?? '',
    text: typeof a.data.action === 'string' ? a.data.action : '',
    owner,
    ownerName: owner ? ownerName(plan, owner) : undefined,
    // As written; a list or a set of fields is named (as `parseDue` does), never turned into text.
    due: a.data.due === undefined || a.data.due === null ? undefined : typeof a.data.due === 'object' ? (a.due.kind === 'invalid' ? a.due.raw : undefined) : String(a.data.due),
    dueDate: a.due.kind === 'date' ? a.due.iso : undefined,
    openDeadline: a.due.kind === 'open',
    status: a.status,
    rag: a.rag,
    open: a.open,
    overdue,
    dueSoon: daysUntil !== undefined && daysUntil <= dueSoonDays,
    unowned: a.open && (!owner || isPlaceholderOwner(owner)),
    daysOverdue: overdue && dueDay !== undefined ? today - dueDay : undefined,
    daysUntilDue: daysUntil,
    source: source(parsed, a.path),
  };
}

function targetStatusText(status: TargetStatus, t: TargetSummary, detail: string): string {
  switch (status) {
    case 'missed':
      return `Missed: ${detail}`;
    case 'off-track':
      return `Behind trajectory: ${detail}`;
    case 'no-data':
      return `No figure since the milestone of ${detail}`;
    case 'on-track':
      return `On track: ${detail}`;
    case 'not-due':
      return t.milestones.length ? `First milestone ${detail}` : 'No milestones yet';
  }
}

/**
 * Builds the plan model that the preview and the report draw: actions by RAG
 * per objective, deadlines per month, overdue / due-soon / unowned lists,
 * owners' loads, and each target's series with where it stands.
 */
export function buildSummary(
  parsed: ParsedPlan,
  plan: PlanModel,
  findings: readonly Finding[],
  when: { today: string; todaySource: TodaySource; todayDay: number; dueSoonDays: number },
): PlanSummary {
  const { todayDay: today, dueSoonDays } = when;
  const actions = plan.actions.map((a) => summariseAction(parsed, plan, a, today, dueSoonDays));
  const byModel = new Map(plan.actions.map((a, i) => [a, actions[i]]));

  const totals: PlanSummary['totals'] = {
    objectives: plan.objectives.length,
    actions: actions.length,
    open: 0,
    done: 0,
    dropped: 0,
    overdue: 0,
    dueSoon: 0,
    unowned: 0,
    rag: emptyRag(),
    targets: plan.targets.length,
    targetsMissed: 0,
    targetsOffTrack: 0,
  };
  for (const a of actions) {
    if (a.open) totals.open++;
    if (a.status === 'done') totals.done++;
    if (a.status === 'dropped') totals.dropped++;
    if (a.overdue) totals.overdue++;
    if (a.dueSoon) totals.dueSoon++;
    if (a.unowned) totals.unowned++;
    totals.rag[a.rag ?? 'none']++;
  }

  const objectives: ObjectiveSummary[] = plan.objectives.map((o) => {
    const list = o.actions.map((a) => byModel.get(a) as ActionSummary);
    const rag = emptyRag();
    for (const a of list) rag[a.rag ?? 'none']++;
    const lead = idText(o.data.lead);
    return {
      id: o.id ?? '',
      title: typeof o.data.title === 'string' ? o.data.title : '',
      lead,
      leadName: lead ? ownerName(plan, lead) : undefined,
      rag,
      actions: list.length,
      open: list.filter((a) => a.open).length,
      done: list.filter((a) => a.status === 'done').length,
      overdue: list.filter((a) => a.overdue).length,
      source: source(parsed, o.path),
    };
  });

  const months = new Map<string, MonthBucket>();
  for (const a of actions) {
    if (!a.dueDate) continue;
    const month = a.dueDate.slice(0, 7);
    let bucket = months.get(month);
    if (!bucket) months.set(month, (bucket = { month, upcoming: 0, overdue: 0, closed: 0 }));
    if (!a.open) bucket.closed++;
    else if (a.overdue) bucket.overdue++;
    else bucket.upcoming++;
  }
  const deadlinesByMonth = fillMonths([...months.values()].sort((a, b) => compareCodeUnits(a.month, b.month)));

  const owners = ownerLoads(plan, actions);

  const targets = targetSummaries(parsed, plan, today);
  for (const t of targets) {
    if (t.status === 'missed') totals.targetsMissed++;
    if (t.status === 'off-track') totals.targetsOffTrack++;
  }

  const findingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) findingCounts[f.severity]++;

  const root = plan.root;
  const period = root.period && typeof root.period === 'object' ? (root.period as Record<string, unknown>) : undefined;
  return {
    organisation: typeof root.organisation === 'string' ? root.organisation : '',
    title: typeof root.title === 'string' ? root.title : '',
    period: period ? { start: typeof period.start === 'string' ? period.start : undefined, end: typeof period.end === 'string' ? period.end : undefined } : undefined,
    asOf: when.today,
    asOfSource: when.todaySource,
    totals,
    objectives,
    actions,
    deadlinesByMonth,
    overdue: actions.filter((a) => a.overdue).sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)).map((a) => a.id),
    dueSoon: actions.filter((a) => a.dueSoon).sort((a, b) => (a.daysUntilDue ?? 0) - (b.daysUntilDue ?? 0)).map((a) => a.id),
    unowned: actions.filter((a) => a.unowned).map((a) => a.id),
    owners,
    targets,
    findings: findingCounts,
  };
}

/** Each owner's actions: in all, open and overdue; the busiest first. */
function ownerLoads(plan: PlanModel, actions: readonly ActionSummary[]): OwnerLoad[] {
  const owners = new Map<string, OwnerLoad>();
  for (const a of actions) {
    const key = a.owner ?? '(no owner)';
    let load = owners.get(key);
    if (!load) {
      const registered = !!(a.owner && plan.owners?.has(a.owner));
      owners.set(key, (load = { owner: key, name: a.ownerName ?? key, registered, total: 0, open: 0, overdue: 0 }));
    }
    load.total++;
    if (a.open) load.open++;
    if (a.overdue) load.overdue++;
  }
  return [...owners.values()].sort((a, b) => b.open - a.open || b.total - a.total || compareNames(a.name, b.name));
}

/**
 * One owner's load as at `today` (a day number), without building the whole
 * summary: for the editor's hover on an owner.
 */
export function ownerLoad(parsed: ParsedPlan, plan: PlanModel, owner: string, today: number, dueSoonDays: number): OwnerLoad | undefined {
  const held = plan.actions.filter((a) => (idText(a.data.owner) ?? '(no owner)') === owner);
  return ownerLoads(plan, held.map((a) => summariseAction(parsed, plan, a, today, dueSoonDays)))[0];
}

/** Where each target stands as at `today` (a day number). */
export function targetSummaries(parsed: ParsedPlan, plan: PlanModel, today: number): TargetSummary[] {
  return plan.targets.map((t) => {
    const assessment = assessTarget(t, today);
    const unit = typeof t.data.unit === 'string' ? t.data.unit : undefined;
    const summary: TargetSummary = {
      id: t.id ?? '',
      title: typeof t.data.title === 'string' ? t.data.title : t.label,
      unit,
      direction: t.direction,
      owner: idText(t.data.owner),
      tolerance: t.tolerance,
      baseline: t.baseline ? { date: t.baseline.date, value: t.baseline.value } : undefined,
      milestones: t.milestones.map((m) => ({ date: m.date, value: m.value })),
      actuals: t.actuals.map((m) => ({ date: m.date, value: m.value })),
      benchmark: isBenchmark(t.data.benchmark) ? { value: t.data.benchmark.value, label: typeof t.data.benchmark.label === 'string' ? t.data.benchmark.label : undefined } : undefined,
      status: 'not-due',
      statusText: '',
      source: source(parsed, t.path),
    };
    let status: TargetStatus;
    let detail: string;
    if (assessment.missed && assessment.lastPassed && assessment.actualSinceLastPassed) {
      status = 'missed';
      detail = `${withUnit(assessment.actualSinceLastPassed.value, unit)} against ${describePoint(t, assessment.lastPassed)}`;
    } else if (assessment.offTrack) {
      status = 'off-track';
      detail = `${withUnit(assessment.offTrack.actual.value, unit)} on ${formatUk(assessment.offTrack.actual.date)}, where ${withUnit(assessment.offTrack.expected, unit)} was expected, on the way to ${describePoint(t, assessment.offTrack.next)}`;
    } else if (assessment.noData && assessment.lastPassed) {
      status = 'no-data';
      detail = describePoint(t, assessment.lastPassed);
    } else if (assessment.latest) {
      status = 'on-track';
      const next = t.milestones.find((m) => m.day > assessment.latest!.day);
      detail = `${withUnit(assessment.latest.value, unit)} on ${formatUk(assessment.latest.date)}${next ? `, next ${describePoint(t, next)}` : ''}`;
    } else {
      status = 'not-due';
      detail = t.milestones[0] ? describePoint(t, t.milestones[0]) : '';
    }
    summary.status = status;
    summary.statusText = targetStatusText(status, summary, detail);
    return summary;
  });
}

function isBenchmark(v: unknown): v is { value: number; label?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'number';
}

/** Adds empty months between the first and last so a chart's axis has no gaps (capped at 10 years). */
function fillMonths(buckets: MonthBucket[]): MonthBucket[] {
  if (buckets.length < 2) return buckets;
  const out: MonthBucket[] = [];
  const have = new Map(buckets.map((b) => [b.month, b]));
  let [y, m] = buckets[0].month.split('-').map(Number);
  const last = buckets[buckets.length - 1].month;
  for (let i = 0; i < 120; i++) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(have.get(key) ?? { month: key, upcoming: 0, overdue: 0, closed: 0 });
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
