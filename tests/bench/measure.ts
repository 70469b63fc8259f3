/** Small helpers the sections of `npm run bench` share: whole-process timing and order statistics. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

/** The value at fraction `p` (0.5 median, 0.95 p95) of `values`. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Wall time of one whole process (`node` with `args`), in ms; its output is thrown away. */
export function processMs(command: string, args: readonly string[], cwd = REPO): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${String(run.stderr).slice(0, 500)}`);
  return ms;
}

/** Round to a sensible number of digits for the table. */
export function round(value: number): number {
  if (value >= 100) return Math.round(value);
  if (value >= 10) return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}
