/**
 * The eqplan engine: the one library the CLI, the language server and the
 * report share. Pure: text and options in, findings and a plan summary out.
 * See api-contract.md.
 */
import type { Finding, TextEdit } from './types';

export { checkPlan, checkParsed, optionsKey, resolveToday, DEFAULT_DUE_SOON_DAYS, type CheckResult } from './check';
export { applyEdits, checkFixedValues, PlanEdits, yamlString } from './edits';
export { readingOfParse, readPlanForCheck, type PlanReading } from './quickRead';
export { parsePlan, findNode, pointerToPath, pathToPointer, nodeSpan, ownSpan, keyText, type ParsedPlan, type NodePath } from './parse';
export { parseConfigText, mergeOptions, CONFIG_FILE_NAMES } from './config';
export {
  OPTIONS,
  OPTION_LIST,
  CONFIG_FILE_KEYS,
  SEVERITY_LEVELS,
  SEVERITY_ALIASES,
  parseSeverityLevel,
  optionByKey,
  readOption,
  readOptions,
  checkOptionsOf,
  type OptionSpec,
  type OptionKey,
  type OptionSource,
  type OptionValues,
  type OptionRead,
  type ReadContext,
} from './options';
export { RULES, ALL_RULES, type RuleInfo } from './rules';
export { parseDue, formatUk, describeDue, suggestCanonicalDue, localIsoDate, parseIsoDay, isoFromDay, endOfMonth, endOfQuarterOf, quarterDueOf, type DueInfo } from './dates';
export { PLAN_SCHEMA } from './schemaCheck';
export { buildModel, type PlanModel } from './model';
export { isOwnerReferencePath, ownerFieldAt, ownerReferences, ownerText } from './owners';
export { LineIndex } from './text';
export * from './types';
export * from './summaryTypes';
export { ownerLoad, targetSummaries } from './summary';
export { diffPlans, type PlanChange, type PlanDiff, type DiffOptions, type ChangeSide } from './diff/diff';
export { CHANGE_KINDS, changeKindById, type ChangeKind, type ChangeKindId } from './diff/kinds';
export { planHistory, historyIndex, describeDeadlineHistory, deadlineWords, withCurrentDeadline, durationWords, type PlanHistory, type PlanVersion, type ActionHistory, type DeadlineEntry, type ObjectiveHistory } from './diff/history';

export {
  PLAN_NAME_PATTERNS, NEVER_SCANNED_FOLDERS, MAX_PLAN_BYTES, PLAN_MARKER_LOOKAHEAD, PLAN_MARKER_HEAD_CHARS, PLAN_HEAD_BYTES,
  isPlanFileName, mayHoldPlanMarker, hasPlanMarker, isPlanDocument, planMarkerInHead, planSizeProblem, textOverSizeLimit, decodePlanBytes, planFileProblemFinding,
  type PlanFileProblem, type PlanFileProblemKind, type DecodedPlan,
} from './planFiles';
export { andList, formatCount, plural, pluralWord } from './words';

/**
 * The edits of the fixes of a set of findings, one fix per finding (its
 * preferred one). With `safeOnly`, only fixes that keep the plan's meaning.
 */
export function collectFixes(findings: readonly Finding[], opts: { safeOnly: boolean }): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const candidates = f.fixes.filter((x) => !opts.safeOnly || x.safe);
    const fix = candidates.find((x) => x.preferred) ?? candidates[0];
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}
