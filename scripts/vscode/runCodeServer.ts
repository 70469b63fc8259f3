/**
 * Runs the extension test suite (tests/vscode/suite, the @vscode/test-electron
 * kind) inside a real VS Code on a machine that cannot download VS Code:
 * code-server 1.100.3, opened in headless Chromium with the workbench's
 * `payload` parameter set to `extensionDevelopmentPath` + `extensionTestsPath`.
 *
 *   tsx scripts/vscode/runCodeServer.ts          # tests the packaged VSIX (npm run package first)
 *   tsx scripts/vscode/runCodeServer.ts --dev    # tests the repo folder as a development extension
 *
 * Fails (exit 1) if any test failed, none ran, or the run did not finish.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { bundleSuite, emptyDevelopmentExtension } from './bundleSuite';
import { ensureCodeServer, ensureVsix, installVsix, launchChromium, makeRunDirs, REPO, startCodeServer } from './codeServer';

interface Results {
  done: boolean;
  passed: number;
  failed: number;
  results: { title: string; state: string; error?: string }[];
}

async function main(): Promise<number> {
  const dev = process.argv.includes('--dev');
  const entry = ensureCodeServer();
  let devPath = REPO;
  const dirs = makeRunDirs('suite');
  if (dev) {
    const r = (await import('node:child_process')).spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('The build failed.');
  } else {
    installVsix(entry, ensureVsix(), dirs.userDataDir, dirs.extensionsDir);
    devPath = emptyDevelopmentExtension();
  }
  const suite = bundleSuite();
  const resultsFile = path.join(dirs.root, 'results.json');
  const session = await startCodeServer(entry, dirs, { EQPLAN_TEST_RESULTS: resultsFile });
  const browser = await launchChromium();
  console.log(`eqplan: running the extension tests in code-server (${dev ? 'development folder' : 'installed VSIX'}), logs in ${dirs.root}`);
  try {
    const remote = (p: string) => `vscode-remote://127.0.0.1:${session.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(suite)],
    ]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${session.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(payload)}`);
    const deadline = Date.now() + 10 * 60_000;
    let results: Results | undefined;
    for (;;) {
      if (existsSync(resultsFile)) {
        try {
          results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
        } catch {
          results = undefined; // being written
        }
        if (results?.done) break;
      }
      const log = readFileSync(session.logFile, 'utf8');
      if (/Extension Host Process exited/.test(log) && !results?.done) {
        await new Promise((r) => setTimeout(r, 1000));
        if (existsSync(resultsFile)) results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
        break;
      }
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!results) {
      console.error(`eqplan: the extension tests produced no results. code-server log:\n${readFileSync(session.logFile, 'utf8').slice(-6000)}`);
      return 1;
    }
    for (const r of results.results) {
      console.log(`  ${r.state === 'passed' ? '✓' : '✗'} ${r.title}`);
      if (r.error) console.log(r.error.split('\n').map((l) => `      ${l}`).join('\n'));
    }
    console.log(`eqplan: ${results.passed} passing, ${results.failed} failing${results.done ? '' : ' (the run did not finish)'}`);
    if (!results.done || results.failed > 0 || results.passed === 0) {
      console.error(`code-server log (end):\n${readFileSync(session.logFile, 'utf8').slice(-4000)}`);
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
    await session.stop();
    if (process.env.EQPLAN_KEEP_RUN !== '1') rmSync(dirs.root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
