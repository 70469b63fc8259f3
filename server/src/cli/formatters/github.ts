/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the
 * pull request's changed lines. GitHub shows at most 10 error, 10 warning and
 * 10 notice annotations per step, so the most severe are emitted first within
 * those budgets and one extra notice says how many more there are and where
 * to see them. The job summary is written separately (github-summary.ts).
 */
import type { Severity } from '../../core';
import { bySeverityThenPlace, countAll, oneBased, plural } from './shared';
import type { Formatter } from './types';

/** GitHub's per-step limit for each annotation type. */
export const ANNOTATIONS_PER_TYPE = 10;

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a command's message as @actions/core does (`escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value as @actions/core does (`escapeProperty`). */
export function escapeProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (results) => {
  const lines: string[] = [];
  const all = bySeverityThenPlace(results);
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const chosen: typeof all = [];
  const hidden: typeof all = [];
  for (const item of all) {
    const command = COMMAND[item.finding.severity];
    if (used[command] < ANNOTATIONS_PER_TYPE) {
      used[command]++;
      chosen.push(item);
    } else {
      hidden.push(item);
    }
  }
  // The overflow notice needs a notice slot of its own: give up the last chosen notice if all ten are used.
  if (hidden.length > 0 && used.notice === ANNOTATIONS_PER_TYPE) {
    const lastNotice = chosen.map((c) => COMMAND[c.finding.severity]).lastIndexOf('notice');
    hidden.unshift(...chosen.splice(lastNotice, 1));
  }

  for (const { file, finding } of chosen) {
    const p = oneBased(finding);
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `endLine=${p.endLine}`,
      `endColumn=${p.endColumn}`,
      `title=${escapeProperty(`eqplan(${finding.rule})`)}`,
    ];
    lines.push(`::${COMMAND[finding.severity]} ${props.join(',')}::${escapeData(finding.message)}`);
  }
  if (hidden.length > 0) {
    const message =
      `${plural(hidden.length, 'more finding')} not shown as annotations: GitHub shows at most ${ANNOTATIONS_PER_TYPE} errors, ${ANNOTATIONS_PER_TYPE} warnings and ${ANNOTATIONS_PER_TYPE} notices per step. ` +
      'See every finding in the job summary of this run, in the code scanning alerts when eqplan.sarif is uploaded, or run `npx eqplan check` locally.';
    lines.push(`::notice title=${escapeProperty('eqplan: more findings')}::${escapeData(message)}`);
  }
  const counts = countAll(results);
  lines.push(`eqplan: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info in ${plural(results.length, 'plan')}.`);
  return `${lines.join('\n')}\n`;
};
