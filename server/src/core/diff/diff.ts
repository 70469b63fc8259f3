/**
 * What a change did to a plan: two versions of a plan's text in, a list of
 * changes out (a deadline slipped, a RAG turned green, an action deleted, a
 * target lowered). Values are compared, never text, so a change that only
 * reformats (keys reordered, comments, quoting, `{ }` instead of lines)
 * reports nothing. Pure: no files, no git, no clock.
 */
import { dueShortWords, formatUk } from '../dates';
import { isPlaceholderOwner } from '../owners';
import { buildModel, isDict, type ActionModel, type ObjectiveHead, type PlanModel, type TargetModel, type DatedPoint } from '../model';
import { pathToPointer, type NodePath } from '../parse';
import { readPlanText, type PlanReading } from '../quickRead';
import { SEVERITY_ORDER, type Range, type Severity, type SeverityLevel } from '../types';
import { formatNumber, plural, withUnit } from '../words';
import { CHANGE_KINDS, changeKindById, type ChangeKindId } from './kinds';
import { matchItems } from './match';

/** Where a change is in one version of the plan. */
export interface ChangeSide {
  /** JSON pointer, e.g. `/objectives/1/actions/2/due`. */
  path: string;
  /** 0-based LSP range of what changed in that version. */
  range: Range;
}

/** One change between two versions of a plan. */
export interface PlanChange {
  kind: ChangeKindId;
  severity: Severity;
  /** Plain English for a reviewer: what changed, and when it matters, what to do. */
  message: string;
  /** Stable across runs (the kind and the references it concerns), for de-duplicating comments and fingerprints. */
  key: string;
  /** What the change is about: "Action 2c", "Objective P1", "Target \"Mean pay gap\"". */
  subject: string;
  /** Where it was in the old version (absent for something added). */
  old?: ChangeSide;
  /** Where it is in the new version (absent for something removed: see `anchor`). */
  new?: ChangeSide;
  /** For something removed: the nearest place in the new version (its objective, or the top of the plan), for annotations. */
  anchor?: ChangeSide;
  /** Values for tools: the value before and after, and for deadlines the days moved. */
  from?: string;
  to?: string;
  days?: number;
}

export interface DiffOptions {
  /** Severity per change kind id (`off` drops the kind), from the `changes:` section of the config file. */
  severities?: Readonly<Record<string, SeverityLevel>>;
}

export interface PlanDiff {
  /** Most severe first, then in the order of the new version. */
  changes: PlanChange[];
}

interface Version {
  parsed: PlanReading;
  model: PlanModel;
}

const RAG_RANK = new Map<string, number>([['red', 0], ['amber', 1], ['green', 2]]);

/**
 * Compares two versions of a plan. `oldText` is the version before the change
 * (from git, or the left-hand file); `newText` the version after. A version
 * that does not read as a plan gives one `plan-unreadable` change.
 */
export function diffPlans(oldText: string, newText: string, options: DiffOptions = {}): PlanDiff {
  const sink = new ChangeSink(options);
  const oldV = readVersion(oldText);
  const newV = readVersion(newText);
  if (!oldV || !newV) {
    const which = !oldV && !newV ? 'Neither version' : !oldV ? 'The old version' : 'The new version';
    const side = topSide();
    sink.add('plan-unreadable', 'plan', `${which} of the plan does not read as a plan, so what changed cannot be listed. Run \`eqplan check\` on it and fix what it reports first.`, { new: side, anchor: side });
    return { changes: sink.sorted() };
  }
  const d = new Differ(oldV, newV, sink);
  d.objectives();
  d.actions();
  d.targets();
  return { changes: sink.sorted() };
}

function readVersion(text: string): Version | undefined {
  const parsed = readPlanText(text);
  if (!parsed) return undefined;
  const model = buildModel(parsed);
  return model ? { parsed, model } : undefined;
}

