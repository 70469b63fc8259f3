/**
 * eqplan's own fuzzer: `npm run fuzz -- --minutes N --seed S [--cases N]`.
 *
 * Mutates the samples and fixtures (structure-aware and byte-level, see
 * harness.ts) and checks properties of every case: the engine never throws,
 * ranges lie on the lines they name, messages are plain, `--fix` keeps
 * comments and is idempotent, an incremental editing session ends with the
 * findings of a fresh check, every output format agrees, a file gives the
 * same findings alone and in a batch, and now and then the built command line
 * exits 0 or 1 with no internal error within 2 s per plan. A failing input is
 * saved under tests/fuzz/corpus/ and the run exits 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { batchProperties, caseProperties, CORPUS, hash, mutate, ROOT, Rng, seedTexts, type Failure } from './harness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} must be a number, not ${raw}\n`);
    process.exit(2);
  }
  return n;
}

const minutes = option('minutes', 1);
const seed = option('seed', 1);
const maxCases = option('cases', Infinity);
const BATCH_EVERY = 25;
const BUNDLE_EVERY = 2000;
const SLOW_MS = 2000;

const rng = new Rng(seed);
const seeds = seedTexts();
const started = Date.now();
const deadline = started + minutes * 60_000;
let cases = 0;
let failures = 0;
let slow = 0;
let bundleRuns = 0;
const batch: string[] = [];

/** Saves a failing input as a corpus case, named by its hash so the same input is saved once. */
function save(text: string, found: Failure[]): void {
  mkdirSync(CORPUS, { recursive: true });
  const name = `case-${hash(text).toString(16).padStart(8, '0')}.txt`;
  writeFileSync(path.join(CORPUS, name), text, 'utf8');
  failures++;
  process.stdout.write(`FAIL (seed ${seed}, case ${cases}) saved as tests/fuzz/corpus/${name}\n`);
  for (const f of found.slice(0, 5)) process.stdout.write(`  ${f.property}: ${f.detail.split('\n').slice(0, 6).join('\n    ')}\n`);
}

/** The built command line on a batch: exit 0 or 1, no internal error, within 2 s per plan; the same findings alone and in the batch. */
function bundleProperties(texts: readonly string[]): Failure[] {
  const bin = path.join(ROOT, 'bin', 'eqplan.js');
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) return [];
  bundleRuns++;
  const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-fuzz-'));
  const out: Failure[] = [];
  try {
    texts.forEach((t, i) => writeFileSync(path.join(dir, `case-${i}.eqplan.yaml`), t, 'utf8'));
    const run = (args: string[]) => spawnSync(process.execPath, [bin, 'check', '--as-of', '2024-01-15', ...args], { cwd: dir, encoding: 'utf8', timeout: SLOW_MS * (texts.length + 2) });
    const all = run(['--format', 'json', '.']);
    if (all.status !== 0 && all.status !== 1) out.push({ property: 'the CLI exits 0, 1 or 2 with no internal error', detail: `exit ${all.status}: ${all.stderr}` });
    if (/something went wrong/.test(all.stderr)) out.push({ property: 'the CLI never reports an internal error', detail: all.stderr });
    if (all.status === 0 || all.status === 1) {
      const inBatch = new Map((JSON.parse(all.stdout) as { file: string; diagnostics: unknown[] }[]).map((r) => [r.file, JSON.stringify(r.diagnostics)]));
      texts.forEach((_, i) => {
        const one = run(['--format', 'json', `case-${i}.eqplan.yaml`]);
        const alone = (JSON.parse(one.stdout) as { diagnostics: unknown[] }[])[0];
        if (JSON.stringify(alone?.diagnostics) !== inBatch.get(`case-${i}.eqplan.yaml`)) out.push({ property: 'the CLI gives a file the same findings alone and in a batch', detail: `case ${i}` });
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

process.stdout.write(`eqplan fuzz: seed ${seed}, ${minutes} minute(s), ${seeds.length} seed plans\n`);
while (Date.now() < deadline && cases < maxCases) {
  const text = mutate(rng, seeds);
  cases++;
  const t0 = Date.now();
  // The incremental session on every eighth case keeps the rate up; the engine and --fix properties run on every case.
  const found = caseProperties(text, { session: cases % 8 === 0 });
  if (Date.now() - t0 > SLOW_MS * 3) {
    slow++;
    found.push({ property: 'a plan is checked (with its fixes and an editing session) within 2 s', detail: `${Date.now() - t0} ms` });
  }
  if (found.length > 0) save(text, found);
  batch.push(text);
  if (batch.length >= BATCH_EVERY) {
    const broken = batchProperties(batch);
    if (broken.length > 0) save(batch.join('\n# ---- next file ----\n'), broken);
    if (cases % BUNDLE_EVERY < BATCH_EVERY) {
      const b = bundleProperties(batch.slice(0, 4));
      if (b.length > 0) save(batch[0], b);
    }
    batch.length = 0;
  }
  if (cases % 1000 === 0) process.stdout.write(`  ${cases} cases, ${((cases * 1000) / (Date.now() - started)).toFixed(1)}/s, ${failures} failures\n`);
}
const seconds = (Date.now() - started) / 1000;
process.stdout.write(`eqplan fuzz: seed ${seed}: ${cases} cases in ${seconds.toFixed(0)} s (${(cases / seconds).toFixed(1)} cases/s), ${bundleRuns} runs of the built CLI, ${failures} failures\n`);
process.exitCode = failures > 0 ? 1 : 0;
