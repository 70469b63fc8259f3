/**
 * What every feature reads: one document version, parsed once, with its check
 * result computed on first use and shared. Features take a `PlanContext` and
 * return LSP values; they never talk to the connection.
 */
import { buildModel, checkParsed, parsePlan, resolveToday, type CheckInput, type CheckResult, type ParsedPlan, type PlanModel, type TodaySource } from '../core';

export interface PlanContext {
  uri: string;
  version: number;
  /** The text of this version. */
  readonly text: string;
  /** The parse of this version (made on first use, once per version). */
  readonly parsed: ParsedPlan;
  options: CheckInput;
  /** The engine's check of this version with these options (computed once, on first use). */
  readonly result: CheckResult;
  /** The plan model: the check's when it has run, else built from the parse alone (cheap; no rules run). */
  readonly model: PlanModel | undefined;
  /**
   * For completion while someone types: the model of this version when it
   * reads as a plan, else the model of the last version that did, with the
   * parse it came from (its positions may be a few lines off). Undefined
   * when no version of the document has read as a plan. Never parses the
   * whole text when an incremental parse is not possible.
   */
  readonly typingModel: { model: PlanModel; parsed: ParsedPlan } | undefined;
  /** "Today" as the checks see it, and where it came from. */
  readonly today: string;
  readonly todaySource: TodaySource;
}

/** How a context gets what is shared between features: the document store passes these, so each is made once per version. */
export interface ContextSources {
  /** The parse of this version. */
  parsed: () => ParsedPlan;
  /** The check of this version with these options. */
  check?: () => CheckResult;
  /** The model of a parse (shared per parse). */
  model?: (parsed: ParsedPlan) => PlanModel | undefined;
  /** See `PlanContext.typingModel`. */
  typing?: () => { model: PlanModel; parsed: ParsedPlan } | undefined;
}

/**
 * Builds a context. `sources` let the document store share one parse per
 * version, one model per parse and one check per (version, options) between
 * features; by default each is made here, once.
 */
export function createPlanContext(uri: string, version: number, text: string, options: CheckInput, sources: ContextSources): PlanContext {
  let parsed: ParsedPlan | undefined;
  let result: CheckResult | undefined;
  let model: PlanModel | undefined;
  let modelBuilt = false;
  let today: { today: string; todaySource: TodaySource } | undefined;
  const getParsed = (): ParsedPlan => (parsed ??= sources.parsed());
  const getResult = (): CheckResult => (result ??= sources.check ? sources.check() : checkParsed(getParsed(), options));
  const modelOf = sources.model ?? ((p: ParsedPlan) => (p.readable ? buildModel(p) : undefined));
  const getModel = (): PlanModel | undefined => {
    if (result) return result.model;
    if (!modelBuilt) {
      model = modelOf(getParsed());
      modelBuilt = true;
    }
    return model;
  };
  const getToday = () => (today ??= result ? { today: result.today, todaySource: result.todaySource } : resolveToday(options, getModel()));
  return {
    uri,
    version,
    text,
    options,
    get parsed() {
      return getParsed();
    },
    get result() {
      return getResult();
    },
    get model() {
      return getModel();
    },
    get typingModel() {
      if (sources.typing) return sources.typing();
      const m = getModel();
      return m ? { model: m, parsed: getParsed() } : undefined;
    },
    get today() {
      return getToday().today;
    },
    get todaySource() {
      return getToday().todaySource;
    },
  };
}

/** A context for a text (tests and one-off uses). */
export function contextForText(text: string, options: CheckInput, uri = 'file:///test.eqplan.yaml', version = 1): PlanContext {
  return createPlanContext(uri, version, text, options, { parsed: () => parsePlan(text) });
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
