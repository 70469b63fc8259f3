/**
 * One row of `npm run bench`'s table: a figure, the goal beside it, and
 * whether the goal is met. Each section of the benchmark (command line,
 * language server, preview, extension) returns rows; `bench.ts` prints them
 * as one table and writes them as JSON. Figures are measured, never assumed.
 */
export interface BenchRow {
  /** The section: 'cli', 'server', 'preview', 'extension', 'diff'. */
  section: string;
  /** What was measured, in words: "one-character edit, 5,000 actions, p50". */
  what: string;
  /** The figure, in `unit`. */
  value: number;
  unit: 'ms' | 'MB' | 'KB' | 'x' | 's';
  /** The goal in words, as the issue states it: "<= 50 ms", "<= 0.7x bare parse". */
  goal?: string;
  /** True when the figure meets the goal; undefined when there is no goal. */
  met?: boolean;
  /** What the figure is compared with, when it is a ratio or a comparison. */
  note?: string;
}
