/**
 * Builds the page (live preview or report) from a PreviewState. All plan text
 * goes in through dom.ts (text nodes only).
 *
 * A redraw after an edit must stay quick on a plan of thousands of actions, so
 * the page is drawn once and then patched: each part of the page remembers the
 * data it shows and is left alone while that data is unchanged, charts are
 * updated in place (the same Chart and canvas), action lists are updated row by
 * row by action id, and long lists and large tables are only drawn in full when
 * asked for (or printed).
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
  type TargetChartModel,
} from './chartData';
import { drawBarChart, drawTargetChart, readTheme, type DrawnChart, type RevealFn, type Theme } from './charts';
import { append, clear, h } from './dom';
import { count, ukDate } from './format';

export interface RenderOptions {
  /** Called when the user picks an item; undefined in the static report. */
  reveal?: RevealFn;
}

/** The page drawn in one root element, patched by each `render`. */
export interface PageRenderer {
  /** Draws `state`: the first time in full, after that only what changed since the last state. */
  render(state: PreviewState): void;
  /** The charts on the page now (the same Chart objects from one render to the next while their section stays). */
  readonly charts: readonly Chart[];
  /** Draws every row and table held back (long lists, large tables), as a printout needs. */
  showAll(): void;
  /** Destroys the charts and forgets the page: the next `render` draws it afresh (after a theme change). */
  reset(): void;
}

/** A list of actions shows this many rows until the reader asks for all: a real plan's lists are shorter. */
export const LIST_LIMIT = 100;
/** A table with more rows than this is drawn when its disclosure is first opened, not with the page. */
export const LAZY_TABLE_ROWS = 100;

/** What the parts of one render share. */
interface Ctx {
  theme: Theme;
  reveal?: RevealFn;
  /** Chart drawing and updates, run once the page's elements are in the document (charts measure their box). */
  pending: (() => void)[];
  /** Fillers of tables and lists held back, run by `showAll`. */
  held: Set<() => void>;
}