/** The top of the plan: where a change with no better place is shown. */
function topSide(): ChangeSide {
  return { path: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** Collects changes, applying the configured severities. */
class ChangeSink {
  private readonly list: { change: PlanChange; order: number }[] = [];
  constructor(private readonly options: DiffOptions) {}

  add(kind: ChangeKindId, keyPart: string, message: string, more: Omit<PlanChange, 'kind' | 'severity' | 'message' | 'key' | 'subject'> & { subject?: string }): void {
    const severity = this.severityOf(kind);
    if (severity === undefined) return;
    const { subject, ...rest } = more;
    const at = rest.new ?? rest.anchor ?? rest.old;
    const order = at ? at.range.start.line * 1e6 + at.range.start.character : 0;
    this.list.push({ change: { kind, severity, message, key: `${kind}:${keyPart}`, subject: subject ?? '', ...rest }, order });
  }

  private severityOf(kind: ChangeKindId): Severity | undefined {
    const set = this.options.severities;
    const level = set && Object.hasOwn(set, kind) ? set[kind] : changeKindById(kind)?.defaultSeverity;
    return level === 'off' ? undefined : level;
  }

  sorted(): PlanChange[] {
    return this.list
      .slice()
      .sort((a, b) => SEVERITY_ORDER[b.change.severity] - SEVERITY_ORDER[a.change.severity] || a.order - b.order || kindOrder(a.change.kind) - kindOrder(b.change.kind))
      .map((x) => x.change);
  }
}

const KIND_ORDER = new Map(CHANGE_KINDS.map((k, i) => [k.id, i]));
function kindOrder(id: string): number {
  return KIND_ORDER.get(id) ?? 0;
}

/** Text of a field, trimmed; undefined when absent or not text. */
function textField(data: unknown, key: string): string | undefined {
  if (!isDict(data) || !Object.hasOwn(data, key)) return undefined;
  const v = data[key];
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** "121 days", or "about 4 months (121 days)" past two months. */
function span(days: number): string {
  if (days < 60) return plural(days, 'day');
  const months = Math.round(days / 30.44);
  return `about ${plural(months, 'month')} (${plural(days, 'day')})`;
}

class Differ {
  /** New objective (by old objective) for the objectives matched, to tell actions that moved. */
  private readonly objectivePairs = new Map<ObjectiveHead, ObjectiveHead>();

  constructor(
    private readonly oldV: Version,
    private readonly newV: Version,
    private readonly sink: ChangeSink,
  ) {}

  private side(v: Version, path: NodePath, fallback?: NodePath): ChangeSide | undefined {
    const range = rangeOf(v.parsed, path) ?? (fallback ? rangeOf(v.parsed, fallback) : undefined);
    if (!range) return undefined;
    return { path: pathToPointer(path), range };
  }

  /** An item's place: its id when it has one (the first line a reader looks at), else the whole item. */
  private itemSide(v: Version, path: NodePath): ChangeSide | undefined {
    const range = rangeOf(v.parsed, [...path, 'id']) ?? firstLineOf(v.parsed, path);
    return range ? { path: pathToPointer(path), range } : undefined;
  }

  private fieldSides(oldPath: NodePath, newPath: NodePath, field: string): { old?: ChangeSide; new?: ChangeSide } {
    return { old: this.side(this.oldV, [...oldPath, field], oldPath), new: this.side(this.newV, [...newPath, field], newPath) };
  }

  objectives(): void {
    const m = matchItems(this.oldV.model.objectives, this.newV.model.objectives, (o) => o.id, (o) => textField(o.data, 'title') ?? '');
    for (const p of m.pairs) {
      this.objectivePairs.set(p.old.head, p.new.head);
      if (p.by === 'text' && p.old.id !== p.new.id) this.idChanged('objective', p.old.id, p.new.id, p.old.path, p.new.path, 'Objective');
    }
    for (const o of m.removed) {
      const open = o.actions.filter((a) => a.open).length;
      this.sink.add('objective-removed', o.id ?? o.label, `${o.label} was removed${o.actions.length ? `, with its ${plural(o.actions.length, 'action')}${open ? ` (${open} still open)` : ''}` : ''}.`, {
        subject: o.label,
        old: this.itemSide(this.oldV, o.path),
        anchor: this.side(this.newV, ['objectives']) ?? topSide(),
      });
    }
    for (const o of m.added) {
      this.sink.add('objective-added', o.id ?? o.label, `${o.label} was added${o.actions.length ? `, with ${plural(o.actions.length, 'action')}` : ''}.`, { subject: o.label, new: this.itemSide(this.newV, o.path) });
    }
  }

  private idChanged(what: 'action' | 'objective' | 'target', oldId: string | undefined, newId: string | undefined, oldPath: NodePath, newPath: NodePath, noun: string): void {
    const from = oldId ?? '(none)';
    const to = newId ?? '(none)';
    this.sink.add('id-changed', `${what}:${from}->${to}`, `${noun} ${from} is now ${noun.toLowerCase()} ${to}: same wording, new reference. Anything that refers to "${what} ${from}" (minutes, reports, other plans) needs updating.`, {
      subject: `${noun} ${to}`,
      old: this.itemSide(this.oldV, oldPath),
      new: this.itemSide(this.newV, newPath),
      from,
      to,
    });
  }

  actions(): void {
    const actionText = (a: ActionModel): string => [textField(a.data, 'action'), textField(a.data, 'outcome')].filter(Boolean).join(' ');
    const m = matchItems(this.oldV.model.actions, this.newV.model.actions, (a) => a.id, actionText);
    for (const p of m.pairs) this.action(p.old, p.new, p.by);
    for (const a of m.removed) this.actionRemoved(a);
    for (const a of m.added) {
      this.sink.add('action-added', a.id ?? a.label, `${a.label} was added to ${a.objective.label.replace(/^The/, 'the')}${a.due.kind === 'date' ? `, due ${dueShortWords(a.due)}` : ''}.`, { subject: a.label, new: this.itemSide(this.newV, a.path) });
    }
  }

  private actionRemoved(a: ActionModel): void {
    const newObjective = this.objectivePairs.get(a.objective);
    const anchor = (newObjective ? this.itemSide(this.newV, newObjective.path) : undefined) ?? this.side(this.newV, ['objectives']) ?? topSide();
    const old = this.itemSide(this.oldV, a.path);
    if (!a.open) {
      this.sink.add('closed-action-removed', a.id ?? a.label, `${a.label} was removed; it was already ${a.status}.`, { subject: a.label, old, anchor });
      return;
    }
    const due = a.due.kind === 'date' ? `, due ${dueShortWords(a.due)},` : '';
    this.sink.add('action-removed', a.id ?? a.label, `${a.label}${due} was deleted while still open (${a.status}). Keep it in the plan and set \`status: done\` if it was finished, or \`status: dropped\` with a note saying why, so the plan shows what happened to it.`, {
      subject: a.label,
      old,
      anchor,
    });
  }

  private action(o: ActionModel, n: ActionModel, by: 'id' | 'text'): void {
    const label = n.label;
    const key = n.id ?? o.id ?? label;
    if (by === 'text' && o.id !== n.id) this.idChanged('action', o.id, n.id, o.path, n.path, 'Action');
    const newObjective = this.objectivePairs.get(o.objective);
    if (newObjective !== n.objective) {
      this.sink.add('action-moved', key, `${label} moved from ${o.objective.label.replace(/^The/, 'the')} to ${n.objective.label.replace(/^The/, 'the')}.`, { subject: label, old: this.itemSide(this.oldV, o.path), new: this.itemSide(this.newV, n.path) });
    }
    this.deadline(o, n, label, key);
    this.rag(o, n, label, key);
    this.status(o, n, label, key);
    this.owner(o, n, label, key);
    this.measure(o, n, label, key);
  }

  private deadline(o: ActionModel, n: ActionModel, label: string, key: string): void {
    const a = o.due;
    const b = n.due;
    const sides = this.fieldSides(o.path, n.path, 'due');
    const from = dueShortWords(a);
    const to = dueShortWords(b);
    if (a.kind === 'date' && b.kind === 'date') {
      const days = b.day - a.day;
      if (days > 0) this.sink.add('deadline-slipped', key, `${label}'s deadline moved from ${from} to ${to}, ${span(days)} later.`, { subject: label, ...sides, from: a.iso, to: b.iso, days });
      else if (days < 0) this.sink.add('deadline-brought-forward', key, `${label}'s deadline moved from ${from} to ${to}, ${span(-days)} earlier.`, { subject: label, ...sides, from: a.iso, to: b.iso, days });
      return;
    }
    if (a.kind === 'date' && (b.kind === 'open' || b.kind === 'missing')) {
      const now = b.kind === 'open' ? `is now "${b.word}"` : 'was removed';
      this.sink.add('deadline-opened', key, `${label} was due ${from}; its deadline ${now}, so it can no longer go overdue. Agree a new date, or say in an update why there is none.`, { subject: label, ...sides, from: a.iso, to: b.kind === 'open' ? b.word : '' });
      return;
    }
    if ((a.kind === 'open' || a.kind === 'missing') && b.kind === 'date') {
      this.sink.add('deadline-set', key, `${label} now has a deadline: ${to} (it was ${from}).`, { subject: label, ...sides, from: a.kind === 'open' ? a.word : '', to: b.iso });
    }
  }

  private rag(o: ActionModel, n: ActionModel, label: string, key: string): void {
    if (!o.rag || !n.rag || o.rag === n.rag) return;
    const worse = (RAG_RANK.get(n.rag) ?? 0) < (RAG_RANK.get(o.rag) ?? 0);
    const sides = this.fieldSides(o.path, n.path, 'rag');
    if (worse) this.sink.add('rag-worsened', key, `${label} went from ${o.rag} to ${n.rag}.`, { subject: label, ...sides, from: o.rag, to: n.rag });
    else this.sink.add('rag-improved', key, `${label} went from ${o.rag} to ${n.rag}.${hasNewUpdate(o, n) ? '' : ' No progress update was added to say why.'}`, { subject: label, ...sides, from: o.rag, to: n.rag });
  }

  private status(o: ActionModel, n: ActionModel, label: string, key: string): void {
    if (o.status === n.status) return;
    const sides = this.fieldSides(o.path, n.path, 'status');
    if (!o.open && n.open) {
      this.sink.add('action-reopened', key, `${label} was ${o.status} and is open again (${n.status}).`, { subject: label, ...sides, from: o.status, to: n.status });
      return;
    }
    this.sink.add('status-changed', key, `${label} went from ${o.status} to ${n.status}.`, { subject: label, ...sides, from: o.status, to: n.status });
  }

  private owner(o: ActionModel, n: ActionModel, label: string, key: string): void {
    const a = textField(o.data, 'owner');
    const b = textField(n.data, 'owner');
    if (a === b) return;
    const sides = this.fieldSides(o.path, n.path, 'owner');
    const named = (x: string | undefined): boolean => x !== undefined && !isPlaceholderOwner(x);
    if (a !== undefined && named(a) && !named(b)) {
      this.sink.add('owner-removed', key, `${label} was owned by ${ownerWords(this.oldV.model, a)}; it now has ${b === undefined ? 'no owner' : `only "${b}" as owner`}. Name who delivers it.`, { subject: label, ...sides, from: a, to: b ?? '' });
    } else if (b !== undefined) {
      this.sink.add('owner-changed', key, `${label}'s owner changed from ${a === undefined ? 'nobody' : ownerWords(this.oldV.model, a)} to ${ownerWords(this.newV.model, b)}.`, { subject: label, ...sides, from: a ?? '', to: b });
    }
  }

  private measure(o: ActionModel, n: ActionModel, label: string, key: string): void {
    const a = textField(o.data, 'measure');
    const b = textField(n.data, 'measure');
    if (a === b || a === undefined) return;
    const sides = this.fieldSides(o.path, n.path, 'measure');
    if (b === undefined) this.sink.add('measure-removed', key, `${label} lost its measure of success ("${clip(a)}"). Without one it cannot be shown to have worked.`, { subject: label, ...sides, from: a, to: '' });
    else this.sink.add('measure-changed', key, `${label}'s measure of success changed from "${clip(a)}" to "${clip(b)}".`, { subject: label, ...sides, from: a, to: b });
  }

  targets(): void {
    const m = matchItems(this.oldV.model.targets, this.newV.model.targets, (t) => t.id, (t) => textField(t.data, 'title') ?? '');
    for (const p of m.pairs) {
      if (p.by === 'text' && p.old.id !== p.new.id) this.idChanged('target', p.old.id, p.new.id, p.old.path, p.new.path, 'Target');
      this.target(p.old, p.new);
    }
    for (const t of m.removed) {
      this.sink.add('target-removed', t.id ?? t.label, `${t.label} was removed from the plan.`, { subject: t.label, old: this.itemSide(this.oldV, t.path), anchor: this.side(this.newV, ['targets']) ?? this.side(this.newV, ['objectives']) ?? topSide() });
    }
    for (const t of m.added) {
      this.sink.add('target-added', t.id ?? t.label, `${t.label} was added.`, { subject: t.label, new: this.itemSide(this.newV, t.path) });
    }
  }

  private target(o: TargetModel, n: TargetModel): void {
    const key = n.id ?? o.id ?? n.label;
    const unit = isDict(n.data) ? n.data.unit : undefined;
    const fig = (v: number): string => withUnit(v, unit);
    // Baseline.
    if (o.baseline && (!n.baseline || n.baseline.value !== o.baseline.value || n.baseline.date !== o.baseline.date)) {
      const now = n.baseline ? `${fig(n.baseline.value)} on ${formatUk(n.baseline.date)}` : 'none';
      this.sink.add('baseline-changed', key, `${n.label}: the baseline was ${fig(o.baseline.value)} on ${formatUk(o.baseline.date)} and is now ${now}. Say in the target's notes why.`, {
        subject: n.label,
        old: this.side(this.oldV, o.baseline.path),
        new: n.baseline ? this.side(this.newV, n.baseline.path) : this.itemSide(this.newV, n.path),
        from: `${o.baseline.date} ${formatNumber(o.baseline.value)}`,
        to: n.baseline ? `${n.baseline.date} ${formatNumber(n.baseline.value)}` : '',
      });
    }
    this.milestones(o, n, key, fig);
    this.actuals(o, n, key, fig);
  }

  private milestones(o: TargetModel, n: TargetModel, key: string, fig: (v: number) => string): void {
    // Same date first; what is left pairs in date order (a milestone moved to another date).
    const newByDate = new Map<string, DatedPoint>();
    for (const m of n.milestones) if (!newByDate.has(m.date)) newByDate.set(m.date, m);
    const pairs: [DatedPoint, DatedPoint][] = [];
    const leftOld: DatedPoint[] = [];
    const usedNew = new Set<DatedPoint>();
    for (const m of o.milestones) {
      const same = newByDate.get(m.date);
      if (same && !usedNew.has(same)) {
        usedNew.add(same);
        pairs.push([m, same]);
      } else leftOld.push(m);
    }
    const leftNew = n.milestones.filter((m) => !usedNew.has(m));
    const k = Math.min(leftOld.length, leftNew.length);
    for (let i = 0; i < k; i++) pairs.push([leftOld[i], leftNew[i]]);
    const up = n.direction === 'up';
    for (const [a, b] of pairs) {
      const easierValue = up ? b.value < a.value : b.value > a.value;
      const harderValue = up ? b.value > a.value : b.value < a.value;
      const later = b.day > a.day;
      const earlier = b.day < a.day;
      if (!easierValue && !harderValue && !later && !earlier) continue;
      const what = `${fig(a.value)} by ${formatUk(a.date)} is now ${fig(b.value)} by ${formatUk(b.date)}`;
      const sides = { old: this.side(this.oldV, a.path), new: this.side(this.newV, b.path), from: `${a.date} ${formatNumber(a.value)}`, to: `${b.date} ${formatNumber(b.value)}` };
      if (easierValue || later) this.sink.add('target-lowered', `${key}@${a.date}`, `${n.label} was made easier: the milestone of ${what}.`, { subject: n.label, ...sides });
      else this.sink.add('target-raised', `${key}@${a.date}`, `${n.label} was made harder: the milestone of ${what}.`, { subject: n.label, ...sides });
    }
    for (const m of leftOld.slice(k)) {
      this.sink.add('milestone-removed', `${key}@${m.date}`, `${n.label} lost its milestone of ${fig(m.value)} by ${formatUk(m.date)}.`, { subject: n.label, old: this.side(this.oldV, m.path), anchor: this.side(this.newV, [...n.path, 'milestones'], n.path) });
    }
    for (const m of leftNew.slice(k)) {
      this.sink.add('milestone-added', `${key}@${m.date}`, `${n.label} has a new milestone: ${fig(m.value)} by ${formatUk(m.date)}.`, { subject: n.label, new: this.side(this.newV, m.path) });
    }
  }

  private actuals(o: TargetModel, n: TargetModel, key: string, fig: (v: number) => string): void {
    const newByDate = new Map<string, DatedPoint>();
    for (const a of n.actuals) if (!newByDate.has(a.date)) newByDate.set(a.date, a);
    const oldDates = new Set(o.actuals.map((a) => a.date));
    for (const a of o.actuals) {
      const b = newByDate.get(a.date);
      if (!b) {
        this.sink.add('actual-revised', `${key}@${a.date}`, `${n.label}: the figure of ${fig(a.value)} recorded for ${formatUk(a.date)} was deleted. Past figures should stay; if it was wrong, correct it and say why in the notes.`, {
          subject: n.label,
          old: this.side(this.oldV, a.path),
          anchor: this.side(this.newV, [...n.path, 'actuals'], n.path),
          from: formatNumber(a.value),
          to: '',
        });
      } else if (b.value !== a.value) {
        this.sink.add('actual-revised', `${key}@${a.date}`, `${n.label}: the figure for ${formatUk(a.date)} was changed from ${fig(a.value)} to ${fig(b.value)}. Say in the notes why it was revised.`, {
          subject: n.label,
          old: this.side(this.oldV, a.path),
          new: this.side(this.newV, b.path),
          from: formatNumber(a.value),
          to: formatNumber(b.value),
        });
      }
    }
    for (const b of n.actuals) {
      if (oldDates.has(b.date)) continue;
      this.sink.add('actual-added', `${key}@${b.date}`, `${n.label}: ${fig(b.value)} recorded for ${formatUk(b.date)}.`, { subject: n.label, new: this.side(this.newV, b.path), to: formatNumber(b.value) });
    }
  }
}

function hasNewUpdate(o: ActionModel, n: ActionModel): boolean {
  const count = (a: ActionModel): number => (isDict(a.data) && Array.isArray(a.data.updates) ? a.data.updates.length : 0);
  return count(n) > count(o);
}

function ownerWords(model: PlanModel, owner: string): string {
  const name = model.owners?.get(owner)?.name;
  return name && name !== owner ? `${name} (${owner})` : owner;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function rangeOf(parsed: PlanReading, path: NodePath): Range | undefined {
  const spanned = parsed.spanAt(path);
  if (!spanned) return undefined;
  return { start: parsed.lines.positionAt(spanned[0]), end: parsed.lines.positionAt(spanned[1]) };
}

/** The first line of an item (a list entry), for items without an id. */
function firstLineOf(parsed: PlanReading, path: NodePath): Range | undefined {
  const r = rangeOf(parsed, path);
  if (!r) return undefined;
  return r.end.line > r.start.line ? { start: r.start, end: { line: r.start.line, character: parsed.lines.lineText(r.start.line).length } } : r;
}
