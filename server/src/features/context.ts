/**
 * What every feature reads: one document version, parsed once, with its check
 * result computed on first use and shared. Features take a `PlanContext` and
 * return LSP values; they never talk to the connection.
 */
import { buildModel, checkParsed, parsePlan, resolveToday, type CheckOptions, type CheckResult, type ParsedPlan, type PlanModel, type TodaySource } from '../core';

export interface PlanContext {
  uri: string;
  version: number;
  parsed: ParsedPlan;
  options: CheckOptions;
  /** The engine's check of this version with these options (computed once, on first use). */
  readonly result: CheckResult;
  /** The plan model: the check's when it has run, else built from the parse alone (cheap; no rules run). */
  readonly model: PlanModel | undefined;
  /** "Today" as the checks see it, and where it came from. */
  readonly today: string;
  readonly todaySource: TodaySource;
}

/**
 * Builds a context. `check` lets the document store share one check per
 * (version, options) between features; by default the check runs here, once.
 */
export function createPlanContext(uri: string, version: number, parsed: ParsedPlan, options: CheckOptions, check?: () => CheckResult): PlanContext {
  let result: CheckResult | undefined;
  let model: PlanModel | undefined;
  let modelBuilt = false;
  let today: { today: string; todaySource: TodaySource } | undefined;
  const getResult = (): CheckResult => (result ??= check ? check() : checkParsed(parsed, options));
  const getModel = (): PlanModel | undefined => {
    if (result) return result.model;
    if (!modelBuilt) {
      model = parsed.readable ? buildModel(parsed) : undefined;
      modelBuilt = true;
    }
    return model;
  };
  const getToday = () => (today ??= result ? { today: result.today, todaySource: result.todaySource } : resolveToday(options, getModel()));
  return {
    uri,
    version,
    parsed,
    options,
    get result() {
      return getResult();
    },
    get model() {
      return getModel();
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
export function contextForText(text: string, options: CheckOptions = {}, uri = 'file:///test.eqplan.yaml', version = 1): PlanContext {
  return createPlanContext(uri, version, parsePlan(text), options);
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
