/**
 * The diff as one pull-request comment: a summary line, a table of the errors
 * and warnings (most severe first), the changes for information folded
 * underneath, and a hidden marker so a workflow can find the comment and
 * update it instead of adding a new one each push. It stays under GitHub's
 * 65,536-character limit for a comment and says what it left out.
 */
import type { PlanChange } from '../../core';
import { allChanges, countBySeverity, describeCounts, lineOf, shownFile, type LocatedChange } from './shared';
import type { DiffFormatContext, DiffFormatter, PlanFileDiff } from './types';

/** The marker a workflow looks for to update its comment. */
export const COMMENT_MARKER = '<!-- eqplan-diff -->';
/** GitHub refuses comments longer than this. */
export const COMMENT_LIMIT = 65_536;
/** Room kept for the closing lines and the note of what was left out. */
const RESERVE = 1_500;

const ICON = { error: '🔴 Error', warning: '🟠 Warning', information: '🔵 Info', hint: '🔵 Hint' } as const;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ').replace(/</g, '&lt;');
}

function where(file: PlanFileDiff, c: PlanChange, ctx: DiffFormatContext): string {
  const name = shownFile(file);
  const line = file.file !== undefined ? lineOf(c) : undefined;
  const label = line === undefined ? cell(name) : `${cell(name)}:${line}`;
  if (file.file === undefined) return label;
  const target = `${ctx.linkBase ?? ''}${encodeURI(file.file)}${line === undefined ? '' : `#L${line}`}`;
  return `[${label}](${target})`;
}

function row(x: LocatedChange, ctx: DiffFormatContext): string {
  return `| ${ICON[x.change.severity]} | ${cell(x.change.message)} | ${where(x.file, x.change, ctx)} | \`${x.change.kind}\` |`;
}

const HEADER = ['| | Change | Where | Kind |', '|---|---|---|---|'];

export const formatDiffMarkdown: DiffFormatter = (diffs, ctx) => {
  const counts = countBySeverity(diffs);
  const head: string[] = [COMMENT_MARKER, '### eqplan: what this change does to the plan', ''];
  const total = counts.error + counts.warning + counts.information + counts.hint;
  head.push(total === 0 ? `No changes to deadlines, ratings, owners, measures, actions or targets between ${cell(ctx.base)} and ${cell(ctx.head)}.` : `**${describeCounts(counts)}** between ${cell(ctx.base)} and ${cell(ctx.head)}.`);
  const moved = diffs.filter((d) => d.status !== 'modified');
  for (const d of moved) {
    if (d.status === 'added') head.push(`- New plan: \`${cell(d.file ?? '')}\``);
    else if (d.status === 'removed') head.push(`- Plan deleted: \`${cell(d.oldFile ?? '')}\``);
    else head.push(`- Plan renamed: \`${cell(d.oldFile ?? '')}\` → \`${cell(d.file ?? '')}\``);
  }
  if (total === 0) return `${head.join('\n')}\n`;

  const all = allChanges(diffs);
  const main = all.filter((x) => x.change.severity === 'error' || x.change.severity === 'warning');
  const info = all.filter((x) => x.change.severity === 'information' || x.change.severity === 'hint');
  const out: string[] = [...head, ''];
  let used = out.join('\n').length;
  let left = 0;
  const fit = (line: string): boolean => {
    if (used + line.length + 1 > COMMENT_LIMIT - RESERVE) return false;
    out.push(line);
    used += line.length + 1;
    return true;
  };
  if (main.length > 0) {
    for (const h of HEADER) fit(h);
    for (const x of main) if (!fit(row(x, ctx))) left++;
  }
  if (info.length > 0) {
    fit('');
    fit(`<details><summary>${info.length} ${info.length === 1 ? 'change' : 'changes'} for information</summary>`);
    fit('');
    for (const h of HEADER) fit(h);
    for (const x of info) if (!fit(row(x, ctx))) left++;
    fit('');
    out.push('</details>');
  }
  if (left > 0) out.push('', `_${left} more ${left === 1 ? 'change does' : 'changes do'} not fit in one comment. Run \`eqplan diff\` locally, or see the job's log, for the full list._`);
  out.push('', '<sub>Severities can be changed under `changes:` in `.eqplanrc.yaml`. Kinds are explained in eqplan\'s docs (docs/diff.md).</sub>');
  return `${out.join('\n')}\n`;
};
