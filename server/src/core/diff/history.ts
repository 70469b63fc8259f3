/**
 * A plan's history, from its versions over time (oldest first): for each
 * action, every deadline it has had and when it was set, how often and how
 * far it slipped, and its RAG over time; for each objective, its RAG counts
 * over time. Pure: the versions come from git through the node layer.
 * Actions are followed across versions as `diff` matches them (by id, then
 * by wording), so an action whose reference changed keeps its history.
 */
import { dueShortWords, formatUk, parseDue, type DueInfo } from '../dates';
import { buildModel, isDict, type ActionModel, type PlanModel } from '../model';
import { readPlanText, type PlanReading } from '../quickRead';
import { plural } from '../words';
import { matchItems } from './match';
import type { ActionHistory, DeadlineEntry, ObjectiveHistory, ObjectiveRagPoint, PlanHistory, PlanVersion } from './historyTypes';

export type { ActionHistory, DeadlineEntry, ObjectiveHistory, ObjectiveRagPoint, PlanHistory, PlanVersion, RagEntry } from './historyTypes';

interface Tracked {
  history: ActionHistory;
  lastDue?: DueInfo;
  lastDueText?: string;
  lastRag?: string;
  lastStatus?: string;
}

function dueText(a: ActionModel): string {
  const v = isDict(a.data) ? a.data.due : undefined;
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function actionText(a: ActionModel): string {
  const d = a.data;
  return [d.action, d.outcome].filter((x): x is string => typeof x === 'string').join(' ');
}

/**
 * Builds a plan's history from its versions, oldest first. A version that
 * does not read as a plan is skipped (the next one is compared with the last
 * that did). `known` is a reading the caller already has of one text (the
 * plan it is about to check): a version with that text is not read again.
 */
export function planHistory(versions: readonly PlanVersion[], known?: PlanReading): PlanHistory {
  const read: { v: PlanVersion; model: PlanModel }[] = [];
  for (const v of versions) {
    const parsed = known && v.text === known.text ? known : readPlanText(v.text);
    if (!parsed) continue;
    const model = buildModel(parsed);
    if (model) read.push({ v, model });
  }
  const all: Tracked[] = [];
  let previous = new Map<ActionModel, Tracked>();
  let previousActions: ActionModel[] = [];
  const objectiveSeries = new Map<string, ObjectiveHistory>();

  for (const { v, model } of read) {
    const current = new Map<ActionModel, Tracked>();
    const m = matchItems(previousActions, model.actions, (a) => a.id, actionText);
    for (const p of m.pairs) {
      const t = previous.get(p.old);
      if (t) current.set(p.new, t);
    }
    for (const a of model.actions) {
      let t = current.get(a);
      if (!t) {
        t = { history: { id: a.id, label: a.label, present: true, deadlines: [], slips: 0, slippedDays: 0, rag: [] } };
        all.push(t);
        current.set(a, t);
      }
      t.history.id = a.id;
      t.history.label = a.label;
      const text = dueText(a);
      if (t.lastDueText === undefined || !sameDeadline(t.lastDue, a.due, t.lastDueText, text)) {
        const entry: DeadlineEntry = { commit: v.commit, date: v.date, author: v.author, due: text };
        if (a.due.kind === 'date') {
          entry.iso = a.due.iso;
          const before = lastDated(t.history.deadlines);
          if (before !== undefined) {
            entry.moved = a.due.day - before;
            if (entry.moved > 0) {
              t.history.slips++;
              t.history.slippedDays += entry.moved;
            }
          }
        }
        t.history.deadlines.push(entry);
        t.lastDue = a.due;
        t.lastDueText = text;
      }
      if (t.lastRag !== (a.rag ?? '') || t.lastStatus !== a.status) {
        t.history.rag.push({ commit: v.commit, date: v.date, rag: a.rag, status: a.status });
        t.lastRag = a.rag ?? '';
        t.lastStatus = a.status;
      }
    }
    for (const o of model.objectives) {
      const key = o.id ?? o.label;
      let series = objectiveSeries.get(key);
      if (!series) {
        series = { id: o.id, label: o.label, points: [] };
        objectiveSeries.set(key, series);
      }
      const point: ObjectiveRagPoint = { commit: v.commit, date: v.date, red: 0, amber: 0, green: 0, none: 0, closed: 0 };
      for (const a of o.actions) {
        if (!a.open) point.closed++;
        else if (a.rag) point[a.rag]++;
        else point.none++;
      }
      series.points.push(point);
    }
    const present = new Set(current.values());
    for (const t of all) t.history.present = present.has(t);
    previous = current;
    previousActions = model.actions;
  }
  return {
    versions: read.map(({ v }) => ({ commit: v.commit, date: v.date, author: v.author })),
    actions: all.map((t) => t.history),
    objectives: [...objectiveSeries.values()],
  };
}

function lastDated(entries: readonly DeadlineEntry[]): number | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const iso = entries[i].iso;
    if (iso !== undefined) {
      const d = parseDue(iso);
      if (d.kind === 'date') return d.day;
    }
  }
  return undefined;
}

