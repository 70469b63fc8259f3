/**
 * What each chart and its table show, worked out from the plan summary alone.
 * Pure (no DOM, no chart.js) so the numbers are unit-tested and the preview
 * and the report cannot disagree. Colours and patterns are added by charts.ts.
 */
import type { ActionSummary, PlanSummary, Rag, SourceRef, TargetSummary } from '../../server/src/core/summaryTypes';
import type { ChangeRow, PlanChangesView } from './messages';
import { count, dayNumber, quarterOfIsoMonth, ukDate, ukDateOfDay, ukMonth, withUnit } from './format';

/** A series key decides its colour and pattern in charts.ts. */
export type SeriesKey = Rag | 'none' | 'overdue' | 'upcoming' | 'closed' | 'open';

export interface BarSeries {
  key: SeriesKey;
  label: string;
  values: number[];
  /** What a click on each bar of this series reveals (undefined: nothing to show). */
  reveal: (SourceRef | undefined)[];
}

export interface TableModel {
  caption: string;
  columns: string[];
  rows: string[][];
  /** Per row: what pressing the row's button reveals. */
  reveal?: (SourceRef | undefined)[];
}

export interface BarChartModel {
  id: string;
  title: string;
  /** One sentence a screen reader hears for the chart. */
  description: string;
  /** Category labels (x for vertical bars, y for horizontal); an array is a label of several lines. */
  labels: (string | string[])[];
  /** Longer names for tooltips (e.g. objective titles). */
  longLabels: string[];
  series: BarSeries[];
  stacked: boolean;
  horizontal: boolean;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  table: TableModel;
}

export interface XY {
  x: number;
  y: number;
}

export interface TargetChartModel {
  id: string;
  title: string;
  description: string;
  statusText: string;
  status: TargetSummary['status'];
  unit?: string;
  /** Values axis title, e.g. `Percentage (%)` or `Value`. */
  valueAxisTitle: string;
  /** Milestones, with the baseline first when there is one (the trajectory). */
  milestones: XY[];
  actuals: XY[];
  baseline?: XY;
  benchmark?: { value: number; label: string };
  /** Where the x axis starts and ends (day numbers), with a little margin. */
  xMin: number;
  xMax: number;
  /** Today (day number), drawn as a marker; NaN when it is far from the data. */
  today: number;
  source: SourceRef;
  table: TableModel;
}

export const RAG_LABELS: Record<Rag | 'none', string> = {
  red: 'Red (off track)',
  amber: 'Amber (at risk)',
  green: 'Green (on track)',
  none: 'No RAG given',
};

const RAG_ORDER: (Rag | 'none')[] = ['red', 'amber', 'green', 'none'];

/**
 * Where the first action (in plan order) of each key is: one pass over the plan, where a search
 * for each bar would scan a plan of thousands of actions once per bar. `keyOf` returns undefined
 * for an action that is in no bar.
 */
function firstByKey(actions: readonly ActionSummary[], keyOf: (a: ActionSummary) => readonly (string | undefined)[] | undefined): (...key: (string | undefined)[]) => SourceRef | undefined {
  const first = new Map<string, SourceRef>();
  for (const a of actions) {
    const key = keyOf(a);
    if (!key) continue;
    const k = joinKey(key);
    if (!first.has(k)) first.set(k, a.source);
  }
  return (...key) => first.get(joinKey(key));
}

/** One string for a key of several parts; a missing part (an objective with no id) is not the text "undefined". */
function joinKey(parts: readonly (string | undefined)[]): string {
  return parts.map((p) => (p === undefined ? '\u0001' : `=${p}`)).join('\u0000');
}

/** Which of an owner's or a month's bars an action counts in. */
function barOf(a: ActionSummary): 'overdue' | 'open' | 'closed' {
  return a.overdue ? 'overdue' : a.open ? 'open' : 'closed';
}

/** Splits a label into lines of about `width` characters at spaces, at most `maxLines` (the last cut with …). */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shortLabel(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  return kept;
}

