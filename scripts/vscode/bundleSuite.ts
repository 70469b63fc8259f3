/** Bundles the extension test suite (tests/vscode/suite) to out/vscode-tests/suite.js for VS Code to load. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { REPO } from './codeServer';

export function bundleSuite(): string {
  const outfile = path.join(REPO, 'out', 'vscode-tests', 'suite.js');
  buildSync({
    entryPoints: [path.join(REPO, 'tests', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // mocha is loaded from the repo's node_modules at run time (the bundle sits inside the repo).
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * An empty extension to pass as `extensionDevelopmentPath` when the real
 * extension is installed from the VSIX: VS Code runs extension tests only in a
 * development host, and this keeps the VSIX the thing under test.
 */
export function emptyDevelopmentExtension(): string {
  const dir = path.join(REPO, 'out', 'vscode-tests', 'test-host');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'eqplan-test-host', publisher: 'eqplan-tests', version: '0.0.0', engines: { vscode: '^1.100.0' }, description: 'Hosts the eqplan extension tests.' }, null, 2),
  );
  return dir;
}
