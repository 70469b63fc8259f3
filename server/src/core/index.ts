/**
 * The eqplan engine: the one library the CLI, the language server and the
 * report share. Pure: text and options in, findings and a plan summary out.
 * See api-contract.md.
 */
import type { Finding, TextEdit } from './types';

export { checkPlan, checkParsed, resolveToday, DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_UPDATE_DAYS, type CheckResult } from './check';
export { applyEdits, checkFixedValues, PlanEdits } from './edits';
export { parsePlan, findNode, pointerToPath, pathToPointer, nodeSpan, ownSpan, keySpan, keyText, type ParsedPlan, type NodePath } from './parse';
export { parseConfigText, mergeOptions, CONFIG_FILE_NAMES } from './config';
export { RULES, ruleById, ALL_RULES, type RuleInfo } from './rules';
export { parseDue, formatUk, describeDue, suggestCanonicalDue, localIsoDate, parseIsoDay, isoFromDay, endOfMonth, endOfQuarterOf, type DueInfo } from './dates';
export { PLAN_SCHEMA } from './schema-check';
export { buildModel, isPlaceholderOwner, type PlanModel, type ActionModel, type ObjectiveModel, type TargetModel } from './model';
export { assessTarget } from './targets';
export { LineIndex } from './text';
export * from './types';
export * from './summary-types';
export { ownerLoad, targetSummaries } from './summary';

/**
 * Does this text look like a plan? True when its top level has `eqplan: 1`. Cheap: no YAML parse.
 * Lines end at `\n`, `\r\n` or `\r` only: a regex's `m` flag would also start a line after U+2028 or U+2029.
 */
export function looksLikePlan(text: string): boolean {
  return /(?:^|[\r\n])eqplan[ \t]*:[ \t]*["']?1["']?[ \t]*(?:#[^\r\n]*)?(?:[\r\n]|$)/.test(text.slice(0, 64 * 1024));
}

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
