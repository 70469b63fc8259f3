/** What every formatter gets besides the results. Formatters are pure: they return text and touch nothing. */
import type { RuleInfo, Severity } from '../../core';
import type { FileResult } from '../results';
import type { SeverityCounts } from './shared';

export interface FormatContext {
  /** Findings at or above this severity fail the run (exit 1); JUnit marks them as failures. */
  failSeverity: Severity;
  /** Colour the output (stylish only). */
  color: boolean;
  /** The folder eqplan runs in: shown paths are relative to it, and SARIF's `%SRCROOT%` is it. */
  cwd: string;
  /** eqplan's version, for SARIF's `tool.driver.version`. */
  version: string;
  /** Every rule's metadata, for SARIF and the markdown/summary texts. */
  rules: readonly RuleInfo[];
  /**
   * Where a file's lines can be linked to, e.g. `https://github.com/org/repo/blob/<sha>/`
   * (from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA); relative links when absent.
   */
  linkBase?: string;
  /** With --quiet: how many findings of each severity it hid (the results no longer hold them). */
  hidden?: SeverityCounts;
  /** True when the run exits 1, counting what --quiet hid and --max-warnings; summary lines must not say otherwise. */
  fails?: boolean;
  /** --format github only: the job summary is written too (GITHUB_STEP_SUMMARY is set), so the notices may point to it. */
  stepSummary?: boolean;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
