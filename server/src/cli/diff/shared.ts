/** Counting and ordering shared by the diff formats. */
import { SEVERITY_ORDER, type PlanChange, type Severity } from '../../core';
import type { PlanFileDiff } from './types';

export interface LocatedChange {
  file: PlanFileDiff;
  change: PlanChange;
}

/** Every change of every file, most severe first, then by file and line (the order the engine gives within a file). */
export function allChanges(diffs: readonly PlanFileDiff[]): LocatedChange[] {
  const out = diffs.flatMap((file) => file.changes.map((change) => ({ file, change })));
  return out.sort((a, b) => SEVERITY_ORDER[b.change.severity] - SEVERITY_ORDER[a.change.severity]);
}

export function countBySeverity(diffs: readonly PlanFileDiff[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diffs) for (const c of d.changes) counts[c.severity]++;
  return counts;
}

/** "2 errors, 3 warnings and 1 for information", or "no changes to report". */
export function describeCounts(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.error) parts.push(`${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`);
  if (counts.warning) parts.push(`${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`);
  if (counts.information + counts.hint) parts.push(`${counts.information + counts.hint} for information`);
  if (parts.length === 0) return 'no changes to report';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The file a change is shown under: the new path, else the old one. */
export function shownFile(d: PlanFileDiff): string {
  return d.file ?? d.oldFile ?? '';
}

/** The 1-based line of a change in the new version (or its anchor), or in the old version for a deleted plan. */
export function lineOf(c: PlanChange): number | undefined {
  const side = c.new ?? c.anchor;
  return side ? side.range.start.line + 1 : undefined;
}
