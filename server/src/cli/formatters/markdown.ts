/**
 * Markdown for a pull-request comment: a heading, a table of counts per plan,
 * then the findings (most severe first) with links to their lines.
 */
import { plural } from '../../core';
import { bySeverityThenPlace, countAll, countSeverities, hiddenNote, mdCell, oneBased } from './shared';
import type { Formatter, FormatContext } from './types';

/** A comment on GitHub may hold 65,536 characters; list at most this many findings. */
const MAX_ROWS = 200;

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' } as const;

export const formatMarkdown: Formatter = (results, ctx) => {
  const counts = countAll(results);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const out: string[] = ['## eqplan: equality plan check', ''];
  // With --quiet the results hold errors only: say what it hid.
  const hidden = hiddenNote(ctx.hidden);
  if (total === 0) {
    if (hidden === '') out.push(`No problems found in ${plural(results.length, 'plan')}.`, '');
    else out.push(`No errors in ${plural(results.length, 'plan')}${ctx.fails ? ', but the check fails' : ''} (${hidden}).`, '');
    return out.join('\n');
  }
  if (hidden === '') out.push(`**${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info** in ${plural(results.length, 'plan')}.`, '');
  else out.push(`**${plural(counts.error, 'error')}** in ${plural(results.length, 'plan')} (${hidden}).`, '');
  out.push('| Plan | Errors | Warnings | Info |', '|---|---:|---:|---:|');
  for (const r of results) {
    const c = countSeverities(r.findings);
    out.push(`| ${mdCell(r.file)} | ${c.error} | ${c.warning} | ${c.information + c.hint} |`);
  }
  out.push('', '### Findings', '', '| Severity | Where | Rule | Message |', '|---|---|---|---|');
  const all = bySeverityThenPlace(results);
  for (const { file, finding } of all.slice(0, MAX_ROWS)) {
    const p = oneBased(finding);
    out.push(`| ${SEVERITY_LABEL[finding.severity]} | ${lineLink(file, p.line, ctx)} | \`${finding.rule}\` | ${mdCell(finding.message)} |`);
  }
  if (all.length > MAX_ROWS) out.push('', `_${plural(all.length - MAX_ROWS, 'more finding')} not listed. Run \`npx eqplan check\` to see them all._`);
  out.push('');
  return out.join('\n');
};

function lineLink(file: string, line: number, ctx: FormatContext): string {
  const label = mdCell(`${file}:${line}`);
  if (file.startsWith('/') || file.startsWith('..')) return label;
  return `[${label}](${ctx.linkBase ?? ''}${encodeURI(file).replace(/#/g, '%23')}#L${line})`;
}
