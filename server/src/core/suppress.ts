import type { ParsedPlan } from './parse';
import type { RawFinding } from './rules/rule';

/**
 * Inline suppressions, written as YAML comments:
 *
 *   # eqplan-disable-next-line overdue -- agreed at committee on 3 May 2024
 *   # eqplan-disable-file stale-update, due-soon -- reviewed quarterly
 *
 * With no rule named, every rule is meant. A suppression without a reason
 * (after ` -- `) still works but is itself reported, so that turning a check
 * off stays a recorded decision.
 */
export interface Suppressions {
  /** Is a finding of `rule` that starts on `line` suppressed? */
  isSuppressed(rule: string, line: number): boolean;
  problems: (RawFinding & { rule: string })[];
}

const COMMENT = /#\s*eqplan-disable-(next-line|file)\b([^\n\r]*)/;

type RuleSet = Set<string> | 'all';

function covers(set: RuleSet | undefined, rule: string): boolean {
  return set === 'all' || (set !== undefined && set.has(rule));
}

export function findSuppressions(parsed: ParsedPlan, knownRules: ReadonlySet<string>): Suppressions {
  const fileRules = new Set<string>();
  let fileAll = false;
  const lineRules = new Map<number, RuleSet>();
  const problems: Suppressions['problems'] = [];
  const { text, lines } = parsed;
  if (!text.includes('eqplan-disable')) return { isSuppressed: () => false, problems };

  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const m = COMMENT.exec(lineText);
    if (!m) continue;
    const start = lines.lineStart(line) + m.index;
    const span: [number, number] = [start, start + m[0].length];
    const [rulesPart, ...reasonParts] = m[2].split(/\s--\s?|^--\s?/);
    // `reason:` alone is the quick fix's placeholder, not yet a reason.
    const reason = reasonParts.join(' -- ').trim().replace(/^reason:\s*/i, '').trim();
    const named = rulesPart.split(/[\s,]+/).filter(Boolean);
    const unknown = named.filter((r) => !knownRules.has(r));
    for (const r of unknown) {
      problems.push({ rule: 'bad-suppression', message: `\`${r}\` is not an eqplan rule, so this comment turns nothing off. Check the rule id (run \`eqplan rules\` for the list).`, path: [], span });
    }
    const rules: RuleSet = named.length === 0 ? 'all' : new Set(named.filter((r) => knownRules.has(r)));
    if (!reason) {
      const what = named.length === 0 ? 'every check' : named.map((r) => `\`${r}\``).join(', ');
      problems.push({ rule: 'bad-suppression', message: `This comment turns off ${what} without a reason. Add one after \` -- \`, for example \`# eqplan-disable-${m[1]} ${named[0] ?? 'overdue'} -- agreed at committee on 3 May\`.`, path: [], span });
    }
    if (m[1] === 'file') {
      if (rules === 'all') fileAll = true;
      else rules.forEach((r) => fileRules.add(r));
      continue;
    }
    let target = line + 1;
    while (target < lines.lineCount && /^[ \t]*(#.*)?$/s.test(lines.lineText(target))) target++;
    const existing = lineRules.get(target);
    if (rules === 'all' || existing === 'all') lineRules.set(target, 'all');
    else lineRules.set(target, new Set([...(existing ?? []), ...rules]));
  }
  return {
    isSuppressed: (rule, line) => rule !== 'bad-suppression' && (fileAll || fileRules.has(rule) || covers(lineRules.get(line), rule)),
    problems,
  };
}
