import type { ErrorObject } from 'ajv/dist/2020';
import { parseIsoDay } from './dates';
import { PlanEdits } from './edits';
import { isDict, updateModel, type Dict, type ModelChanges, type PlanModel } from './model';
import { OPTIONS } from './options';
import { locate, parsePlan, pathToPointer, pointerToPath, type NodePath, type ParsedPlan, type SpliceChange } from './parse';
import { readPlanForCheck } from './quickRead';
import { ALL_RULES } from './rules';
import type { RawFinding, RuleContext } from './rules/rule';
import { checkSchema, impossibleDateFindings, makeLabeller, schemaFindings, validatePlanItem, validatePlanValue } from './schemaCheck';
import { buildSummary } from './summary';
import type { PlanSummary } from './summaryTypes';
import { findSuppressions } from './suppress';
import type { CheckInput, Finding, Fix, Severity, TodaySource } from './types';
import { compareCodeUnits } from './words';

/** The defaults of the options table (`options.ts`), here where the check applies them. */
export const DEFAULT_DUE_SOON_DAYS = OPTIONS.dueSoonDays.default;
export const DEFAULT_STALE_UPDATE_DAYS = OPTIONS.staleUpdateDays.default;

export interface CheckResult {
  /** Findings in document order, with config severities and suppressions applied. */
  findings: Finding[];
  /** The plan model for charts and reports; undefined when the text is not a readable plan mapping. */
  summary?: PlanSummary;
  /** "Today" as used by the checks (YYYY-MM-DD) and where it came from. */
  today: string;
  todaySource: TodaySource;
  parsed: ParsedPlan;
  model?: PlanModel;
  /** What a check of a later version of the same plan may reuse (see `checkParsed`); opaque. */
  reuse?: CheckReuse;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));
const ITEM_RULES = ALL_RULES.filter((r) => r.check && r.scope !== 'plan');
const PLAN_RULES = ALL_RULES.filter((r) => r.check && r.scope === 'plan');

/**
 * Checks one plan text: the one entry point the CLI, the language server and
 * the report share. Never throws for any plan text; bad input becomes
 * findings. `options` must give a date to check against (see `resolveToday`).
 */
export function checkPlan(text: string, options: CheckInput): CheckResult {
  // Read quickly when the text allows (no YAML tree unless a quick fix asks for it); the same findings as a full parse.
  return checkParsed(readPlanForCheck(text), options);
}

/** A raw finding with its span worked out: what a check keeps per item for the next one. */
interface Placed {
  rule: string;
  message: string;
  start: number;
  end: number;
  pointer: string;
  fixes: RawFinding['fixes'];
  /**
   * The finding last made of this (or, once moved, of the finding it was
   * moved from): reused as it is when nothing about it changed, its range
   * shared when only its offsets moved, so the server's diagnostics for
   * untouched items are the same objects from one keystroke to the next.
   */
  finding?: Finding;
}

/** Where fixes read the current parse: one per lineage of checks, moved on to each newer version. */
interface LiveParse {
  parsed: ParsedPlan;
  edits: PlanEdits;
}

/**
 * What a check leaves for the next check of a later version spliced from
 * the same parse: each item's findings (schema and item rules, spans worked
 * out) and what they were computed with.
 */
export interface CheckReuse {
  origin: object;
  /** How many splices of the lineage the checked parse had, and the last of them. */
  spliced: number;
  last: SpliceChange | undefined;
  optionsKey: string;
  /** Findings per item: `plan`, `o:<i>`, `a:<i>:<j>`, `t:<k>`. */
  units: Map<string, Placed[]>;
  /** The items (`unitKeys`) and their shape (`unitShape`): a later check of the same shape reuses both. */
  keys: readonly string[];
  shape: string;
  live: LiveParse;
  /** Set once a later check has taken this over (fixes of its findings now follow the later version). */
  taken: boolean;
}

/** How many objectives, actions in each and targets the plan has: two plans of one shape have the same `unitKeys`. */
function unitShape(root: Dict): string {
  const objectives = Array.isArray(root.objectives) ? root.objectives.map((o) => (isDict(o) && Array.isArray(o.actions) ? o.actions.length : -1)).join(',') : '-';
  return `${objectives}|${Array.isArray(root.targets) ? root.targets.length : -1}`;
}

