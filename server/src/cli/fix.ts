/**
 * `eqplan check --fix`: applies the engine's safe fixes (date phrases written
 * canonically, RAG words in lower case, ...) until nothing more changes. The
 * engine's edits replace single values, so comments and layout are kept.
 */
import { applyEdits, checkFixedValues, checkPlan, collectFixes, type CheckInput, type CheckResult, type TextEdit } from '../core';

/** Fix rounds before giving up: a fix can reveal another (e.g. a date that is now overdue is not fixable, but a RAG may be). */
export const MAX_FIX_ROUNDS = 5;

export interface FixOutcome {
  /** The text after all rounds (=== the input when nothing was fixed). */
  text: string;
  /** The check of the final text: what is left to report. */
  result: CheckResult;
  /** Rounds that changed the text. */
  rounds: number;
  /**
   * True when a round of fixes gave the text new `yaml-syntax` findings. The
   * fixes are then all dropped (`text` is the input): a file is never saved
   * broken. Fixes replace single values, so this is a safety net for a bug.
   */
  brokeSyntax?: boolean;
  /**
   * Why the fixes were all dropped (`text` is the input) when a round left a
   * value other than its fixes proposed, or changed a value no fix names:
   * "after the fix on line 9, `due` would not read as `2022-11`, ...".
   */
  refused?: string;
}

/** The edits of one round: each finding's preferred safe fix. */
function safeEdits(result: CheckResult): TextEdit[] {
  return collectFixes(result.findings, { safeOnly: true });
}

/**
 * Applies safe fixes to `text`, re-checking after each round, until stable or
 * `MAX_FIX_ROUNDS`. `editsOf` picks a round's edits (tests pass their own).
 */
export function fixPlanText(text: string, options: CheckInput, editsOf: (result: CheckResult) => TextEdit[] = safeEdits): FixOutcome {
  const original = checkPlan(text, options);
  const syntaxBefore = syntaxMessages(original);
  let current = text;
  let result = original;
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const edits = editsOf(result);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    const before = result;
    current = next;
    rounds++;
    result = checkPlan(current, options);
    if (gainedSyntaxProblems(syntaxBefore, syntaxMessages(result))) return { text, result: original, rounds: 0, brokeSyntax: true };
    // The text still reads as YAML; each fixed value must now be the value its fix proposed, and nothing else may change.
    const refused = checkFixedValues(before.parsed.value, result.parsed.value, edits);
    if (refused) return { text, result: original, rounds: 0, refused };
  }
  return { text: current, result, rounds };
}

/**
 * How many times each syntax problem is reported (positions move with fixes,
 * messages do not). Read from the parse, so a config that turns `yaml-syntax`
 * off does not hide them.
 */
function syntaxMessages(result: CheckResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of result.parsed.syntax) counts.set(s.message, (counts.get(s.message) ?? 0) + 1);
  return counts;
}

function gainedSyntaxProblems(before: Map<string, number>, after: Map<string, number>): boolean {
  for (const [message, n] of after) if (n > (before.get(message) ?? 0)) return true;
  return false;
}
