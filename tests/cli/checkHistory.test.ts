/** `eqplan check` reads a plan's git history for the `repeated-slip` rule (and only then). */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkFiles, checkOneFile } from '../../server/src/cli/checkFiles';
import { ConfigResolver } from '../../server/src/node/config';
import { gitRepo, PLAN, type GitRepo } from './gitRepo';
import { runCli, tempDir, useBuiltCli, type JsonFileResult } from './helpers';

function change(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

function slipMessages(stdout: string): string[] {
  const files = JSON.parse(stdout) as JsonFileResult[];
  return files.flatMap((f) => f.diagnostics.filter((x) => x.rule === 'repeated-slip').map((x) => x.message));
}

describe('eqplan check: repeated-slip from git', () => {
  useBuiltCli();
  let repo: GitRepo;
  beforeEach(() => {
    repo = gitRepo();
    repo.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2022-03-01' });
    repo.commit({ 'plan.eqplan.yaml': change(PLAN, 'due: 2022-11', 'due: 2023-01') }, { author: 'Sam Smith', date: '2022-06-10' });
    repo.commit({ 'plan.eqplan.yaml': change(PLAN, 'due: 2022-11', 'due: 2023-03') }, { author: 'Sam Smith', date: '2022-09-12' });
  });
  afterEach(() => repo.cleanup());

  it('finds a deadline moved a third time, counting the file on disk not committed yet', () => {
    const args = ['check', 'plan.eqplan.yaml', '--as-of', '2023-02-01', '--format', 'json'];
    assert.deepEqual(slipMessages(runCli(args, { cwd: repo.dir }).stdout), [], 'twice is not yet a pattern');
    repo.write('plan.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-04'));
    assert.deepEqual(slipMessages(runCli(args, { cwd: repo.dir }).stdout), [
      "Action 1a's deadline has been moved later 3 times, 5 months in all: first set to Nov 2022 on 1 Mar 2022, now Apr 2023. Agree a date the service can keep, and say in `updates:` why it moved.",
    ]);
  });

  it('gives the same findings on this thread (git read while the plan is parsed, one parse shared) as on a worker (git read first)', async () => {
    // The third move committed: the file on disk is the last version, whose reading the history shares with the check.
    repo.commit({ 'plan.eqplan.yaml': change(PLAN, 'due: 2022-11', 'due: 2023-04') }, { author: 'Sam Smith', date: '2022-12-01' });
    const file = { display: 'plan.eqplan.yaml', absolute: path.join(repo.dir, 'plan.eqplan.yaml') };
    const opts = { asOf: '2023-02-01', localToday: '2023-02-01', configs: new ConfigResolver(undefined), fix: false, safeFixes: true };
    const [here] = await checkFiles([file], opts);
    const there = checkOneFile(file, opts);
    assert.deepEqual(here, there);
    assert.equal(here.findings.filter((f) => f.rule === 'repeated-slip').length, 1, 'the history was read');
    // And with the file on disk ahead of the last commit.
    repo.write('plan.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-06'));
    assert.deepEqual((await checkFiles([file], opts))[0], checkOneFile(file, opts));
  });

  it('follows the config file: the limits, and off', () => {
    const args = ['check', 'plan.eqplan.yaml', '--as-of', '2023-02-01', '--format', 'json'];
    repo.write('.eqplanrc.yaml', 'repeatedSlipTimes: 2\n');
    assert.equal(slipMessages(runCli(args, { cwd: repo.dir }).stdout).length, 1);
    repo.write('.eqplanrc.yaml', 'repeatedSlipTimes: 2\nrules:\n  repeated-slip: off\n');
    assert.equal(slipMessages(runCli(args, { cwd: repo.dir }).stdout).length, 0);
  });

  it('says nothing, and fails nothing, for a plan outside git', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, 'plan.eqplan.yaml'), change(PLAN, 'due: 2022-11', 'due: 2023-04'));
      const r = runCli(['check', '.', '--as-of', '2023-02-01', '--format', 'json'], { cwd: dir });
      assert.equal(r.stderr, '');
      assert.deepEqual(slipMessages(r.stdout), []);
      assert.equal((JSON.parse(r.stdout) as JsonFileResult[]).length, 1, 'the plan was checked');
    } finally {
      cleanup();
    }
  });
});
