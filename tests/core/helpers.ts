import { checkPlan, type CheckOptions, type Finding } from '../../server/src/core';

/** Indents a block of YAML by n spaces (for embedding action snippets). */
function indent(text: string, n: number): string {
  return text
    .trim()
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

/**
 * A complete, valid plan around the given actions (YAML list items written
 * at column 0). `head` adds root fields such as `asOf` or `owners`.
 */
export function planWith(actions: string, opts: { head?: string; targets?: string } = {}): string {
  return [
    'eqplan: 1',
    'organisation: Test Borough Council',
    'title: Equality Action Plan',
    opts.head?.trim() ?? '',
    'objectives:',
    '  - id: P1',
    '    title: Accessible services',
    '    actions:',
    indent(actions, 6),
    opts.targets ? 'targets:\n' + indent(opts.targets, 2) : '',
    '',
  ]
    .filter((l, i, all) => l !== '' || i === all.length - 1)
    .join('\n');
}

/** One open action with every field set, so a test only changes what it is about. */
export function action(fields: Record<string, string | undefined> = {}): string {
  const base: Record<string, string | undefined> = {
    id: '1a',
    action: 'Deliver EIA workshops to procurement staff',
    owner: 'Equalities Team',
    due: '2024-06-30',
    rag: 'green',
    measure: 'Workshops delivered to all procurement staff',
    ...fields,
  };
  const lines = Object.entries(base).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `- ${lines[0]}\n` + lines.slice(1).map((l) => `  ${l}`).join('\n');
}

export function check(text: string, options: CheckOptions = {}): Finding[] {
  return checkPlan(text, { localToday: '2024-01-15', ...options }).findings;
}

export function ofRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

export function rulesOf(findings: Finding[]): string[] {
  return findings.map((f) => f.rule);
}
