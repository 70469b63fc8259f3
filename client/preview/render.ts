/**
 * Builds the page (live preview or report) from a PreviewState. All plan text
 * goes in through dom.ts (text nodes only).
 */
import type { Chart } from 'chart.js';
import type { ChangeRow, FindingRow, PlanChangesView, PreviewState } from './messages';
import type { PlanSummary, SourceRef } from '../../server/src/core/summaryTypes';
import {
  actionLists,
  actionsPerOwner,
  CHANGE_SEVERITY_LABELS,
  changesHeading,
  deadlinesByMonth,
  noChangesText,
  ragOverTime,
  headlineFigures,
  ragByObjective,
  targetChart,
  RAG_LABELS,
  type ActionRow,
  type BarChartModel,
  type TableModel,
} from './chartData';
import { drawBarChart, drawTargetChart, readTheme, type RevealFn, type Theme } from './charts';
import { append, clear, h } from './dom';
import { count, ukDate } from './format';

export interface RenderOptions {
  /** Called when the user picks an item; undefined in the static report. */
  reveal?: RevealFn;
}

export interface Rendered {
  charts: Chart[];
  destroy(): void;
}

function revealButton(label: string, source: SourceRef | undefined, reveal: RevealFn | undefined, ...children: (Node | string)[]): HTMLElement {
  if (!reveal || !source) return h('span', {}, ...children);
  const b = h('button', { type: 'button', class: 'eq-cell-button', title: `Show ${label} in the plan` }, ...children);
  b.addEventListener('click', () => reveal(source, label));
  return b;
}

function tableOf(t: TableModel, reveal: RevealFn | undefined, id: string): HTMLElement {
  const numeric = t.columns.map((_c, i) => i > 0 && t.rows.every((r) => /^-?[\d.,]+$/.test(r[i] ?? '')));
  const table = h(
    'table',
    {},
    h('caption', {}, t.caption),
    h('thead', {}, h('tr', {}, ...t.columns.map((c, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : undefined }, c)))),
    h(
      'tbody',
      {},
      ...t.rows.map((r, ri) =>
        h(
          'tr',
          {},
          ...r.map((cell, ci) =>
            ci === 0
              ? h('th', { scope: 'row' }, revealButton(cell, t.reveal?.[ri], reveal, cell))
              : h('td', { class: numeric[ci] ? 'num' : undefined }, cell),
          ),
        ),
      ),
    ),
  );
  return h('details', { id: `${id}-table`, class: 'eq-table' }, h('summary', {}, `Show “${t.caption}” as a table`), table);
}

const MAX_ACTION_TEXT = 160;

