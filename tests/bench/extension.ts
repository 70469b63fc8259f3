/**
 * The extension section of `npm run bench`: activation time and the size of
 * the VSIX. Activation is approximated outside VS Code (code-server is too
 * heavy for a benchmark): a fresh Node process loads the built
 * dist/extension.js with a stub `vscode` module that accepts every call, and
 * times `require` plus `activate()`. VS Code's own start-up of the extension
 * host is not included. The VSIX is built with `npm run package` (production
 * bundles) and its size read from disk.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { median, REPO, round } from './measure';
import type { BenchRow } from './row';

/** Run in a child process: a stub `vscode`, then require + activate timed with hrtime. Prints the ms. */
const ACTIVATE = `
const Module = require('node:module');
const stub = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : stub),
  apply: () => stub,
  construct: () => stub,
  set: () => true,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
// Every name the real module exports (from @types/vscode), as the bundle copies the module's own properties (esbuild's __toESM).
const api = {};
for (const k of process.argv[2].split(',')) api[k] = stub;
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
const context = new Proxy({ subscriptions: [], extensionPath: process.argv[1], extensionUri: stub }, { get: (t, k) => (k in t ? t[k] : stub) });
const start = process.hrtime.bigint();
require(process.argv[1] + '/dist/extension.js').activate(context);
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;

/** The names the `vscode` module exports: its namespaces, classes, enums and constants, read from @types/vscode. */
function vscodeExports(): string[] {
  const types = readFileSync(path.join(REPO, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [...new Set(Array.from(types.matchAll(/^\t?export (?:namespace|class|enum|const|let) ([A-Za-z_]+)/gm), (m) => m[1]))];
}

export function extensionRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const pack = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm run package failed:\n${pack.stdout}\n${pack.stderr}`);
  const kb = statSync(path.join(REPO, 'eqplan.vsix')).size / 1024;
  rows.push({ section: 'extension', what: 'VSIX size (npm run package)', value: round(kb), unit: 'KB', goal: '<= 1 MB', met: kb <= 1024 });

  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const run = spawnSync(process.execPath, ['-e', ACTIVATE, REPO, vscodeExports().join(',')], { cwd: REPO, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`activation failed: ${run.stderr}`);
    times.push(Number(run.stdout));
  }
  const p50 = median(times);
  rows.push({ section: 'extension', what: 'activation: require + activate(), stub vscode, p50 of 10', value: round(p50), unit: 'ms', goal: '<= 100 ms', met: p50 <= 100, note: 'outside VS Code; production bundle' });
  return rows;
}