/** The items of a plan, in document order: `plan` (its other fields), then each objective, its actions, and the targets. */
function unitKeys(root: Dict): string[] {
  const keys = ['plan'];
  if (Array.isArray(root.objectives)) {
    root.objectives.forEach((o, i) => {
      keys.push(`o:${i}`);
      if (isDict(o) && Array.isArray(o.actions)) for (let j = 0; j < o.actions.length; j++) keys.push(`a:${i}:${j}`);
    });
  }
  if (Array.isArray(root.targets)) for (let k = 0; k < root.targets.length; k++) keys.push(`t:${k}`);
  return keys;
}

/** The item a path lies in (see `unitKeys`). */
function unitOf(path: NodePath): string {
  if (path[0] === 'objectives' && typeof path[1] === 'number') {
    return path[2] === 'actions' && typeof path[3] === 'number' ? `a:${path[1]}:${path[3]}` : `o:${path[1]}`;
  }
  if (path[0] === 'targets' && typeof path[1] === 'number') return `t:${path[1]}`;
  return 'plan';
}

/** The path of an item from its key. */
function unitPath(key: string): NodePath {
  const parts = key.split(':');
  if (parts[0] === 'a') return ['objectives', Number(parts[1]), 'actions', Number(parts[2])];
  if (parts[0] === 'o') return ['objectives', Number(parts[1])];
  if (parts[0] === 't') return ['targets', Number(parts[1])];
  return [];
}

/** The value at a path of the plan value. */
function valueAt(root: unknown, path: NodePath): unknown {
  let v = root;
  for (const step of path) v = Array.isArray(v) ? v[step as number] : isDict(v) ? v[step] : undefined;
  return v;
}

/** Parts of a value that are items of their own: skipped when the value's item is checked. */
function isItemPath(path: NodePath): boolean {
  return (path.length === 2 && (path[0] === 'objectives' || path[0] === 'targets') && typeof path[1] === 'number') || (path.length === 4 && path[0] === 'objectives' && path[2] === 'actions' && typeof path[3] === 'number');
}

/**
 * Checks an already parsed plan (the server parses each document version
 * once and shares it).
 *
 * With `previous`, the check of an earlier version from which this parse
 * was made by splicing edits in (`reparse.ts`, the same options), only the
 * objectives, actions and targets the edits touched are checked again: the
 * schema check validates just those items, item rules (`Rule.scope`) run
 * on just those, and the other items' findings are kept, moved by the edits'
 * lengths. Plan-wide rules see the whole plan. The findings are the same,
 * in the same order, as a check without `previous` (tests compare the two on
 * random edits). An edit elsewhere (owners, `asOf`, the plan's title, a
 * different lineage or options) means a whole check. `previous` is taken
 * over: its findings' fixes and offsets follow this version from then on
 * (kept findings are moved in place), so it is not to be read again.
 */
