/**
 * The default, human format (like ESLint's "stylish"): findings grouped per
 * file as `line:col  severity  message  rule`, then one totals line.
 */
import pc from 'picocolors';
import { plural, type Severity } from '../../core';
import { countAll, hiddenNote, oneBased } from './shared';
import type { Formatter } from './types';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export const formatStylish: Formatter = (results, ctx) => {
  const c = pc.createColors(ctx.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, information: c.blue, hint: c.gray };
  const out: string[] = [];

  for (const r of results) {
    if (r.findings.length === 0) continue;
    const asOf = r.summary ? c.dim(`  (checked as of ${r.summary.asOf})`) : '';
    out.push('', c.underline(r.file) + asOf);
    const rows = r.findings.map((f) => {
      const p = oneBased(f);
      return { loc: `${p.line}:${p.column}`, f };
    });
    const locWidth = Math.max(...rows.map((row) => row.loc.length));
    for (const { loc, f } of rows) {
      const severity = paint[f.severity](LABEL[f.severity].padEnd(7));
      out.push(`  ${c.dim(loc.padEnd(locWidth))}  ${severity}  ${f.message.replace(/\r\n|\r|\n/g, ' ')}  ${c.dim(f.rule)}`);
    }
  }

  const counts = countAll(results);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const fixedFiles = results.filter((r) => r.fixed).map((r) => r.file);
  out.push('');
  if (fixedFiles.length > 0) out.push(c.green(`Fixed ${plural(fixedFiles.length, 'file')}: ${fixedFiles.join(', ')}`));
  // With --quiet the results hold errors only; say what it hid, and never "✔" when the run fails.
  const hidden = hiddenNote(ctx.hidden);
  if (total === 0 && hidden === '') {
    out.push(c.green(`\u2714 No problems found in ${plural(results.length, 'plan')}.`));
  } else if (total === 0) {
    out.push(ctx.fails ? c.bold(c.red(`\u2716 No errors in ${plural(results.length, 'plan')}, but the check fails (${hidden}).`)) : c.green(`\u2714 No errors in ${plural(results.length, 'plan')} (${hidden}).`));
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} info`];
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    const plans = plural(results.filter((r) => r.findings.length > 0).length, 'plan');
    const line = hidden === '' ? `\u2716 ${plural(total, 'problem')} (${parts.join(', ')}) in ${plans}` : `\u2716 ${plural(counts.error, 'error')} in ${plans} (${hidden})`;
    out.push(c.bold(counts.error > 0 ? c.red(line) : counts.warning > 0 ? c.yellow(line) : line));
    const fixable = results.reduce((n, r) => n + r.findings.filter((f) => f.fixes.some((x) => x.safe)).length, 0);
    if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} can be fixed automatically: run again with --fix.`);
  }
  return `${out.join('\n')}\n`;
};