/** Up to this many objectives, the axis shows each one's title under its id; beyond it, ids only. */
const TITLED_OBJECTIVES = 6;

/** RAG of every action, objective by objective (stacked bars). */
export function ragByObjective(s: PlanSummary): BarChartModel {
  // A printed chart must say what P1 is: the short title goes under the id while there is room.
  const titled = s.objectives.length <= TITLED_OBJECTIVES;
  const labels = s.objectives.map((o) => {
    const id = o.id || '(no id)';
    return titled && o.title ? [id, ...wrapLabel(o.title, 22, 2)] : id;
  });
  // "No RAG given" is only a series (and a legend entry) when some action lacks a RAG.
  const rags = RAG_ORDER.filter((rag) => rag !== 'none' || s.totals.rag.none > 0);
  const firstOf = firstByKey(s.actions, (a) => [a.objectiveId, a.rag ?? 'none']);
  const series: BarSeries[] = rags.map((rag) => ({
    key: rag,
    label: RAG_LABELS[rag],
    values: s.objectives.map((o) => o.rag[rag]),
    reveal: s.objectives.map(
      (o) => firstOf(o.id, rag) ?? o.source,
    ),
  }));
  const t = s.totals.rag;
  return {
    id: 'rag-by-objective',
    title: 'RAG status of actions by objective',
    description:
      `Stacked bar chart of ${count(s.totals.actions, 'action')} in ${count(s.objectives.length, 'objective')}: ` +
      `${t.red} red, ${t.amber} amber, ${t.green} green, ${t.none} with no RAG.`,
    labels,
    longLabels: s.objectives.map((o) => `${o.id}: ${o.title}`),
    series,
    stacked: true,
    horizontal: false,
    categoryAxisTitle: 'Objective',
    valueAxisTitle: 'Number of actions',
    table: {
      caption: 'RAG status of actions by objective',
      columns: ['Objective', 'Red', 'Amber', 'Green', 'No RAG', 'Overdue', 'Done'],
      rows: s.objectives.map((o) => [
        `${o.id}: ${o.title}`,
        String(o.rag.red),
        String(o.rag.amber),
        String(o.rag.green),
        String(o.rag.none),
        String(o.overdue),
        String(o.done),
      ]),
      reveal: s.objectives.map((o) => o.source),
    },
  };
}

function monthOf(a: ActionSummary): string | undefined {
  return a.dueDate?.slice(0, 7);
}

/** Beyond this many months, deadlines are counted by quarter: monthly bars would be slivers. */
const MONTHLY_UP_TO = 24;

