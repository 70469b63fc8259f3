/**
 * `eqplan check` over many plans runs on worker threads: the results must be
 * exactly what the single-thread loop gives, in the same order, including
 * files that are not plans, plans with their own config, and a run that
 * fails on a bad config file.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver } from '../../server/src/node/config';
import { checkFiles, type CheckFilesOptions } from '../../server/src/cli/checkFiles';
import { expandTargets, toPosix } from '../../server/src/cli/files';
import { formatJson } from '../../server/src/cli/formatters/json';
import { checkFilesInParallel, PARALLEL_MIN_FILES } from '../../server/src/cli/parallelCheck';
import { generatePlan } from '../bench/generate';
import { ROOT, runCli, tempDir, useBuiltCli } from './helpers';

/** A folder of plans of every kind: samples, broken samples, generated plans, a binary file, a folder with its own config. */
function corpus(dir: string): void {
  const samples = path.join(ROOT, 'samples');
  for (const name of readdirSync(samples).filter((f) => f.endsWith('.eqplan.yaml'))) copyFileSync(path.join(samples, name), path.join(dir, name));
  mkdirSync(path.join(dir, 'broken'));
  for (const name of readdirSync(path.join(samples, 'broken')).filter((f) => f.endsWith('.eqplan.yaml'))) {
    copyFileSync(path.join(samples, 'broken', name), path.join(dir, 'broken', name));
  }
  mkdirSync(path.join(dir, 'generated'));
  for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, 'generated', `plan-${String(i).padStart(2, '0')}.eqplan.yaml`), generatePlan(1 + (i % 3), 3 + i));
  writeFileSync(path.join(dir, 'generated', 'binary.eqplan.yaml'), Buffer.from([0x65, 0x71, 0, 1, 2, 0xff, 0xfe, 0]));
  mkdirSync(path.join(dir, 'own-config'));
  writeFileSync(path.join(dir, 'own-config', '.eqplanrc.yaml'), 'rules:\n  overdue: error\n  unowned: off\n');
  for (let i = 0; i < 3; i++) writeFileSync(path.join(dir, 'own-config', `team-${i}.eqplan.yaml`), generatePlan(2, 2 + i));
}

function optionsFor(cwd: string, safeFixes = true): CheckFilesOptions {
  return { asOf: '2024-01-31', localToday: '2024-02-01', configs: new ConfigResolver(undefined, (f) => toPosix(path.relative(cwd, f)) || f), fix: false, safeFixes };
}

describe('eqplan check on worker threads', function () {
  this.timeout(120_000);

  it('gives the single-thread results, in the same order, when every file is checked on a worker', async () => {
    const { dir, cleanup } = tempDir();
    try {
      corpus(dir);
      const files = expandTargets(['.'], dir);
      assert.ok(files.length >= 2 * PARALLEL_MIN_FILES, `${files.length} files`);
      const single = await checkFiles(files, optionsFor(dir));
      const setup = { cwd: dir, asOf: '2024-01-31', localToday: '2024-02-01', safeFixes: true };
      const parallel = await checkFilesInParallel(files, optionsFor(dir), setup, 3, true);
      assert.deepStrictEqual(parallel, single);
      assert.ok(single.some((r) => r.findings.some((f) => f.fixes.length > 0)), 'safe fixes are compared too');
      // For a format that shows no fixes (JSON, SARIF) the findings carry none, on either side.
      const bare = await checkFiles(files, optionsFor(dir, false));
      assert.deepStrictEqual(await checkFilesInParallel(files, optionsFor(dir, false), { ...setup, safeFixes: false }, 3, true), bare);
      assert.deepStrictEqual(bare, single.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, fixes: [] })) })));
      // The corpus is worth comparing: findings, a file that is not a plan, and the folder's own config applied.
      assert.ok(single.some((r) => r.error !== undefined));
      assert.ok(single.filter((r) => r.file.startsWith('own-config/')).every((r) => r.findings.every((f) => f.rule !== 'unowned')));
      assert.ok(single.some((r) => r.file.startsWith('own-config/') && r.findings.some((f) => f.rule === 'overdue' && f.severity === 'error')));
      // Sharing the work with this thread gives the same again.
      assert.deepStrictEqual(await checkFilesInParallel(files, optionsFor(dir), setup, 2), single);
    } finally {
      cleanup();
    }
  });

  it('fails on the first bad config file in file order, with the single-thread message', async () => {
    const { dir, cleanup } = tempDir();
    try {
      corpus(dir);
      writeFileSync(path.join(dir, 'own-config', '.eqplanrc.yaml'), 'rules:\n  overdue: loud\n');
      const files = expandTargets(['.'], dir);
      const single = await checkFiles(files, optionsFor(dir)).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(single instanceof Error);
      await assert.rejects(checkFilesInParallel(files, optionsFor(dir), { cwd: dir, asOf: '2024-01-31', localToday: '2024-02-01', safeFixes: true }, 3, true), {
        name: single.name,
        message: single.message,
      });
    } finally {
      cleanup();
    }
  });

  describe('the built command line', () => {
    useBuiltCli();

    it('prints over many plans what the single-thread check gives', async () => {
      const { dir, cleanup } = tempDir();
      try {
        corpus(dir);
        const files = expandTargets(['.'], dir);
        const expected = formatJson(await checkFiles(files, optionsFor(dir)), { failSeverity: 'error', color: false, cwd: dir, version: '', rules: [] });
        const run = runCli(['check', '.', '--format', 'json', '--as-of', '2024-01-31'], { cwd: dir });
        assert.equal(run.stderr, '');
        assert.equal(run.stdout, expected);
        assert.equal(run.status, 1);
      } finally {
        cleanup();
      }
    });
  });
});