/** Long action texts (some run to a paragraph) are cut at a word, so the lists stay scannable. */
function shorten(text: string): string {
  if (text.length <= MAX_ACTION_TEXT) return text;
  const cut = text.slice(0, MAX_ACTION_TEXT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ACTION_TEXT - 20)).trimEnd()}…`;
}

function actionList(rows: ActionRow[], empty: string, reveal: RevealFn | undefined, listId: string): HTMLElement {
  if (!rows.length) return h('p', { class: 'eq-empty' }, empty);
  return h(
    'ul',
    { class: 'eq-actions', id: listId },
    ...rows.map((r) => {
      const rag = r.rag ? h('span', { class: `eq-rag rag-${r.rag}`, title: RAG_LABELS[r.rag] }, r.rag.toUpperCase()) : null;
      const inner = [
        h('span', { class: 'text', title: r.text.length > MAX_ACTION_TEXT ? r.text : undefined }, h('span', { class: 'id' }, `${r.id}`), ' ', shorten(r.text) || '(no description)', rag ?? ''),
        h('span', { class: 'meta' }, [`Owner: ${r.owner || '—'}`, `Due: ${r.due}`, r.when].filter(Boolean).join(' · ')),
      ];
      if (!reveal) return h('li', {}, h('div', { class: 'eq-action', 'data-action-id': r.id }, ...inner));
      const b = h('button', { type: 'button', class: 'eq-action', 'data-action-id': r.id, title: `Show action ${r.id} in the plan` }, ...inner);
      b.addEventListener('click', () => reveal(r.source, `action ${r.id}`));
      return h('li', {}, b);
    }),
  );
}

function section(id: string, title: string, ...children: (Node | string | null | false)[]): HTMLElement {
  return h('section', { class: 'eq-section', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

function chartSection(m: BarChartModel, theme: Theme, reveal: RevealFn | undefined, charts: Chart[], pending: (() => void)[]): HTMLElement {
  const box = h('div', { class: 'eq-chart', id: `${m.id}-chart` });
  pending.push(() => charts.push(drawBarChart(box, m, theme, reveal)));
  return section(m.id, m.title, h('p', { class: 'eq-caption' }, m.description), box, tableOf(m.table, reveal, m.id));
}

/** A finding message with its `code` spans (field names, values) set as <code>, not shown with their backticks. */
function messageNodes(message: string): (Node | string)[] {
  return message.split(/`([^`\n]+)`/).map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

function findingsSection(findings: FindingRow[]): HTMLElement {
  const rows = findings.map((f) =>
    h('tr', {}, h('td', { class: 'num' }, String(f.line + 1)), h('td', { class: `sev-${f.severity}` }, f.severity), h('td', {}, f.rule), h('td', {}, ...messageNodes(f.message))),
  );
  return section(
    'findings',
    `Problems found (${findings.length})`,
    findings.length
      ? h(
          'table',
          { class: 'eq-findings' },
          h('caption', {}, 'What eqplan found in the plan file, by line'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, 'Line'), h('th', { scope: 'col' }, 'Severity'), h('th', { scope: 'col' }, 'Check'), h('th', { scope: 'col' }, 'What to do'))),
          h('tbody', {}, ...rows),
        )
      : h('p', { class: 'eq-empty' }, 'No problems found.'),
  );
}

function changeItem(c: ChangeRow, reveal: RevealFn | undefined): HTMLElement {
  const inner = [h('span', { class: `eq-change-sev sev-${c.severity}` }, CHANGE_SEVERITY_LABELS[c.severity]), ' ', ...messageNodes(c.message)];
  if (!reveal || !c.source) return h('li', { 'data-kind': c.kind }, h('div', { class: 'eq-change' }, ...inner));
  const source = c.source;
  const b = h('button', { type: 'button', class: 'eq-change', title: `Show this change in the plan (line ${source.line + 1})` }, ...inner);
  b.addEventListener('click', () => reveal(source, `line ${source.line + 1}`));
  return h('li', { 'data-kind': c.kind }, b);
}

/** "Changes since the last commit": what an edit did to the plan, as `eqplan diff` says it, and RAG over the plan's history. */
function changesSection(v: PlanChangesView, theme: Theme, reveal: RevealFn | undefined, charts: Chart[], pending: (() => void)[]): HTMLElement {
  const list = v.changes.length
    ? h('ul', { class: 'eq-changes', id: 'changes-list' }, ...v.changes.map((c) => changeItem(c, reveal)))
    : h('p', { class: 'eq-empty' }, noChangesText(v));
  const notice = v.changes.length && v.notice ? h('p', { class: 'eq-caption' }, v.notice) : null;
  const chart = ragOverTime(v);
  return section('changes', changesHeading(v), notice, list, chart ? chartSection(chart, theme, reveal, charts, pending) : null);
}

function header(s: PlanSummary, state: PreviewState): HTMLElement {
  const period = s.period?.start || s.period?.end ? `Plan period ${ukDate(s.period?.start) || '?'} to ${ukDate(s.period?.end) || '?'}` : '';
  const asOfWhy = s.asOfSource === 'plan' ? 'the plan’s reporting date' : s.asOfSource === 'option' ? 'the eqplan.asOf setting' : 'today';
  return h(
    'header',
    {},
    h('h1', {}, s.title || 'Untitled plan'),
    h('p', { class: 'eq-sub' }, s.organisation || 'Organisation not given'),
    h('p', { class: 'eq-sub' }, [period, `Position as at ${ukDate(s.asOf)} (${asOfWhy})`].filter(Boolean).join(' · ')),
    state.fileName ? h('p', { class: 'eq-sub' }, `File: ${state.fileName}`) : null,
  );
}

