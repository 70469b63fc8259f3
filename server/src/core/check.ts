import { isMap, isScalar, type Node } from 'yaml';
import { parseIsoDay } from './dates';
import { PlanEdits } from './edits';
import { buildModel, isDict, type PlanModel } from './model';
import { OPTIONS } from './options';
import { findNode, keySpan, nodeSpan, parsePlan, pathToPointer, type NodePath, type ParsedPlan } from './parse';
import { ALL_RULES } from './rules';
import type { RawFinding, RuleContext } from './rules/rule';
import { checkSchema } from './schemaCheck';
import { buildSummary } from './summary';
import type { PlanSummary } from './summaryTypes';
import { findSuppressions } from './suppress';
import type { CheckInput, Finding, Fix, Severity, TodaySource } from './types';

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
}

const KNOWN_RULES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

/**
 * Checks one plan text: the one entry point the CLI, the language server and
 * the report share. Never throws for any plan text; bad input becomes
 * findings. `options` must give a date to check against (see `resolveToday`).
 */
export function checkPlan(text: string, options: CheckInput): CheckResult {
  return checkParsed(parsePlan(text), options);
}

/** Checks an already parsed plan (the server parses each document version once and shares it). */
export function checkParsed(parsed: ParsedPlan, options: CheckInput): CheckResult {
  const raw: (RawFinding & { rule: string })[] = [];
  for (const s of parsed.syntax) raw.push({ rule: 'yaml-syntax', message: s.message, path: [], span: [s.offset, s.endOffset] });

  let model: PlanModel | undefined;
  const edits = new PlanEdits(parsed);
  if (parsed.readable) {
    const value = parsed.value;
    if (value === null || value === undefined) {
      raw.push({ rule: 'schema', message: 'The file is empty. Start it with `eqplan: 1`, then `organisation:`, `title:` and `objectives:` (see the example in the eqplan README).', path: [], span: [0, 0] });
    } else if (isDict(value) && !('eqplan' in value) && !('objectives' in value) && !('organisation' in value)) {
      raw.push({ rule: 'schema', message: 'This YAML file is not an equality plan: it has no `eqplan: 1` line and no `objectives:`. If it is a plan, add `eqplan: 1` as its first line.', path: [], span: [0, 0] });
    } else {
      model = buildModel(parsed);
      for (const f of checkSchema(value, model, edits)) raw.push({ ...f, rule: 'schema' });
    }
  }

  const { today, todaySource } = resolveToday(options, model);
  const todayDay = parseIsoDay(today) as number;
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const staleUpdateDays = options.staleUpdateDays ?? DEFAULT_STALE_UPDATE_DAYS;

  if (model) {
    const ctx: RuleContext = {
      parsed, plan: model, today: todayDay, todayIso: today, dueSoonDays, staleUpdateDays, edits,
      repeatedSlipTimes: options.repeatedSlipTimes ?? OPTIONS.repeatedSlipTimes.default,
      repeatedSlipDays: options.repeatedSlipDays ?? OPTIONS.repeatedSlipDays.default,
      history: options.history?.actions,
    };
    for (const rule of ALL_RULES) {
      if (!rule.check || options.rules?.[rule.id] === 'off') continue;
      rule.check(ctx, (f) => raw.push({ ...f, rule: rule.id }));
    }
  }

  dropExplainedMissing(raw);
  const suppressions = findSuppressions(parsed, KNOWN_RULES);
  raw.push(...suppressions.problems);

  const severities = new Map(ALL_RULES.map((r) => [r.id, r.defaultSeverity]));
  const findings: Finding[] = [];
  for (const f of raw) {
    const level = options.rules?.[f.rule] ?? severities.get(f.rule) ?? 'warning';
    if (level === 'off') continue;
    const [start, end] = f.span ?? spanOf(parsed, f.path, f.at ?? 'value');
    const range = parsed.lines.range(start, end);
    if (suppressions.isSuppressed(f.rule, range.start.line)) continue;
    findings.push(makeFinding(f, level as Severity, range, start, Math.max(start, end)));
  }
  findings.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));

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
  };
}

/**
 * A finding whose `fixes` are built on first read: a large plan has thousands
 * of findings, and most checks (the CLI's, the editor's diagnostics) never
 * look at their fixes.
 */
function makeFinding(f: RawFinding & { rule: string }, severity: Severity, range: Finding['range'], offset: number, endOffset: number): Finding {
  let fixes: Fix[] | undefined;
  const source = f.fixes;
  return {
    rule: f.rule,
    severity,
    message: f.message,
    range,
    offset,
    endOffset,
    path: pathToPointer(f.path),
    get fixes(): Fix[] {
      fixes ??= (typeof source === 'function' ? source() : (source ?? [])).filter((x): x is Fix => x !== undefined);
      return fixes;
    },
    set fixes(value: Fix[]) {
      fixes = value;
    },
  };
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

/** The first line of an item: its first field, key through value. */
function itemSpan(node: Node | null | undefined): [number, number] | undefined {
  if (isMap(node) && node.items.length > 0) {
    const first = node.items[0];
    const k = nodeSpan(first.key);
    const v = nodeSpan(first.value);
    if (k) return [k[0], v && isScalar(first.value) ? v[1] : k[1]];
  }
  return nodeSpan(node);
}

/**
 * The narrowest span that shows a finding: the value, else the key, else the
 * item's first line. A path that does not exist falls back to its nearest
 * existing ancestor.
 */
function spanOf(parsed: ParsedPlan, path: NodePath, at: 'value' | 'key' | 'item'): [number, number] {
  for (let len = path.length; len >= 0; len--) {
    const p = path.slice(0, len);
    const found = findNode(parsed.doc, p);
    if (!found) continue;
    const exact = len === path.length;
    if (exact && at === 'key' && found.pair) {
      const k = keySpan(found.pair);
      if (k) return k;
    }
    if (exact && at === 'value') {
      const v = nodeSpan(found.node);
      if (v && v[1] > v[0]) return v;
      const k = found.pair ? keySpan(found.pair) : undefined;
      if (k) return k;
    }
    const item = itemSpan(found.node);
    if (item) return item;
  }
  return [0, 0];
}