/** `2024-05` -> `2024-Q2`. */
function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${quarterOfIsoMonth(month)}`;
}

const QUARTER_MONTHS = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

/** `2024-Q2` -> `Apr–Jun 2024` (calendar quarters, said in months so nobody wonders which year's Q1). */
function ukQuarter(q: string): string {
  return `${QUARTER_MONTHS[Number(q.slice(6)) - 1]} ${q.slice(0, 4)}`;
}

/** Deadlines per month (per quarter over long plans), overdue ones apart (stacked bars). */
export function deadlinesByMonth(s: PlanSummary): BarChartModel {
  const byQuarter = s.deadlinesByMonth.length > MONTHLY_UP_TO;
  const bucketOf = (month: string) => (byQuarter ? quarterOf(month) : month);
  const months: typeof s.deadlinesByMonth = [];
  for (const m of s.deadlinesByMonth) {
    const key = bucketOf(m.month);
    const last = months[months.length - 1];
    if (last && last.month === key) {
      last.overdue += m.overdue;
      last.upcoming += m.upcoming;
      last.closed += m.closed;
    } else months.push({ ...m, month: key });
  }
  const label = (bucket: string) => (byQuarter ? ukQuarter(bucket) : ukMonth(bucket));
  const bucketOfAction = (a: ActionSummary) => {
    const month = monthOf(a);
    return month === undefined ? undefined : bucketOf(month);
  };
  const firstIn = firstByKey(s.actions, (a) => {
    const bucket = bucketOfAction(a);
    return bucket === undefined ? undefined : [bucket, barOf(a)];
  });
  const firstAny = firstByKey(s.actions, (a) => {
    const bucket = bucketOfAction(a);
    return bucket === undefined ? undefined : [bucket];
  });
  const series: BarSeries[] = [
    {
      key: 'overdue',
      label: 'Overdue',
      values: months.map((m) => m.overdue),
      reveal: months.map((m) => firstIn(m.month, 'overdue')),
    },
    {
      key: 'upcoming',
      label: 'Open, not yet due',
      values: months.map((m) => m.upcoming),
      reveal: months.map((m) => firstIn(m.month, 'open')),
    },
    {
      key: 'closed',
      label: 'Done or dropped',
      values: months.map((m) => m.closed),
      reveal: months.map((m) => firstIn(m.month, 'closed')),
    },
  ];
  const overdue = months.reduce((n, m) => n + m.overdue, 0);
  const unit = byQuarter ? 'quarter' : 'month';
  const span = months.length ? `from ${label(months[0].month)} to ${label(months[months.length - 1].month)}` : 'none dated';
  // The table lists only the months that have deadlines: empty rows are noise on paper.
  const dated = months.filter((m) => m.overdue + m.upcoming + m.closed > 0);
  const title = byQuarter ? 'Deadlines by quarter' : 'Deadlines by month';
  return {
    id: 'deadlines-by-month',
    title,
    description: `Stacked bar chart of action deadlines by ${unit}, ${span}; ${count(overdue, 'action')} overdue as at ${ukDate(s.asOf)}.`,
    labels: months.map((m) => label(m.month)),
    longLabels: months.map((m) => label(m.month)),
    series,
    stacked: true,
    horizontal: false,
    categoryAxisTitle: byQuarter ? 'Quarter the action is due' : 'Month the action is due',
    valueAxisTitle: 'Number of actions',
    table: {
      caption: title,
      columns: [byQuarter ? 'Quarter' : 'Month', 'Overdue', 'Open, not yet due', 'Done or dropped'],
      rows: dated.map((m) => [label(m.month), String(m.overdue), String(m.upcoming), String(m.closed)]),
      reveal: dated.map((m) => firstIn(m.month, 'overdue') ?? firstAny(m.month)),
    },
  };
}

/**
 * The order in which the keyboard visits bars: every non-empty bar, category by category and,
 * within a category, series by series (as a stacked bar reads from its base).
 */
export function barVisitOrder(values: readonly (readonly unknown[])[], categories: number): { datasetIndex: number; index: number }[] {
  const order: { datasetIndex: number; index: number }[] = [];
  for (let index = 0; index < categories; index++) {
    values.forEach((data, datasetIndex) => {
      if (Number(data[index] ?? 0) > 0) order.push({ datasetIndex, index });
    });
  }
  return order;
}

/** Chart axes have little room: long names are cut at a word (the tooltip and the table give them in full). */
export function shortLabel(text: string, max = 30): string {
  if (text.length <= max) return text;
  const space = text.slice(0, max).lastIndexOf(' ');
  const cut = space > max / 2 ? text.slice(0, space) : text.slice(0, max - 1);
  return `${cut.replace(/[\s,;:(-]+$/, '')}…`;
}

/** Actions per owner: overdue, other open, closed (horizontal stacked bars). */
export function actionsPerOwner(s: PlanSummary): BarChartModel {
  const owners = s.owners;
  const ownerKey = (a: ActionSummary) => a.owner ?? '';
  const of = firstByKey(s.actions, (a) => [ownerKey(a), barOf(a)]);
  const ofAny = firstByKey(s.actions, (a) => [ownerKey(a)]);
  const series: BarSeries[] = [
    {
      key: 'overdue',
      label: 'Overdue',
      values: owners.map((o) => o.overdue),
      reveal: owners.map((o) => of(o.owner, 'overdue')),
    },
    {
      key: 'open',
      label: 'Open, not overdue',
      values: owners.map((o) => o.open - o.overdue),
      reveal: owners.map((o) => of(o.owner, 'open')),
    },
    {
      key: 'closed',
      label: 'Done or dropped',
      values: owners.map((o) => o.total - o.open),
      reveal: owners.map((o) => of(o.owner, 'closed')),
    },
  ];
  const busiest = owners[0];
  return {
    id: 'actions-per-owner',
    title: 'Actions per owner',
    description:
      `Horizontal bar chart of actions for ${count(owners.length, 'owner')}` +
      (busiest ? `; ${busiest.name} has the most open actions (${busiest.open}).` : '.'),
    labels: owners.map((o) => shortLabel(o.name)),
    longLabels: owners.map((o) => (o.registered ? o.name : `${o.name} (not in the owners list)`)),
    series,
    stacked: true,
    horizontal: true,
    categoryAxisTitle: 'Owner',
    valueAxisTitle: 'Number of actions',
    table: {
      caption: 'Actions per owner',
      columns: ['Owner', 'Open', 'Overdue', 'All actions'],
      rows: owners.map((o) => [o.name, String(o.open), String(o.overdue), String(o.total)]),
      reveal: owners.map((o) => of(o.owner, 'overdue') ?? ofAny(o.owner)),
    },
  };
}

function axisTitleFor(unit: string | undefined): string {
  if (!unit) return 'Value';
  if (unit === '%') return 'Percentage (%)';
  if (unit === '£') return 'Amount (£)';
  return `Value (${unit})`;
}

/** One target: milestones (the trajectory) against measured values, with baseline and benchmark. */
export function targetChart(t: TargetSummary, asOf: string): TargetChartModel {
  const pt = (d: { date: string; value: number }): XY => ({ x: dayNumber(d.date), y: d.value });
  const milestones = t.milestones.map(pt).filter((p) => Number.isFinite(p.x));
  const actuals = t.actuals.map(pt).filter((p) => Number.isFinite(p.x)).sort((a, b) => a.x - b.x);
  const baseline = t.baseline && Number.isFinite(dayNumber(t.baseline.date)) ? pt(t.baseline) : undefined;
  const trajectory = [...(baseline ? [baseline] : []), ...milestones].sort((a, b) => a.x - b.x);
  const xs = [...trajectory, ...actuals].map((p) => p.x);
  const today = dayNumber(asOf);
  let lo = xs.length ? Math.min(...xs) : today - 180;
  let hi = xs.length ? Math.max(...xs) : today + 180;
  // Show "today" on the axis when it is near the data, so the reader sees where the plan stands.
  const span = Math.max(hi - lo, 60);
  const todayShown = Number.isFinite(today) && today > lo - span && today < hi + span;
  if (todayShown) {
    lo = Math.min(lo, today);
    hi = Math.max(hi, today);
  }
  const margin = Math.max(15, (hi - lo) * 0.04);
  const v = (n: number) => withUnit(n, t.unit);
  const rows: string[][] = [];
  if (t.baseline) rows.push([ukDate(t.baseline.date), 'Baseline', v(t.baseline.value)]);
  for (const m of t.milestones) rows.push([ukDate(m.date), 'Milestone (to reach)', v(m.value)]);
  for (const a of t.actuals) rows.push([ukDate(a.date), 'Actual (measured)', v(a.value)]);
  rows.sort((a, b) => dayNumber(isoOfRow(a[0], t)) - dayNumber(isoOfRow(b[0], t)));
  if (t.benchmark) rows.push(['', `Benchmark${t.benchmark.label ? `: ${t.benchmark.label}` : ''}`, v(t.benchmark.value)]);
  const direction = t.direction === 'up' ? 'higher is better' : 'lower is better';
  const latest = actuals.length ? actuals[actuals.length - 1] : undefined;
  return {
    id: `target-${t.id}`,
    title: t.title,
    description:
      `Line chart of target ${t.id} (${direction}): ${count(milestones.length, 'milestone')}, ` +
      `${count(actuals.length, 'measured value')}` +
      (latest ? `, latest ${v(latest.y)} on ${ukDateOfDay(latest.x)}` : '') +
      `. ${t.statusText}`,
    statusText: t.statusText,
    status: t.status,
    unit: t.unit,
    valueAxisTitle: axisTitleFor(t.unit),
    milestones: trajectory,
    actuals,
    baseline,
    benchmark: t.benchmark ? { value: t.benchmark.value, label: t.benchmark.label ?? 'Benchmark' } : undefined,
    xMin: Math.floor(lo - margin),
    xMax: Math.ceil(hi + margin),
    today: todayShown ? today : Number.NaN,
    source: t.source,
    table: {
      caption: `${t.title}: baseline, milestones and measured values`,
      columns: ['Date', 'What', 'Value'],
      rows,
    },
  };
}

// Rows are sorted by their date; the row keeps only the UK form, so look the ISO date up again.
function isoOfRow(uk: string, t: TargetSummary): string {
  const all = [...(t.baseline ? [t.baseline] : []), ...t.milestones, ...t.actuals];
  return all.find((d) => ukDate(d.date) === uk)?.date ?? '';
}

/** An action as the lists show it. */
export interface ActionRow {
  id: string;
  text: string;
  owner: string;
  due: string;
  /** `62 days overdue`, `due in 5 days`, ... */
  when: string;
  rag?: Rag;
  source: SourceRef;
}

function actionRow(a: ActionSummary): ActionRow {
  let when = '';
  if (a.overdue && a.daysOverdue !== undefined) when = `${count(a.daysOverdue, 'day')} overdue`;
  else if (a.daysUntilDue === 0) when = 'due today';
  else if (a.daysUntilDue !== undefined) when = `due in ${count(a.daysUntilDue, 'day')}`;
  else if (a.openDeadline) when = `deadline ${a.due ?? 'open'}`;
  return {
    id: a.id,
    text: a.text,
    owner: a.unowned ? (a.owner ? `${a.owner} (names nobody)` : 'No owner') : (a.ownerName ?? a.owner ?? ''),
    due: a.dueDate ? ukDate(a.dueDate) : (a.due ?? 'No deadline'),
    when,
    rag: a.rag,
    source: a.source,
  };
}

function rowsFor(byId: ReadonlyMap<string, ActionSummary>, ids: string[]): ActionRow[] {
  return ids.map((id) => byId.get(id)).filter((a): a is ActionSummary => !!a).map(actionRow);
}

/** The plain lists: overdue (most overdue first), unowned, due soon (soonest first). */
export function actionLists(s: PlanSummary): { overdue: ActionRow[]; unowned: ActionRow[]; dueSoon: ActionRow[] } {
  const byId = new Map(s.actions.map((a) => [a.id, a] as const));
  return { overdue: rowsFor(byId, s.overdue), unowned: rowsFor(byId, s.unowned), dueSoon: rowsFor(byId, s.dueSoon) };
}

/** The headline numbers at the top of the page. */
export function headlineFigures(s: PlanSummary): { label: string; value: number; tone: 'bad' | 'warn' | 'good' | 'plain' }[] {
  const t = s.totals;
  const figures: { label: string; value: number; tone: 'bad' | 'warn' | 'good' | 'plain' }[] = [
    { label: t.actions === 1 ? 'action' : 'actions', value: t.actions, tone: 'plain' },
    { label: 'open', value: t.open, tone: 'plain' },
    { label: 'done', value: t.done, tone: t.done > 0 ? 'good' : 'plain' },
    { label: 'overdue', value: t.overdue, tone: t.overdue > 0 ? 'bad' : 'good' },
    { label: 'due soon', value: t.dueSoon, tone: t.dueSoon > 0 ? 'warn' : 'plain' },
    { label: 'unowned', value: t.unowned, tone: t.unowned > 0 ? 'bad' : 'good' },
  ];
  if (t.targets > 0) {
    figures.push({ label: t.targetsMissed === 1 ? 'target missed' : 'targets missed', value: t.targetsMissed, tone: t.targetsMissed > 0 ? 'bad' : 'good' });
    figures.push({ label: 'off track', value: t.targetsOffTrack, tone: t.targetsOffTrack > 0 ? 'warn' : 'good' });
  }
  return figures;
}

/** The status-bar style one-liner: `2 overdue, 1 unowned` (or `no problems`). */
export function statusLine(s: PlanSummary): string {
  const parts: string[] = [];
  if (s.totals.overdue) parts.push(`${s.totals.overdue} overdue`);
  if (s.totals.unowned) parts.push(`${s.totals.unowned} unowned`);
  if (s.totals.targetsMissed) parts.push(`${s.totals.targetsMissed} ${s.totals.targetsMissed === 1 ? 'target' : 'targets'} missed`);
  return parts.length ? parts.join(', ') : 'nothing overdue';
}

/**
 * The plan's RAG counts at each version in git (and the text now), as
 * stacked bars: how the plan's standing moved over time. Undefined with
 * fewer than two versions (one bar says nothing about time).
 */
export function ragOverTime(v: PlanChangesView): BarChartModel | undefined {
  if (v.rag.length < 2) return undefined;
  const labels = v.rag.map((p) => (p.commit ? ukDate(p.date) : ['Now', '(not committed)']));
  const keys: ('red' | 'amber' | 'green' | 'none' | 'closed')[] = ['red', 'amber', 'green', 'none', 'closed'];
  const names = { ...RAG_LABELS, closed: 'Done or dropped' };
  // A series nobody ever had (no action ever without a RAG) would only add a legend entry.
  const shown = keys.filter((k) => k === 'red' || k === 'amber' || k === 'green' || v.rag.some((p) => p[k] > 0));
  const series: BarSeries[] = shown.map((k) => ({ key: k, label: names[k], values: v.rag.map((p) => p[k]), reveal: v.rag.map(() => undefined) }));
  const first = v.rag[0];
  const last = v.rag[v.rag.length - 1];
  return {
    id: 'rag-over-time',
    title: 'RAG status over time',
    description:
      `Stacked bar chart of the plan's actions by RAG at ${count(v.rag.length, 'version')} in its history, from ${ukDate(first.date)} ` +
      `(${first.red} red, ${first.amber} amber, ${first.green} green) to ${last.commit ? ukDate(last.date) : 'now'} (${last.red} red, ${last.amber} amber, ${last.green} green).`,
    labels,
    longLabels: v.rag.map((p) => (p.commit ? `Committed on ${ukDate(p.date)} (${p.commit.slice(0, 7)})` : 'The plan now, not committed yet')),
    series,
    stacked: true,
    horizontal: false,
    categoryAxisTitle: 'Version of the plan',
    valueAxisTitle: 'Number of actions',
    table: {
      caption: 'RAG status over time',
      columns: ['Version', 'Red', 'Amber', 'Green', 'No RAG', 'Done or dropped'],
      rows: v.rag.map((p) => [p.commit ? `${ukDate(p.date)} (${p.commit.slice(0, 7)})` : 'Now (not committed)', String(p.red), String(p.amber), String(p.green), String(p.none), String(p.closed)]),
    },
  };
}

/** The heading of the "Changes since" section: "Changes since the last commit (20 Jan 2023)". */
export function changesHeading(v: PlanChangesView): string {
  if (!v.base) return 'Changes';
  const when = v.base.date ? ` (${ukDate(v.base.date)})` : '';
  return `Changes since ${v.base.label}${when} (${v.changes.length})`;
}

/** What the "Changes since" list says when there is nothing in it. */
export function noChangesText(v: PlanChangesView): string {
  return v.notice ?? `No change to the plan's values since ${v.base?.label ?? 'the last commit'}.`;
}

/** The severity words a change is listed with. */
export const CHANGE_SEVERITY_LABELS: Record<ChangeRow['severity'], string> = { error: 'Needs a look', warning: 'Worth checking', information: 'Note', hint: 'Note' };
