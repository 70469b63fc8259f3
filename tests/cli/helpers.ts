/**
 * Runs the BUILT command line as a user would: `node bin/eqplan.js ...` in a
 * child process, after building the bundles once per test run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'eqplan.js');
export const FIXTURES = path.join(__dirname, 'fixtures');

let built = false;

/** Builds dist/ with the project's own build script, once per mocha process. */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('the build did not produce dist/cli.js');
  built = true;
}

/** Call inside a `describe`: builds the bundles before its tests, allowing the build time. */
export function useBuiltCli(): void {
  before(function () {
    this.timeout(180_000);
    buildOnce();
  });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Kill the CLI after this many ms; a hung CLI fails the test instead of hanging it. */
  timeoutMs?: number;
}

/** The environment of a plain terminal-less run: no CI variables, no colour forcing. */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('GITHUB_') || k === 'NO_COLOR' || k === 'FORCE_COLOR' || k === 'CI') delete env[k];
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runCli(args: string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cleanEnv(opts.env),
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** True when the output holds a JavaScript stack frame (`    at fn (file:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|<anonymous>)$/m.test(text);
}

/** The shape of `--format json`. */
export interface JsonFileResult {
  file: string;
  diagnostics: {
    rule: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    path: string;
  }[];
}