export function checkParsed(parsed: ParsedPlan, options: CheckInput, previous?: CheckResult): CheckResult {
  const raw: Placed[] = [];
  for (const s of parsed.syntax) raw.push({ rule: 'yaml-syntax', message: s.message, start: s.offset, end: s.endOffset, pointer: '', fixes: undefined });

  let model: PlanModel | undefined;
  const edits = new PlanEdits(parsed);
  let reuse: CheckReuse | undefined;
  let today: string;
  let todaySource: TodaySource;
  /** Offsets before this are where they were at the previous check, and so are their positions (-1: no previous check). */
  let unchangedBefore = -1;
  const key = optionsKey(options);
  const placeAll = (list: (RawFinding & { rule: string })[]): Placed[] => list.map((f) => place(parsed, f));
  if (parsed.readable && isPlanValue(parsed.value)) {
    const root = parsed.value;
    const plan = previousFor(parsed, key, previous);
    if (plan) {
      // Taken over from here on: its findings per item are moved, and its map of them updated, in place.
      plan.reuse.taken = true;
      unchangedBefore = Math.min(...plan.changes.map((c) => c.start));
    }
    const live = plan ? plan.reuse.live : { parsed, edits };
    live.parsed = parsed;
    live.edits = edits;
    const dirty = plan ? dirtyUnits(plan.reuse, plan.changes, plan.model) : undefined;
    model = updateModel(parsed, plan && dirty ? { model: plan.model, changes: dirty.model } : undefined) as PlanModel;
    ({ today, todaySource } = resolveToday(options, model));
    const label = makeLabeller(model);
    // A whole check validates the plan once and shares the errors out; a re-check validates the touched items.
    const errors = new Map<string, ErrorObject[]>();
    if (!dirty) {
      for (const e of validatePlanValue(root)) {
        const unit = unitOf(pointerToPath(e.instancePath));
        const list = errors.get(unit);
        if (list) list.push(e);
        else errors.set(unit, [e]);
      }
    }
    const itemsOf = itemIndex(model);
    // The same items as at the previous check (an edit inside them): its keys, and its map updated in place (in the items' order still).
    const shape = unitShape(root);
    const sameShape = plan !== undefined && plan.reuse.shape === shape;
    const keys = sameShape ? plan.reuse.keys : unitKeys(root);
    const units = sameShape ? plan.reuse.units : new Map<string, Placed[]>();
    const moves = plan?.changes.some((c) => c.delta !== 0) ?? false;
    for (const unit of keys) {
      const kept = plan && dirty && !dirty.units(unit) ? plan.reuse.units.get(unit) : undefined;
      if (kept) {
        if (moves) moveAll(kept, plan!.changes);
        if (!sameShape) units.set(unit, kept);
        continue;
      }
      const path = unitPath(unit);
      const value = unit === 'plan' ? root : valueAt(root, path);
      if (dirty && !errors.has(unit) && unit !== 'plan') {
        // An objective is validated with its actions, which come next; an action or target on its own.
        for (const e of validatePlanItem(path as [string, number], value)) {
          const at = unitOf(pointerToPath(e.instancePath));
          const list = errors.get(at);
          if (list) list.push(e);
          else errors.set(at, [e]);
        }
        if (unit.startsWith('o:')) for (const k of keys) if (k.startsWith(`a:${path[1]}:`) && !errors.has(k)) errors.set(k, []);
      }
      const found: (RawFinding & { rule: string })[] = [];
      for (const f of schemaFindings(errors.get(unit) ?? [], root, label, live)) found.push({ ...f, rule: 'schema' });
      for (const f of impossibleDateFindings(value, path, label, live, isItemPath)) found.push({ ...f, rule: 'schema' });
      const view = itemsOf(unit);
      if (view) {
        const unitCtx = ruleContext(live, view, options, today);
        for (const rule of ITEM_RULES) {
          if (options.rules?.[rule.id] === 'off') continue;
          rule.check!(unitCtx, (f) => found.push({ ...f, rule: rule.id }));
        }
      }
      dropExplainedMissing(found);
      units.set(unit, placeAll(found));
    }
    for (const list of units.values()) raw.push(...list);
    const ctx = ruleContext(live, model, options, today, plan?.model);
    for (const rule of PLAN_RULES) {
      if (options.rules?.[rule.id] === 'off') continue;
      const found: (RawFinding & { rule: string })[] = [];
      rule.check!(ctx, (f) => found.push({ ...f, rule: rule.id }));
      raw.push(...placeAll(found));
    }
    const lineage = parsed.lineage;
    if (lineage) reuse = { origin: lineage.origin, spliced: lineage.changes.length, last: lineage.changes[lineage.changes.length - 1], optionsKey: key, units, keys, shape, live, taken: false };
  } else {
    const found: (RawFinding & { rule: string })[] = [];
    if (parsed.readable) {
      const value = parsed.value;
      if (value === null || value === undefined) {
        found.push({ rule: 'schema', message: 'The file is empty. Start it with `eqplan: 1`, then `organisation:`, `title:` and `objectives:` (see the example in the eqplan README).', path: [], span: [0, 0] });
      } else if (isDict(value)) {
        found.push({ rule: 'schema', message: 'This YAML file is not an equality plan: it has no `eqplan: 1` line and no `objectives:`. If it is a plan, add `eqplan: 1` as its first line.', path: [], span: [0, 0] });
      } else {
        for (const f of checkSchema(value, undefined, edits)) found.push({ ...f, rule: 'schema' });
      }
    }
    ({ today, todaySource } = resolveToday(options, undefined));
    dropExplainedMissing(found);
    raw.push(...placeAll(found));
  }

  const suppressions = findSuppressions(parsed, KNOWN_RULES);
  raw.push(...placeAll(suppressions.problems));

  const severities = new Map(ALL_RULES.map((r) => [r.id, r.defaultSeverity]));
  const findings: Finding[] = [];
  for (const f of raw) {
    const level = options.rules?.[f.rule] ?? severities.get(f.rule) ?? 'warning';
    if (level === 'off') continue;
    const old = f.finding;
    const reusable = old !== undefined && old.severity === level && !fixesTaken.has(old);
    if (reusable && old.offset === f.start && Math.max(f.start, f.end) + 1 < unchangedBefore) {
      if (suppressions.isSuppressed(f.rule, old.range.start.line)) continue;
      findings.push(old);
      continue;
    }
    let range = parsed.lines.range(f.start, f.end);
    if (suppressions.isSuppressed(f.rule, range.start.line)) continue;
    if (reusable && sameRange(old.range, range)) {
      // Moved along its line's text by an edit before it, on the same line and column still: the finding
      // (taken over with its check) is moved in place, so the server's diagnostic for it stays the same object.
      old.offset = f.start;
      old.endOffset = Math.max(f.start, f.end);
      findings.push(old);
      continue;
    }
    if (old && sameRange(old.range, range)) range = old.range;
    const finding = makeFinding(f, level as Severity, range);
    f.finding = finding;
    findings.push(finding);
  }
  findings.sort((a, b) => a.offset - b.offset || compareCodeUnits(a.rule, b.rule));

  const todayDay = parseIsoDay(today) as number;
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  // The summary is built on first read: the editor's diagnostics, the CLI's checks and most
  // re-checks after a keystroke never look at it, and on a large plan it is a fifth of the work.
  let summary: PlanSummary | undefined;
  let summaryBuilt = false;
  return {
    findings,
    get summary(): PlanSummary | undefined {
      if (!summaryBuilt) {
        summaryBuilt = true;
        summary = model ? buildSummary(parsed, model, findings, { today, todaySource, todayDay, dueSoonDays }) : undefined;
      }
      return summary;
    },
    today,
    todaySource,
    parsed,
    model,
    reuse,
  };
}

