/** What `eqplan diff` found for each plan file, as every diff format receives it. */
import type { PlanChange, Severity } from '../../core';

export interface PlanFileDiff {
  /** The plan's path in the new version, as shown (relative to the working folder); absent when the plan was deleted. */
  file?: string;
  /** The plan's path in the old version, when it differs (renamed) or the plan was deleted. */
  oldFile?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  changes: PlanChange[];
}

export interface DiffFormatContext {
  /** Changes at or above this severity fail the run (exit 1). */
  failOn: Severity;
  /** What the old version is, in words: "main (3f2a1bc)" or the old file's name. */
  base: string;
  /** What the new version is: "the working tree", "HEAD (9e8d7c6)" or the new file's name. */
  head: string;
  /** Where a file's lines can be linked to in GitHub (see the check command); relative links when absent. */
  linkBase?: string;
}

export type DiffFormatter = (diffs: readonly PlanFileDiff[], ctx: DiffFormatContext) => string;
