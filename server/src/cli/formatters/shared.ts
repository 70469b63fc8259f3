/** Small helpers the formatters share: counting, ordering, 1-based positions. */
import { andList, formatCount, plural, SEVERITY_ORDER, type Finding, type Severity } from '../../core';
import type { FileResult } from '../results';

export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function countAll(results: readonly FileResult[]): SeverityCounts {
  return countSeverities(results.flatMap((r) => r.findings));
}

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold];
}

/** 1-based start and end of a finding (the engine's are 0-based). */
export function oneBased(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 };
}

/** A finding with the file it belongs to. */
export interface LocatedFinding {
  file: string;
  finding: Finding;
}

/** All findings, most severe first, then by file and position (stable across runs). */
export function bySeverityThenPlace(results: readonly FileResult[]): LocatedFinding[] {
  const all: LocatedFinding[] = [];
  for (const r of results) for (const finding of r.findings) all.push({ file: r.file, finding });
  return all.sort(
    (a, b) =>
      SEVERITY_ORDER[b.finding.severity] - SEVERITY_ORDER[a.finding.severity] ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.finding.offset - b.finding.offset,
  );
}

/** Text for a markdown table cell: one line, pipes escaped, no raw HTML. */
export function mdCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** "12 warnings and 3 info": the non-zero counts, in words. '' when all are 0. */
export function describeCounts(c: SeverityCounts): string {
  const parts: string[] = [];
  if (c.error > 0) parts.push(plural(c.error, 'error'));
  if (c.warning > 0) parts.push(plural(c.warning, 'warning'));
  if (c.information > 0) parts.push(`${formatCount(c.information)} info`);
  if (c.hint > 0) parts.push(plural(c.hint, 'hint'));
  return andList(parts);
}

/** "12 warnings and 3 info hidden by --quiet", or '' when --quiet hid nothing (or was not given). */
export function hiddenNote(hidden: SeverityCounts | undefined): string {
  const text = hidden ? describeCounts(hidden) : '';
  return text === '' ? '' : `${text} hidden by --quiet`;
}