/** A value the plan checks run on: a mapping that looks like a plan (else only the top-level findings). */
function isPlanValue(value: unknown): value is Dict {
  return isDict(value) && (Object.hasOwn(value, 'eqplan') || Object.hasOwn(value, 'objectives') || Object.hasOwn(value, 'organisation'));
}

/** A stable key for a set of options (plain JSON; a history, whose index is a Map, counts by its `at`). */
export function optionsKey(options: CheckInput): string {
  const sorted = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => compareCodeUnits(a, b)).map(([k, x]) => [k, sorted(x)]))
      : v;
  return JSON.stringify(sorted(options));
}

/** The previous check, when this parse was spliced from its parse and it can be reused; with the splices since. */
function previousFor(parsed: ParsedPlan, key: string, previous: CheckResult | undefined): { reuse: CheckReuse; model: PlanModel; changes: readonly SpliceChange[] } | undefined {
  const reuse = previous?.reuse;
  const lineage = parsed.lineage;
  if (!reuse || reuse.taken || !previous?.model || !lineage || lineage.origin !== reuse.origin || reuse.optionsKey !== key) return undefined;
  if (lineage.changes.length <= reuse.spliced || lineage.changes[reuse.spliced - 1] !== reuse.last) return undefined;
  return { reuse, model: previous.model, changes: lineage.changes.slice(reuse.spliced) };
}

