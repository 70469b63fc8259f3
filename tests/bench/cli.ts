/**
 * The command line section of `npm run bench`: whole-process wall times of
 * the built CLI (child processes), against the bare `yaml` parse of the same
 * files and against `node -e 0`; and a corpus of 2,000 generated plans at
 * 500, 1,000 and 2,000 files, to show the time grows linearly.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generatePlan } from './generate';
import { median, processMs, REPO, round } from './measure';
import type { BenchRow } from './row';

const BIN = path.join(REPO, 'bin', 'eqplan.js');
const ONE_PLAN = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');

/** A script that reads and parses every plan under the folders given, as bare `yaml` (one thread): the yardstick. */
const BARE_PARSE = `
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { parseDocument } = require('yaml');
for (const dir of process.argv.slice(1)) for (const f of readdirSync(dir)) parseDocument(readFileSync(path.join(dir, f), 'utf8'));
`;

function writePlans(dir: string, count: number, make: (i: number) => string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `plan-${String(i).padStart(4, '0')}.eqplan.yaml`), make(i));
}

/** Runs `f` `runs` times, alternating with the other measurements by the caller, and returns the median. */
function medianOf(runs: number, f: () => number): number {
  return median(Array.from({ length: runs }, f));
}

export function cliRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'eqplan-bench-'));
  try {
    // One real plan against a bare node start.
    const node0: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < 15; i++) {
      node0.push(processMs(process.execPath, ['-e', '0']));
      one.push(processMs(process.execPath, [BIN, 'check', ONE_PLAN, '--as-of', '2024-01-31']));
    }
    rows.push({ section: 'cli', what: '`node -e 0`, median of 15', value: round(median(node0)), unit: 'ms' });
    rows.push({ section: 'cli', what: 'one real plan (samples/leicester, 30 KB), median of 15', value: round(median(one)), unit: 'ms' });
    const oneRatio = median(one) / median(node0);
    rows.push({ section: 'cli', what: 'one real plan / `node -e 0`', value: round(oneRatio), unit: 'x', goal: '<= 2x', met: oneRatio <= 2, note: 'whole process, wall time' });

    // 200 plans of 100 actions: bare parse (one thread), the CLI on one core, the CLI on both.
    const corpus = path.join(work, 'corpus');
    writePlans(corpus, 200, () => generatePlan(4, 25));
    const parse = medianOf(3, () => processMs(process.execPath, ['-e', BARE_PARSE, corpus]));
    const cliArgs = [BIN, 'check', corpus, '--format', 'json', '--as-of', '2024-01-31'];
    // `taskset -c 0` gives the process one core, so the CLI starts no worker threads.
    const oneCore = medianOf(3, () => processMs('taskset', ['-c', '0', process.execPath, ...cliArgs]));
    const bothCores = medianOf(3, () => processMs(process.execPath, cliArgs));
    rows.push({ section: 'cli', what: '200 plans x 100 actions: bare `yaml` parse, one thread', value: round(parse), unit: 'ms' });
    rows.push({ section: 'cli', what: '200 plans x 100 actions: eqplan check, one core', value: round(oneCore), unit: 'ms', note: `${round(oneCore / parse)}x bare parse` });
    rows.push({ section: 'cli', what: '200 plans x 100 actions: eqplan check, both cores', value: round(bothCores), unit: 'ms' });
    rows.push({ section: 'cli', what: '200 plans: both cores / bare parse', value: round(bothCores / parse), unit: 'x', goal: '<= 0.7x', met: bothCores / parse <= 0.7, note: 'whole processes, median of 3' });

    // A corpus of 2,000 plans of real sizes (10 to 59 actions), timed at 500, 1,000 and 2,000 files.
    const parts = [path.join(work, 'a'), path.join(work, 'b'), path.join(work, 'c')];
    const sizeOf = (i: number) => generatePlan(1 + (i % 3), Math.max(1, Math.floor((10 + ((i * 7) % 50)) / (1 + (i % 3)))));
    writePlans(parts[0], 500, (i) => sizeOf(i));
    writePlans(parts[1], 500, (i) => sizeOf(i + 500));
    writePlans(parts[2], 1000, (i) => sizeOf(i + 1000));
    const perFile: number[] = [];
    for (const [count, dirs] of [[500, parts.slice(0, 1)], [1000, parts.slice(0, 2)], [2000, parts]] as const) {
      const ms = processMs(process.execPath, [BIN, 'check', ...dirs, '--format', 'json', '--as-of', '2024-01-31']);
      perFile.push(ms / count);
      rows.push({ section: 'cli', what: `corpus: ${count} plans, both cores`, value: round(ms / 1000), unit: 's', note: `${round(ms / count)} ms a file` });
    }
    const growth = perFile[2] / perFile[0];
    rows.push({ section: 'cli', what: 'corpus: time a file at 2,000 / at 500', value: round(growth), unit: 'x', goal: 'linear (about 1x)', met: growth <= 1.2, note: 'time a file stays flat as the corpus grows' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
