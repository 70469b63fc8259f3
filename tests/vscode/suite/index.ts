/**
 * The extension test entry point, in the shape @vscode/test-electron expects:
 * VS Code loads this module (as `extensionTestsPath`) in the extension host
 * and awaits `run()`. The same suite runs in a downloaded VS Code
 * (scripts/vscode/runElectron.ts) and in code-server
 * (scripts/vscode/runCodeServer.ts). Results also go to the JSON file named
 * by EQPLAN_TEST_RESULTS, which is how the code-server runner reads them.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  // The test files are bundled with this module; give them mocha's globals before loading them.
  mocha.suite.emit('pre-require', globalThis, 'eqplan-suite', mocha);
  require('./activation.test');
  require('./diagnostics.test');
  require('./quickfix.test');
  require('./preview.test');
  require('./export.test');
  require('./import.test');

  const results: TestResult[] = [];
  const out = process.env.EQPLAN_TEST_RESULTS;
  const write = (done: boolean) => {
    if (!out) return;
    const failed = results.filter((r) => r.state === 'failed').length;
    writeFileSync(out, JSON.stringify({ done, passed: results.length - failed, failed, results }, null, 2));
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write(true);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
      write(false);
    });
  });
}