/** Which items the splices touched; undefined when they touched the plan's own fields (a whole check then). */
function dirtyUnits(reuse: CheckReuse, changes: readonly SpliceChange[], model: PlanModel): { units: (key: string) => boolean; model: ModelChanges } | undefined {
  const objectives = new Set<number>();
  const actions = new Set<string>();
  const targets = new Set<number>();
  let lines = false;
  for (const c of changes) {
    if (c.lineDelta !== 0) lines = true;
    const p = c.path;
    if (!p) continue;
    if (p[0] === 'objectives' && typeof p[1] === 'number') {
      if (p[2] === 'actions' && typeof p[3] === 'number') actions.add(`a:${p[1]}:${p[3]}`);
      else objectives.add(p[1]);
    } else if (p[0] === 'targets' && typeof p[1] === 'number') {
      targets.add(p[1]);
    } else {
      return undefined;
    }
  }
  // Items named by their line ("The action at line 45") read differently once lines move.
  if (lines) {
    for (const o of model.objectives) {
      if (o.id === undefined) objectives.add(o.index);
      for (const a of o.actions) if (a.id === undefined) actions.add(`a:${o.index}:${a.index}`);
    }
    for (const t of model.targets) if (t.id === undefined) targets.add(t.index);
  }
  void reuse;
  const modelObjectives = new Set(objectives);
  for (const a of actions) modelObjectives.add(Number(a.split(':')[1]));
  return {
    // Called for every item of the plan after each edit: read the key without splitting it.
    units: (key) => {
      if (key === 'plan') return false;
      const second = key.indexOf(':', 2);
      const first = Number(second < 0 ? key.slice(2) : key.slice(2, second));
      if (key.charCodeAt(0) === 116 /* t */) return targets.has(first);
      if (objectives.has(first)) return true;
      return key.charCodeAt(0) === 97 /* a */ && actions.has(key);
    },
    model: { objectives: modelObjectives, targets, lines },
  };
}

/**
 * Moves kept findings by the splices made since they were placed (as
 * `reparse.ts` moves the nodes), in place: they belong to a check that has
 * been taken over, and a copy of each would be garbage by the thousand per
 * keystroke on a large plan.
 */
function moveAll(kept: Placed[], changes: readonly SpliceChange[]): void {
  for (const f of kept) {
    let { start, end } = f;
    for (const c of changes) {
      if (start >= c.oldEnd) start += c.delta;
      if (end >= c.oldEnd) end += c.delta;
    }
    f.start = start;
    f.end = end;
  }
}

/** The rule context of a check; `parsed` and `edits` are read from `live`, so kept findings' fixes use the current text. */
function ruleContext(live: LiveParse, plan: PlanModel, options: CheckInput, today: string, previousPlan?: PlanModel): RuleContext {
  return {
    previousPlan,
    get parsed() {
      return live.parsed;
    },
    get edits() {
      return live.edits;
    },
    plan,
    today: parseIsoDay(today) as number,
    todayIso: today,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    staleUpdateDays: options.staleUpdateDays ?? DEFAULT_STALE_UPDATE_DAYS,
    repeatedSlipTimes: options.repeatedSlipTimes ?? OPTIONS.repeatedSlipTimes.default,
    repeatedSlipDays: options.repeatedSlipDays ?? OPTIONS.repeatedSlipDays.default,
    history: options.history?.actions,
  };
}

/** The model listing one item only (what an item rule is run on), by item key; undefined when the item is not a mapping. */
function itemIndex(model: PlanModel): (key: string) => PlanModel | undefined {
  const objectives = new Map(model.objectives.map((o) => [o.index, o]));
  const targets = new Map(model.targets.map((t) => [t.index, t]));
  return (key) => {
    const [kind, first, second] = key.split(':');
    if (kind === 'o') {
      const o = objectives.get(Number(first));
      return o && { ...model, objectives: [o], actions: [], targets: [] };
    }
    if (kind === 'a') {
      const a = objectives.get(Number(first))?.actions.find((x) => x.index === Number(second));
      return a && { ...model, objectives: [], actions: [a], targets: [] };
    }
    if (kind === 't') {
      const t = targets.get(Number(first));
      return t && { ...model, objectives: [], actions: [], targets: [t] };
    }
    return undefined;
  };
}

