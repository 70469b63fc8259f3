/**
 * The import report in words: printed by `eqplan import` after writing, and
 * written as comments at the top of the imported plan.
 */
import { plural } from '../words';
import type { ImportFinding, ImportReport } from './types';

/**
 * The report as lines of plain text (no comment markers): what was read,
 * which column went to which field, every value changed, every row not
 * imported, and what `eqplan check` says about the result as of `today`
 * (left out when nothing was written, `findings` undefined).
 */
export function formatImportReport(report: ImportReport, findings: readonly ImportFinding[] | undefined, today: string): string[] {
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  const lines: string[] = [
    `Imported by eqplan from ${report.source}: ${plural(report.tables.length, 'table')}, ${plural(rows, 'row')} read as ${plural(report.actions, 'action')} under ${plural(report.objectives, 'objective')}; ${plural(report.owners, 'owner')} named.`,
    '',
    'Columns:',
  ];
  for (const t of report.tables) {
    lines.push(`  ${t.label}: ${t.columns.map((c) => `"${c.header || '(no header)'}" -> ${c.target}`).join(', ')}`);
  }
  lines.push('', `Values changed on the way in (${report.normalised.length}):`);
  if (report.normalised.length === 0) lines.push('  none');
  for (const n of report.normalised) lines.push(`  ${n.where}, ${n.field}: "${n.from}" -> ${n.to}${n.note ? ` (${n.note})` : ''}`);
  lines.push('', `Rows not imported (${report.skipped.length}):`);
  if (report.skipped.length === 0) lines.push('  none');
  for (const s of report.skipped) lines.push(`  ${s.where}: ${s.why}`);
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of report.notes) lines.push(`  ${n.where}: ${n.why}`);
  }
  if (findings === undefined) return lines;
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  lines.push(
    '',
    findings.length === 0
      ? `eqplan check as of ${today}: no problems.`
      : `eqplan check as of ${today}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} information. What to fix next:`,
  );
  for (const f of findings) lines.push(`  line ${f.line}: ${f.severity} ${f.rule}: ${f.message}`);
  return lines;
}