/** Renders the whole page into `root`; returns the charts so the caller can destroy them before the next render. */
export function renderPage(root: HTMLElement, state: PreviewState, opts: RenderOptions): Rendered {
  // Keep open tables open across redraws while the user types.
  const openDetails = new Set(Array.from(root.querySelectorAll('details[open]')).map((d) => d.id));
  clear(root);
  const charts: Chart[] = [];
  const rendered: Rendered = { charts, destroy: () => charts.splice(0).forEach((c) => c.destroy()) };
  const s = state.summary;
  if (!s) {
    append(root, h('h1', {}, 'Equality plan preview'), h('p', { class: 'eq-notice', role: 'status' }, state.notice ?? 'Waiting for the plan to be checked…'));
    return rendered;
  }
  const reveal = opts.reveal;
  const theme = readTheme();
  const pending: (() => void)[] = [];
  const lists = actionLists(s);

  append(root, header(s, state));
  if (state.notice) append(root, h('p', { class: 'eq-notice', role: 'status' }, state.notice));
  append(
    root,
    h(
      'ul',
      { class: 'eq-figures', 'aria-label': 'Headline figures' },
      ...headlineFigures(s).map((f) => h('li', { class: `eq-figure ${f.tone}` }, h('b', {}, String(f.value)), f.label)),
    ),
  );

  append(
    root,
    h(
      'div',
      { class: 'eq-grid two' },
      section('overdue', `Overdue actions (${lists.overdue.length})`, actionList(lists.overdue, 'No action is overdue.', reveal, 'overdue-list')),
      section('unowned', `Actions with no owner (${lists.unowned.length})`, actionList(lists.unowned, 'Every open action has an owner.', reveal, 'unowned-list')),
    ),
  );
  if (lists.dueSoon.length) append(root, section('due-soon', `Due soon (${lists.dueSoon.length})`, actionList(lists.dueSoon, '', reveal, 'due-soon-list')));

  append(root, h('div', { class: 'eq-grid two' }, chartSection(ragByObjective(s), theme, reveal, charts, pending), chartSection(deadlinesByMonth(s), theme, reveal, charts, pending)));

  if (s.targets.length) {
    const targetBoxes = s.targets.map((t) => {
      const m = targetChart(t, s.asOf);
      const box = h('div', { class: 'eq-chart', id: `${m.id}-chart` });
      pending.push(() => charts.push(drawTargetChart(box, m, theme, reveal)));
      return h(
        'div',
        { class: 'eq-target', id: m.id },
        h('h3', {}, m.title),
        h('p', {}, h('span', { class: `eq-status ${m.status}` }, m.statusText)),
        box,
        tableOf(m.table, undefined, m.id),
      );
    });
    append(root, section('targets', `Targets (${count(s.targets.length, 'target')})`, h('div', { class: 'eq-grid two' }, ...targetBoxes)));
  }

  append(root, chartSection(actionsPerOwner(s), theme, reveal, charts, pending));
  if (state.changes) append(root, changesSection(state.changes, theme, reveal, charts, pending));
  if (state.findings) append(root, findingsSection(state.findings));

  const f = s.findings;
  append(
    root,
    h(
      'footer',
      {},
      `eqplan found ${count(f.error, 'error')}, ${count(f.warning, 'warning')} and ${count(f.information + f.hint, 'note')} in this plan.`,
      state.mode === 'webview' ? ' See the Problems panel for each one.' : '',
      state.generated ? ` Report made on ${ukDate(state.generated)} with eqplan.` : '',
    ),
  );

  for (const id of openDetails) root.querySelector<HTMLDetailsElement>(`details[id="${CSS.escape(id)}"]`)?.setAttribute('open', '');
  // Charts measure their container, so draw them once the page is in the document.
  for (const draw of pending) draw();
  return rendered;
}
