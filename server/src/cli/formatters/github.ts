/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the
 * pull request's changed lines. GitHub shows at most 10 error, 10 warning and
 * 10 notice annotations per step, so the most severe are emitted first within
 * those budgets and one extra notice says how many more there are and where
 * to see them. The job summary is written separately (githubSummary.ts) and
 * lists the findings that did not fit, up to the limits below.
 */
import { plural, type Severity } from '../../core';
import type { FileResult } from '../results';
import { bySeverityThenPlace, countAll, hiddenNote, oneBased, type LocatedFinding } from './shared';
import type { Formatter } from './types';

/** GitHub's per-step limit for each annotation type. */
export const ANNOTATIONS_PER_TYPE = 10;
/** The job summary lists at most this many of the findings that did not fit as annotations, per plan... */
export const SUMMARY_FINDINGS_PER_PLAN = 200;
/** ...and in all, which keeps it well under GitHub's 1 MiB limit. */
export const SUMMARY_FINDINGS_TOTAL = 1000;

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

/**
 * Which findings become annotations (`chosen`, in output order) and which do
 * not fit GitHub's budgets (`overflow`, most severe first, then by file and
 * position). The job summary lists the overflow from the same split.
 */
export function splitAnnotations(results: readonly FileResult[]): { chosen: LocatedFinding[]; overflow: LocatedFinding[] } {
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
    chosen.splice(lastNotice, 1);
  }
  const shown = new Set(chosen);
  return { chosen, overflow: all.filter((item) => !shown.has(item)) };
}

export const formatGithub: Formatter = (results, ctx) => {
  const lines: string[] = [];
  const { chosen, overflow: hidden } = splitAnnotations(results);
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
    const limits = `GitHub shows at most ${ANNOTATIONS_PER_TYPE} errors, ${ANNOTATIONS_PER_TYPE} warnings and ${ANNOTATIONS_PER_TYPE} notices per step.`;
    const where = ctx.stepSummary
      ? `The job summary of this run lists them${summaryCapped(hidden) ? ` (at most ${SUMMARY_FINDINGS_PER_PLAN} per plan, ${plural(SUMMARY_FINDINGS_TOTAL, 'finding')} in all)` : ''}. `
      : '';
    const message =
      `${plural(hidden.length, 'more finding')} not shown as annotations: ${limits} ${where}` +
      'To see every finding, run `npx eqplan check` locally, or upload eqplan.sarif (`--format sarif`) to code scanning.';
    lines.push(`::notice title=${escapeProperty('eqplan: more findings')}::${escapeData(message)}`);
  }
  const counts = countAll(results);
  const hiddenByQuiet = hiddenNote(ctx.hidden);
  lines.push(
    hiddenByQuiet === ''
      ? `eqplan: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info in ${plural(results.length, 'plan')}.`
      : `eqplan: ${plural(counts.error, 'error')} in ${plural(results.length, 'plan')} (${hiddenByQuiet}).`,
  );
  return `${lines.join('\n')}\n`;
};

/** True when the job summary cannot list every finding in `overflow`. */
function summaryCapped(overflow: readonly LocatedFinding[]): boolean {
  if (overflow.length > SUMMARY_FINDINGS_TOTAL) return true;
  const perFile = new Map<string, number>();
  for (const { file } of overflow) perFile.set(file, (perFile.get(file) ?? 0) + 1);
  return [...perFile.values()].some((n) => n > SUMMARY_FINDINGS_PER_PLAN);
}
