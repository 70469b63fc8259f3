/** What the check of one file produced: what every formatter receives. */
import type { Finding, PlanSummary } from '../core';

export interface FileResult {
  /** The file as shown to the user (relative to the working folder when typed so, forward slashes). */
  file: string;
  /** Findings sorted by position; 0-based positions as the engine reports them. */
  findings: Finding[];
  /** The plan model, when the file was a readable plan. */
  summary?: PlanSummary;
  /** Set when the file could not be checked at all (binary, too big); a matching finding is in `findings`. */
  error?: string;
  /** True when `--fix` rewrote the file. */
  fixed?: boolean;
}