/** A comparable fingerprint of a part's data: the part is left alone while it is the same. */
function sigOf(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Makes `parent`'s children exactly `wanted`, in order, moving as little as it can: nodes no
 * longer wanted go first, so kept nodes (and the charts in them) are never taken out and put back
 * unless their order changed.
 */
function reconcile(parent: HTMLElement, wanted: readonly Node[]): void {
  const keep = new Set(wanted);
  for (const child of Array.from(parent.childNodes)) if (!keep.has(child)) parent.removeChild(child);
  let at = parent.firstChild;
  for (const node of wanted) {
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
}

function revealButton(label: string, source: SourceRef | undefined, reveal: RevealFn | undefined, ...children: (Node | string)[]): HTMLElement {
  if (!reveal || !source) return h('span', {}, ...children);
  const b = h('button', { type: 'button', class: 'eq-cell-button', title: `Show ${label} in the plan` }, ...children);
  b.addEventListener('click', () => reveal(source, label));
  return b;
}

function tableElement(t: TableModel, reveal: RevealFn | undefined): HTMLElement {
  const numeric = t.columns.map((_c, i) => i > 0 && t.rows.every((r) => /^-?[\d.,]+$/.test(r[i] ?? '')));
  return h(
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
}

/**
 * A chart's data as a table, behind a disclosure. A large table (one row per month or objective
 * of a very large plan) is only built when it is first opened, or for printing: while closed its
 * rows are neither shown nor read out, so holding them back changes nothing for the reader.
 */
function tableOf(t: TableModel, ctx: Ctx, id: string, reveal: RevealFn | undefined = ctx.reveal): HTMLDetailsElement {
  const details = h('details', { id: `${id}-table`, class: 'eq-table' }, h('summary', {}, `Show “${t.caption}” as a table`));
  if (t.rows.length <= LAZY_TABLE_ROWS) {
    append(details, tableElement(t, reveal));
    return details;
  }
  const fill = () => {
    ctx.held.delete(fill);
    details.removeEventListener('toggle', onToggle);
    if (details.isConnected || details.open) append(details, tableElement(t, reveal));
  };
  const onToggle = () => {
    if (details.open) fill();
  };
  details.addEventListener('toggle', onToggle);
  ctx.held.add(fill);
  return details;
}

/** Puts `next` in place of `old`, open if `old` was (the reader's open tables stay open while they type). */
function replaceTable(old: HTMLDetailsElement, next: HTMLDetailsElement): HTMLDetailsElement {
  old.replaceWith(next);
  if (old.open) next.open = true;
  return next;
}

const MAX_ACTION_TEXT = 160;

/** Long action texts (some run to a paragraph) are cut at a word, so the lists stay scannable. */
function shorten(text: string): string {
  if (text.length <= MAX_ACTION_TEXT) return text;
  const cut = text.slice(0, MAX_ACTION_TEXT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ACTION_TEXT - 20)).trimEnd()}…`;
}

/** A row of an action list, kept from one render to the next while what it shows is the same. */
interface RowEntry {
  sig: string;
  li: HTMLElement;
  /** The row as of the last render: a click reveals where the action is now, after lines above it moved. */
  row: ActionRow;
}

/** One row of an action list; a click reveals `current()`, the row as of the last render. */
function actionItem(r: ActionRow, reveal: RevealFn | undefined, current: () => ActionRow): HTMLElement {
  const rag = r.rag ? h('span', { class: `eq-rag rag-${r.rag}`, title: RAG_LABELS[r.rag] }, r.rag.toUpperCase()) : null;
  const inner = [
    h('span', { class: 'text', title: r.text.length > MAX_ACTION_TEXT ? r.text : undefined }, h('span', { class: 'id' }, `${r.id}`), ' ', shorten(r.text) || '(no description)', rag ?? ''),
    h('span', { class: 'meta' }, [`Owner: ${r.owner || '—'}`, `Due: ${r.due}`, r.when].filter(Boolean).join(' · ')),
  ];
  if (!reveal) return h('li', {}, h('div', { class: 'eq-action', 'data-action-id': r.id }, ...inner));
  const b = h('button', { type: 'button', class: 'eq-action', 'data-action-id': r.id, title: `Show action ${r.id} in the plan` }, ...inner);
  b.addEventListener('click', () => reveal(current().source, `action ${current().id}`));
  return h('li', {}, b);
}

function section(id: string, title: string, ...children: (Node | string | null | false)[]): HTMLElement {
  return h('section', { class: 'eq-section', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

/**
 * A section listing actions (overdue, unowned, due soon). Rows are keyed by action id: an edit
 * re-draws the rows it changed and leaves the others. A list longer than LIST_LIMIT shows its
 * first rows and a button that shows the rest.
 */
class ActionListSection {
  readonly el: HTMLElement;
  private readonly h2: HTMLElement;
  private body: HTMLElement;
  private list: HTMLElement | undefined;
  private more: HTMLElement | undefined;
  private entries = new Map<string, RowEntry>();
  private rows: ActionRow[] = [];
  private expanded = false;
  private readonly showAllFiller = () => this.expand(false);

  constructor(
    id: string,
    private readonly listId: string,
    private readonly empty: string,
    title: string,
    rows: ActionRow[],
    private readonly ctx: Ctx,
  ) {
    this.h2 = h('h2', { id: `${id}-h` }, title);
    this.body = h('p', { class: 'eq-empty' }, empty);
    this.el = h('section', { class: 'eq-section', id, 'aria-labelledby': `${id}-h` }, this.h2, this.body);
    this.update(title, rows, ctx);
  }

  update(title: string, rows: ActionRow[], ctx: Ctx): void {
    setText(this.h2, title);
    this.rows = rows;
    if (!rows.length) {
      this.setBody(this.list ? h('p', { class: 'eq-empty' }, this.empty) : this.body);
      this.list = undefined;
      this.entries.clear();
      this.setMore(undefined);
      ctx.held.delete(this.showAllFiller);
      return;
    }
    if (!this.list) {
      this.list = h('ul', { class: 'eq-actions', id: this.listId });
      this.setBody(this.list);
    }
    const shown = this.expanded ? rows : rows.slice(0, LIST_LIMIT);
    const seen = new Map<string, number>();
    const next = new Map<string, RowEntry>();
    const items: HTMLElement[] = [];
    for (const row of shown) {
      // Ids repeat in a plan with a duplicate-id problem: the nth row with an id is its own key.
      const n = seen.get(row.id) ?? 0;
      seen.set(row.id, n + 1);
      const key = `${row.id}\u0000${n}`;
      const sig = sigOf([row.id, row.text, row.owner, row.due, row.when, row.rag]);
      let entry = this.entries.get(key);
      if (entry && entry.sig === sig) entry.row = row;
      else {
        // The click handler reads the entry's row, updated on later renders.
        const made: RowEntry = { sig, row, li: actionItem(row, ctx.reveal, () => made.row) };
        entry = made;
      }
      next.set(key, entry);
      items.push(entry.li);
    }
    this.entries = next;
    reconcile(this.list, items);
    const hidden = rows.length - shown.length;
    if (hidden > 0) {
      const label = `Show all ${rows.length} (${hidden} more)`;
      const more = this.more ?? h('p', { class: 'eq-more' }, h('button', { type: 'button', class: 'eq-show-all', 'aria-controls': this.listId }, label));
      const button = more.firstElementChild as HTMLElement;
      setText(button, label);
      if (!this.more) button.addEventListener('click', () => this.expand(true));
      this.setMore(more);
      ctx.held.add(this.showAllFiller);
    } else {
      this.setMore(undefined);
      ctx.held.delete(this.showAllFiller);
    }
  }

  /** Shows every row; from a click, moves the focus to the first row that was hidden (the button goes). */
  private expand(focus: boolean): void {
    this.expanded = true;
    this.update(this.h2.textContent ?? '', this.rows, this.ctx);
    if (focus) this.list?.children[LIST_LIMIT]?.querySelector<HTMLElement>('button')?.focus();
  }

  private setBody(body: HTMLElement): void {
    if (body !== this.body) this.body.replaceWith(body);
    this.body = body;
  }

  private setMore(more: HTMLElement | undefined): void {
    if (more === this.more) return;
    this.more?.remove();
    if (more) this.body.after(more);
    this.more = more;
  }

  destroy(): void {
    this.ctx.held.delete(this.showAllFiller);
  }
}

/** What holds one drawn chart: the chart for the page's list of charts, and destroying it with the section. */
abstract class ChartHolder<M> {
  protected drawn: DrawnChart<M> | undefined;

  get charts(): Chart[] {
    return this.drawn ? [this.drawn.chart] : [];
  }

  destroy(): void {
    this.drawn?.chart.destroy();
    this.drawn = undefined;
  }
}

/** A section with a bar chart, its description and its table; an update changes the same chart. */
class BarSection extends ChartHolder<BarChartModel> {
  readonly el: HTMLElement;
  private readonly h2: HTMLElement;
  private readonly caption: HTMLElement;
  private table: HTMLDetailsElement;
  private sig: string;

  constructor(m: BarChartModel, ctx: Ctx) {
    super();
    this.sig = sigOf(m);
    const box = h('div', { class: 'eq-chart', id: `${m.id}-chart` });
    this.h2 = h('h2', { id: `${m.id}-h` }, m.title);
    this.caption = h('p', { class: 'eq-caption' }, m.description);
    this.table = tableOf(m.table, ctx, m.id);
    this.el = h('section', { class: 'eq-section', id: m.id, 'aria-labelledby': `${m.id}-h` }, this.h2, this.caption, box, this.table);
    ctx.pending.push(() => {
      this.drawn = drawBarChart(box, m, ctx.theme, ctx.reveal);
    });
  }

  update(m: BarChartModel, ctx: Ctx): void {
    const sig = sigOf(m);
    if (sig === this.sig) return;
    this.sig = sig;
    setText(this.h2, m.title);
    setText(this.caption, m.description);
    this.table = replaceTable(this.table, tableOf(m.table, ctx, m.id));
    ctx.pending.push(() => this.drawn?.update(m));
  }
}

/** One target: its status, chart and table; an update changes the same chart. */
class TargetBox extends ChartHolder<TargetChartModel> {
  readonly el: HTMLElement;
  private readonly h3: HTMLElement;
  private readonly status: HTMLElement;
  private table: HTMLDetailsElement;
  private sig: string;

  constructor(m: TargetChartModel, ctx: Ctx) {
    super();
    this.sig = sigOf(m);
    const box = h('div', { class: 'eq-chart', id: `${m.id}-chart` });
    this.h3 = h('h3', {}, m.title);
    this.status = h('span', { class: `eq-status ${m.status}` }, m.statusText);
    this.table = tableOf(m.table, ctx, m.id, undefined);
    this.el = h('div', { class: 'eq-target', id: m.id }, this.h3, h('p', {}, this.status), box, this.table);
    ctx.pending.push(() => {
      this.drawn = drawTargetChart(box, m, ctx.theme, ctx.reveal);
    });
  }

  update(m: TargetChartModel, ctx: Ctx): void {
    const sig = sigOf(m);
    if (sig === this.sig) return;
    this.sig = sig;
    setText(this.h3, m.title);
    setText(this.status, m.statusText);
    this.status.className = `eq-status ${m.status}`;
    this.table = replaceTable(this.table, tableOf(m.table, ctx, m.id, undefined));
    ctx.pending.push(() => this.drawn?.update(m));
  }
}

/** The targets section: one box per target, keyed by the target's id. */
class TargetsSection {
  readonly el: HTMLElement;
  private readonly h2: HTMLElement;
  private readonly grid: HTMLElement;
  private boxes = new Map<string, TargetBox>();

  constructor(s: PlanSummary, ctx: Ctx) {
    this.h2 = h('h2', { id: 'targets-h' }, '');
    this.grid = h('div', { class: 'eq-grid two' });
    this.el = h('section', { class: 'eq-section', id: 'targets', 'aria-labelledby': 'targets-h' }, this.h2, this.grid);
    this.update(s, ctx);
  }

  update(s: PlanSummary, ctx: Ctx): void {
    setText(this.h2, `Targets (${count(s.targets.length, 'target')})`);
    const next = new Map<string, TargetBox>();
    const els: HTMLElement[] = [];
    s.targets.forEach((t, i) => {
      const m = targetChart(t, s.asOf);
      // Two targets with one id (a plan with a duplicate-id problem) keep a box each.
      const key = next.has(m.id) ? `${m.id}\u0000${i}` : m.id;
      let box = this.boxes.get(key);
      if (box) box.update(m, ctx);
      else box = new TargetBox(m, ctx);
      next.set(key, box);
      els.push(box.el);
    });
    for (const [key, box] of this.boxes) if (next.get(key) !== box) box.destroy();
    this.boxes = next;
    reconcile(this.grid, els);
  }

  get charts(): Chart[] {
    return Array.from(this.boxes.values(), (b) => b.charts).flat();
  }

  destroy(): void {
    for (const box of this.boxes.values()) box.destroy();
    this.boxes.clear();
  }
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
class ChangesSection {
  readonly el: HTMLElement;
  private readonly h2: HTMLElement;
  private middle: HTMLElement[] = [];
  private middleSig = '';
  private chart: BarSection | undefined;

  constructor(v: PlanChangesView, ctx: Ctx) {
    this.h2 = h('h2', { id: 'changes-h' }, '');
    this.el = h('section', { class: 'eq-section', id: 'changes', 'aria-labelledby': 'changes-h' }, this.h2);
    this.update(v, ctx);
  }

  update(v: PlanChangesView, ctx: Ctx): void {
    setText(this.h2, changesHeading(v));
    const middleSig = sigOf([v.changes, v.notice, v.base, v.changes.length ? '' : noChangesText(v)]);
    if (middleSig !== this.middleSig) {
      this.middleSig = middleSig;
      const list = v.changes.length
        ? h('ul', { class: 'eq-changes', id: 'changes-list' }, ...v.changes.map((c) => changeItem(c, ctx.reveal)))
        : h('p', { class: 'eq-empty' }, noChangesText(v));
      const notice = v.changes.length && v.notice ? h('p', { class: 'eq-caption' }, v.notice) : null;
      this.middle = notice ? [notice, list] : [list];
    }
    const m = ragOverTime(v);
    if (m && this.chart) this.chart.update(m, ctx);
    else if (m) this.chart = new BarSection(m, ctx);
    else {
      this.chart?.destroy();
      this.chart = undefined;
    }
    reconcile(this.el, [this.h2, ...this.middle, ...(this.chart ? [this.chart.el] : [])]);
  }

  get charts(): Chart[] {
    return this.chart?.charts ?? [];
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
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

function footer(s: PlanSummary, state: PreviewState): HTMLElement {
  const f = s.findings;
  return h(
    'footer',
    {},
    `eqplan found ${count(f.error, 'error')}, ${count(f.warning, 'warning')} and ${count(f.information + f.hint, 'note')} in this plan.`,
    state.mode === 'webview' ? ' See the Problems panel for each one.' : '',
    state.generated ? ` Report made on ${ukDate(state.generated)} with eqplan.` : '',
  );
}

/** A part of the page without charts: built again only when its data changes. */
interface Plain {
  sig: string;
  el: HTMLElement;
}

/** Every part of a drawn plan page, kept from one render to the next. */
interface Parts {
  plain: Map<string, Plain>;
  overdue: ActionListSection;
  unowned: ActionListSection;
  dueSoon?: ActionListSection;
  listsGrid: HTMLElement;
  rag: BarSection;
  deadlines: BarSection;
  chartsGrid: HTMLElement;
  targets?: TargetsSection;
  owners: BarSection;
  changes?: ChangesSection;
}

/**
 * Makes the renderer of the page in `root`. The first `render` draws the page; later ones patch
 * it (see the top of this file), and the result is the page a first render of that state draws.
 */
export function createRenderer(root: HTMLElement, opts: RenderOptions): PageRenderer {
  let parts: Parts | undefined;
  let themeSig = '';
  const held = new Set<() => void>();

  const destroyParts = () => {
    if (!parts) return;
    for (const p of [parts.overdue, parts.unowned, parts.dueSoon, parts.rag, parts.deadlines, parts.targets, parts.owners, parts.changes]) p?.destroy();
    parts = undefined;
    held.clear();
  };

  const plain = (key: string, data: unknown, build: () => HTMLElement | null): HTMLElement | null => {
    if (!parts) return null;
    const sig = sigOf(data);
    const had = parts.plain.get(key);
    if (had && had.sig === sig) return had.el;
    const el = build();
    if (el) parts.plain.set(key, { sig, el });
    else parts.plain.delete(key);
    return el;
  };

  const renderPlan = (s: PlanSummary, state: PreviewState, ctx: Ctx) => {
    const lists = actionLists(s);
    const overdueTitle = `Overdue actions (${lists.overdue.length})`;
    const unownedTitle = `Actions with no owner (${lists.unowned.length})`;
    const dueSoonTitle = `Due soon (${lists.dueSoon.length})`;
    let fresh = false;
    if (!parts) {
      fresh = true;
      const overdue = new ActionListSection('overdue', 'overdue-list', 'No action is overdue.', overdueTitle, lists.overdue, ctx);
      const unowned = new ActionListSection('unowned', 'unowned-list', 'Every open action has an owner.', unownedTitle, lists.unowned, ctx);
      const rag = new BarSection(ragByObjective(s), ctx);
      const deadlines = new BarSection(deadlinesByMonth(s), ctx);
      parts = {
        plain: new Map(),
        overdue,
        unowned,
        listsGrid: h('div', { class: 'eq-grid two' }, overdue.el, unowned.el),
        rag,
        deadlines,
        chartsGrid: h('div', { class: 'eq-grid two' }, rag.el, deadlines.el),
        owners: new BarSection(actionsPerOwner(s), ctx),
      };
    }
    const p = parts;
    if (!fresh) {
      p.overdue.update(overdueTitle, lists.overdue, ctx);
      p.unowned.update(unownedTitle, lists.unowned, ctx);
      p.rag.update(ragByObjective(s), ctx);
      p.deadlines.update(deadlinesByMonth(s), ctx);
      p.owners.update(actionsPerOwner(s), ctx);
    }
    if (lists.dueSoon.length) {
      if (p.dueSoon) p.dueSoon.update(dueSoonTitle, lists.dueSoon, ctx);
      else p.dueSoon = new ActionListSection('due-soon', 'due-soon-list', '', dueSoonTitle, lists.dueSoon, ctx);
    } else {
      p.dueSoon?.destroy();
      p.dueSoon = undefined;
    }
    if (s.targets.length) {
      if (p.targets) p.targets.update(s, ctx);
      else p.targets = new TargetsSection(s, ctx);
    } else {
      p.targets?.destroy();
      p.targets = undefined;
    }
    if (state.changes) {
      if (p.changes) p.changes.update(state.changes, ctx);
      else p.changes = new ChangesSection(state.changes, ctx);
    } else {
      p.changes?.destroy();
      p.changes = undefined;
    }
    const head = plain('header', [s.title, s.organisation, s.period, s.asOf, s.asOfSource, state.fileName], () => header(s, state));
    const notice = plain('notice', state.notice ?? null, () => (state.notice ? h('p', { class: 'eq-notice', role: 'status' }, state.notice) : null));
    const figures = plain('figures', headlineFigures(s), () =>
      h('ul', { class: 'eq-figures', 'aria-label': 'Headline figures' }, ...headlineFigures(s).map((f) => h('li', { class: `eq-figure ${f.tone}` }, h('b', {}, String(f.value)), f.label))),
    );
    const findings = plain('findings', state.findings ?? null, () => (state.findings ? findingsSection(state.findings) : null));
    const foot = plain('footer', [s.findings, state.mode, state.generated], () => footer(s, state));
    const wanted = [head, notice, figures, p.listsGrid, p.dueSoon?.el, p.chartsGrid, p.targets?.el, p.owners.el, p.changes?.el, findings, foot];
    reconcile(
      root,
      wanted.filter((el): el is HTMLElement => !!el),
    );
  };

  return {
    render(state) {
      const s = state.summary;
      if (!s) {
        destroyParts();
        clear(root);
        append(root, h('h1', {}, 'Equality plan preview'), h('p', { class: 'eq-notice', role: 'status' }, state.notice ?? 'Waiting for the plan to be checked…'));
        return;
      }
      const theme = readTheme();
      const sig = sigOf([theme, !!opts.reveal]);
      // A new theme redraws every chart in its colours: start afresh, keeping open tables open.
      let openDetails: string[] = [];
      if (sig !== themeSig || !parts) {
        openDetails = Array.from(root.querySelectorAll('details[open]'), (d) => d.id);
        destroyParts();
        clear(root);
        themeSig = sig;
        parts = undefined;
      }
      const ctx: Ctx = { theme, reveal: opts.reveal, pending: [], held };
      renderPlan(s, state, ctx);
      for (const id of openDetails) root.querySelector<HTMLDetailsElement>(`details[id="${CSS.escape(id)}"]`)?.setAttribute('open', '');
      // Charts measure their container, so draw them once the page is in the document.
      for (const run of ctx.pending) run();
    },
    get charts() {
      if (!parts) return [];
      return [parts.rag, parts.deadlines, parts.targets, parts.owners, parts.changes].flatMap((p) => p?.charts ?? []);
    },
    showAll() {
      for (const fill of Array.from(held)) fill();
    },
    reset() {
      destroyParts();
      themeSig = '';
    },
  };
}
