/**
 * `eqplan check --fix`: applies the engine's safe fixes (date phrases written
 * canonically, RAG words in lower case, ...) until nothing more changes. The
 * engine's edits replace single values, so comments and layout are kept.
 */
import { applyEdits, checkPlan, collectFixes, type CheckOptions, type CheckResult } from '../core';

/** Fix rounds before giving up: a fix can reveal another (e.g. a date that is now overdue is not fixable, but a RAG may be). */
export const MAX_FIX_ROUNDS = 5;

export interface FixOutcome {
  /** The text after all rounds (=== the input when nothing was fixed). */
  text: string;
  /** The check of the final text: what is left to report. */
  result: CheckResult;
  /** Rounds that changed the text. */
  rounds: number;
}

/** Applies safe fixes to `text`, re-checking after each round, until stable or `MAX_FIX_ROUNDS`. */
export function fixPlanText(text: string, options: CheckOptions): FixOutcome {
  let current = text;
  let result = checkPlan(current, options);
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const edits = collectFixes(result.findings, { safeOnly: true });
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    rounds++;
    result = checkPlan(current, options);
  }
  return { text: current, result, rounds };
}