/** Same deadline: the same day (`2022-11` and `2022-11-30` are one), or the same words. */
function sameDeadline(a: DueInfo | undefined, b: DueInfo, aText: string, bText: string): boolean {
  if (a?.kind === 'date' && b.kind === 'date') return a.day === b.day;
  return aText === bText;
}

/** The history of one action by id, for hovers and the `repeated-slip` rule. */
export function historyIndex(history: PlanHistory): Map<string, ActionHistory> {
  const index = new Map<string, ActionHistory>();
  for (const a of history.actions) if (a.present && a.id !== undefined) index.set(a.id, a);
  return index;
}

/** "Nov 2022" for `2022-11`, "30 Nov 2022" for a day, the words for `ongoing`/`tbc`, "no deadline" for none. */
export function deadlineWords(entry: Pick<DeadlineEntry, 'due'>): string {
  if (entry.due === '') return 'no deadline';
  const due = parseDue(entry.due);
  return due.kind === 'date' ? dueShortWords(due) : entry.due;
}

/** "4 months" for 121 days, "12 days" below two months. */
export function durationWords(days: number): string {
  if (days < 60) return plural(days, 'day');
  return plural(Math.round(days / 30.44), 'month');
}

/**
 * One sentence on an action's deadline history, for hovers and reports:
 * "First set to Nov 2022 on 3 Mar 2022; moved later twice, 4 months in all."
 */
export function describeDeadlineHistory(h: ActionHistory): string {
  const first = h.deadlines[0];
  if (!first) return 'No deadline in the plan\'s history.';
  const start = `First set to ${deadlineWords(first)} on ${formatUk(first.date)}${first.author ? ` by ${first.author}` : ''}`;
  if (h.deadlines.length === 1) return `${start}; not changed since.`;
  const times = h.slips === 1 ? 'once' : h.slips === 2 ? 'twice' : `${h.slips} times`;
  const last = h.deadlines[h.deadlines.length - 1];
  // A deadline not committed yet (the text being edited, or the file on disk) has no date of its own to give.
  const now = `now ${deadlineWords(last)} (${last.commit === '' ? 'not committed yet' : `since ${formatUk(last.date)}`})`;
  if (h.slips === 0) return `${start}; changed ${h.deadlines.length === 2 ? 'once' : `${h.deadlines.length - 1} times`} but never later; ${now}.`;
  return `${start}; moved later ${times}, ${durationWords(h.slippedDays)} in all; ${now}.`;
}

/**
 * An action's history with its deadline in the text being checked added as
 * the newest entry, when it differs from the last one in the history (an
 * edit not committed yet; dated `today`, with no commit or author). The
 * language server reads the history once per commit while the text changes
 * with every keystroke: this is how a deadline moved in the editor counts at
 * once. A history that already ends with this deadline is returned as it is.
 */
export function withCurrentDeadline(h: ActionHistory, action: ActionModel, today: string): ActionHistory {
  const text = dueText(action);
  const last = h.deadlines[h.deadlines.length - 1];
  if (last && sameDeadline(parseDue(last.due), action.due, last.due, text)) return h;
  const entry: DeadlineEntry = { commit: '', date: today, author: '', due: text };
  let { slips, slippedDays } = h;
  if (action.due.kind === 'date') {
    entry.iso = action.due.iso;
    const before = lastDated(h.deadlines);
    if (before !== undefined) {
      entry.moved = action.due.day - before;
      if (entry.moved > 0) {
        slips++;
        slippedDays += entry.moved;
      }
    }
  }
  return { ...h, deadlines: [...h.deadlines, entry], slips, slippedDays };
}