/** Works out where a raw finding goes in the text. */
function place(parsed: ParsedPlan, f: RawFinding & { rule: string }): Placed {
  const [start, end] = f.span ?? spanOf(parsed, f.path, f.at ?? 'value');
  return { rule: f.rule, message: f.message, start, end, pointer: pathToPointer(f.path), fixes: f.fixes };
}

/** Findings whose fixes were read or set: those are not reused (their fixes were made for the text of their check). */
const fixesTaken = new WeakSet<Finding>();

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A finding whose `fixes` are built on first read: a large plan has thousands
 * of findings, and most checks (the CLI's, the editor's diagnostics) never
 * look at their fixes.
 */
function makeFinding(f: Placed, severity: Severity, range: Finding['range']): Finding {
  let fixes: Fix[] | undefined;
  const source = f.fixes;
  const finding: Finding = {
    rule: f.rule,
    severity,
    message: f.message,
    range,
    offset: f.start,
    endOffset: Math.max(f.start, f.end),
    path: f.pointer,
    get fixes(): Fix[] {
      fixesTaken.add(finding);
      fixes ??= (typeof source === 'function' ? source() : (source ?? [])).filter((x): x is Fix => x !== undefined);
      return fixes;
    },
    set fixes(value: Fix[]) {
      fixesTaken.add(finding);
      fixes = value;
    },
  };
  return finding;
}

/** The rule that reports each field when it is missing. */
const MISSING_RULE_FIELD: Record<string, string> = { 'missing-deadline': 'due', unowned: 'owner', 'missing-measure': 'measure', 'missing-rag': 'rag' };

/** One problem, one finding: `deadline:` written for `due:` is a schema finding, not also `missing-deadline`. */
function dropExplainedMissing(raw: (RawFinding & { rule: string })[]): void {
  const explained = new Set(raw.filter((f) => f.explainsMissing).map((f) => `${f.explainsMissing!.item}|${f.explainsMissing!.field}`));
  if (explained.size === 0) return;
  for (let i = raw.length - 1; i >= 0; i--) {
    const field = MISSING_RULE_FIELD[raw[i].rule];
    if (field && raw[i].at === 'item' && explained.has(`${pathToPointer(raw[i].path)}|${field}`)) raw.splice(i, 1);
  }
}

/**
 * "Today": the option (`--as-of` / setting), else the plan's `asOf`, else the
 * local date the front door passed in. Core reads no clock, so a caller that
 * gives neither a valid `asOf` nor a valid `localToday` is a programming
 * error, said at once rather than checked against a made-up date.
 */
export function resolveToday(options: CheckInput, model: PlanModel | undefined): { today: string; todaySource: TodaySource } {
  if (options.asOf && parseIsoDay(options.asOf) !== undefined) return { today: options.asOf, todaySource: 'option' };
  if (model?.asOf) return { today: model.asOf, todaySource: 'plan' };
  if (options.localToday && parseIsoDay(options.localToday) !== undefined) return { today: options.localToday, todaySource: 'local' };
  throw new RangeError(`eqplan: no date to check against. Pass localToday (the local date, YYYY-MM-DD) in the check options; got ${JSON.stringify(options.localToday ?? null)}.`);
}

/**
 * The narrowest span that shows a finding: the value, else the key, else the
 * item's first line. A path that does not exist falls back to its nearest
 * existing ancestor.
 */
function spanOf(parsed: ParsedPlan, path: NodePath, at: 'value' | 'key' | 'item'): [number, number] {
  for (let len = path.length; len >= 0; len--) {
    const found = locate(parsed, path.slice(0, len));
    if (!found) continue;
    const exact = len === path.length;
    if (exact && at === 'key' && found.key) return found.key;
    if (exact && at === 'value') {
      const v = found.value;
      if (v && v[1] > v[0]) return v;
      if (found.key) return found.key;
    }
    if (found.item) return found.item;
  }
  return [0, 0];
}
