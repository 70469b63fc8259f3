/**
 * Runs the extension test suite in a downloaded VS Code with
 * @vscode/test-electron (for machines that can reach
 * update.code.visualstudio.com; on machines that cannot, use
 * runCodeServer.ts, which runs the same suite).
 *
 *   tsx scripts/vscode/runElectron.ts
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundleSuite';
import { REPO } from './codeServer';

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The build failed.');
  const suite = bundleSuite();
  const workspace = path.join(mkdtempSync(path.join(tmpdir(), 'eqplan-electron-')), 'workspace');
  cpSync(path.join(REPO, 'samples'), workspace, { recursive: true, filter: (src) => !src.endsWith('.expected.json') });
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
