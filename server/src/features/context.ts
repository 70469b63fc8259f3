/**
 * What every feature reads: a plain snapshot of one document version. The
 * language server (`lsp/documents.ts`, through the document store) builds it;
 * features take a `PlanContext` and return LSP values, and never talk to the
 * connection.
 */
import { buildModel, checkParsed, parsePlan, resolveToday, type ActionHistory, type CheckInput, type CheckResult, type ParsedPlan, type PlanModel, type TodaySource } from '../core';

/** One version of one plan document, with the options it is checked with. */
export interface PlanContext {
  readonly uri: string;
  readonly version: number;
  /** The text of this version. */
  readonly text: string;
  readonly options: CheckInput;
  /**
   * The parse the features read. Usually of `text`; for completion while
   * someone types, of the last version that read as a plan (its positions
   * may be a few lines off): see `PlanStore.typingSnapshot`.
   */
  readonly parsed: ParsedPlan;
  /** The plan model of `parsed` (undefined when it does not read as a plan). */
  readonly model: PlanModel | undefined;
  /** "Today" as the checks see it, and where it came from. */
  readonly today: string;
  readonly todaySource: TodaySource;
  /** The engine's check of this version with these options: run on first read, once (hovers and completion never read it). */
  readonly result: CheckResult;
  /** Each action's history by id, from git (undefined when the plan has none, or it is still being read). */
  readonly history?: ReadonlyMap<string, ActionHistory>;
}

/** What a snapshot is made of; `check` defaults to checking `parsed` with `options`. */
export interface SnapshotParts {
  uri: string;
  version: number;
  text: string;
  options: CheckInput;
  parsed: ParsedPlan;
  model: PlanModel | undefined;
  check?: () => CheckResult;
}

/** The one place a `PlanContext` is made. */
export function planSnapshot({ uri, version, text, options, parsed, model, check }: SnapshotParts): PlanContext {
  const { today, todaySource } = resolveToday(options, model);
  let result: CheckResult | undefined;
  return {
    uri,
    version,
    text,
    options,
    parsed,
    model,
    today,
    todaySource,
    history: options.history?.actions,
    get result() {
      return (result ??= check ? check() : checkParsed(parsed, options));
    },
  };
}

/** A snapshot of a text (tests and one-off uses). */
export function contextForText(text: string, options: CheckInput, uri = 'file:///test.eqplan.yaml', version = 1): PlanContext {
  const parsed = parsePlan(text);
  return planSnapshot({ uri, version, text, options, parsed, model: parsed.readable ? buildModel(parsed) : undefined });
}

/** "as at 30 Nov 2019 (the plan's reporting date)": how today was chosen, for hovers. */
export function todayPhrase(source: TodaySource): string {
  switch (source) {
    case 'option':
      return 'the date set in the eqplan.asOf setting';
    case 'plan':
      return "the plan's reporting date, asOf";
    case 'local':
      return 'today';
  }
}
