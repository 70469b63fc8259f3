/** The diff for tools: every change with its kind, severity, paths and 0-based ranges in both versions. */
import type { DiffFormatter } from './types';
import { countBySeverity } from './shared';

export const formatDiffJson: DiffFormatter = (diffs, ctx) =>
  `${JSON.stringify({ base: ctx.base, head: ctx.head, counts: countBySeverity(diffs), files: diffs }, null, 2)}\n`;
