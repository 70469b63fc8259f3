/** The diff for a person at a terminal: one block per plan, one line per change. */
import type { DiffFormatter } from './types';
import { countBySeverity, describeCounts, lineOf, shownFile } from './shared';

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

export const formatDiffStylish: DiffFormatter = (diffs, ctx) => {
  const lines: string[] = [];
  for (const d of diffs) {
    if (d.changes.length === 0 && d.status === 'modified') continue;
    const title = d.status === 'renamed' ? `${d.oldFile} -> ${d.file}` : d.status === 'removed' ? `${d.oldFile} (deleted)` : d.status === 'added' ? `${d.file} (new plan)` : shownFile(d);
    lines.push(title);
    for (const c of d.changes) {
      const line = lineOf(c);
      lines.push(`  ${line === undefined ? '' : `${line}`.padStart(5)}  ${LABEL[c.severity].padEnd(7)}  ${c.message}  ${c.kind}`);
    }
    lines.push('');
  }
  lines.push(`Changes from ${ctx.base} to ${ctx.head}: ${describeCounts(countBySeverity(diffs))}.`);
  return `${lines.join('\n')}\n`;
};
