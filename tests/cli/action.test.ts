/**
 * The GitHub Action's script (scripts/action/run.sh) run as GitHub runs it:
 * GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP point
 * at temporary files, and `gh` is a stand-in on PATH that records how it was
 * called (the real one would talk to GitHub).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitRepo, PLAN, type GitRepo } from './gitRepo';
import { BIN, ROOT, tempDir, useBuiltCli } from './helpers';

const SCRIPT = path.join(ROOT, 'scripts', 'action', 'run.sh');

describe('GitHub Action script', () => {
  useBuiltCli();
  let repo: GitRepo;
  let work: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = gitRepo();
    work = tempDir();
  });
  afterEach(() => {
    repo.cleanup();
    work.cleanup();
  });

  /** A stand-in `gh`: logs each call; `api .../comments --paginate` answers with `existing` (a comment id, or nothing). */
  function fakeGh(existing: string): string {
    const bin = path.join(work.dir, 'bin');
    mkdirSync(bin);
    const log = path.join(work.dir, 'gh.log');
    writeFileSync(
      path.join(bin, 'gh'),
      `#!/usr/bin/env bash
printf '%s\\n' "$*" >> ${JSON.stringify(log)}
for a in "$@"; do case "$a" in body=@*) cp "\${a#body=@}" ${JSON.stringify(path.join(work.dir, 'posted.md'))};; esac; done
case "$*" in *--paginate*) [ -n "${existing}" ] && echo "${existing}";; esac
exit 0
`,
    );
    chmodSync(path.join(bin, 'gh'), 0o755);
    return bin;
  }

  function runAction(opts: { existingComment: string; event: unknown }): { status: number | null; stdout: string; outputs: string; summary: string; ghCalls: string[]; posted: string } {
    const bin = fakeGh(opts.existingComment);
    const event = path.join(work.dir, 'event.json');
    writeFileSync(event, JSON.stringify(opts.event));
    const outputs = path.join(work.dir, 'output');
    const summary = path.join(work.dir, 'summary.md');
    writeFileSync(outputs, '');
    writeFileSync(summary, '');
    const r = spawnSync('bash', [SCRIPT], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: {
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: process.env.HOME,
        GIT_CONFIG_GLOBAL: '/dev/null',
        EQPLAN: `${process.execPath} ${BIN}`,
        INPUT_PLANS: '.',
        INPUT_FAIL_ON: 'error',
        INPUT_COMMENT: 'true',
        GITHUB_EVENT_PATH: event,
        GITHUB_BASE_REF: 'main',
        GITHUB_REPOSITORY: 'council/plans',
        GITHUB_OUTPUT: outputs,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: work.dir,
      },
    });
    const read = (f: string): string => {
      try {
        return readFileSync(f, 'utf8');
      } catch {
        return '';
      }
    };
    return { status: r.status, stdout: r.stdout, outputs: read(outputs), summary: read(summary), ghCalls: read(path.join(work.dir, 'gh.log')).trim().split('\n').filter(Boolean), posted: read(path.join(work.dir, 'posted.md')) };
  }

  function pullRequestWithDeletedAction(): void {
    repo.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ 'plan.eqplan.yaml': PLAN.replace(/      - id: 1b\n(        .*\n){5}/, '').replace('due: 2022-11', 'due: 2023-03') }, { author: 'Sam Smith', date: '2023-02-01' });
  }

  it('checks, annotates the changes, writes the summary and outputs, posts one comment and fails on an error-level change', () => {
    pullRequestWithDeletedAction();
    const r = runAction({ existingComment: '', event: { pull_request: { number: 42, base: { ref: 'main' } } } });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^::error file=plan\.eqplan\.yaml,line=\d+,endLine=\d+,title=eqplan diff%3A action-removed::Action 1b, due Q2 2023, was deleted while still open/m);
    assert.match(r.stdout, /^::warning file=plan\.eqplan\.yaml,line=13,endLine=13,title=eqplan diff%3A deadline-slipped::/m);
    assert.match(r.outputs, /^check-status=\d$/m);
    assert.match(r.outputs, /^diff-status=1$/m);
    assert.match(r.outputs, /^changes=2$/m);
    assert.match(r.summary, /^<!-- eqplan-diff -->\n### eqplan: what this change does to the plan/m);
    assert.deepEqual(r.ghCalls.map((c) => c.replace(/body=@\S+/, 'body=@FILE')), [
      "api repos/council/plans/issues/42/comments --paginate --jq .[] | select(.body | startswith(\"<!-- eqplan-diff -->\")) | .id",
      'api --method POST repos/council/plans/issues/42/comments -F body=@FILE',
    ]);
    assert.match(r.posted, /\*\*1 error and 1 warning\*\*/);
  });

  it('updates its own comment instead of adding another on the next push', () => {
    pullRequestWithDeletedAction();
    const r = runAction({ existingComment: '987', event: { pull_request: { number: 42, base: { ref: 'main' } } } });
    assert.equal(r.ghCalls[1].replace(/body=@\S+/, 'body=@FILE'), 'api --method PATCH repos/council/plans/issues/comments/987 -F body=@FILE');
  });

  it('outside a pull request only checks', () => {
    repo.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    const r = spawnSync('bash', [SCRIPT], { cwd: repo.dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, EQPLAN: `${process.execPath} ${BIN}`, GITHUB_OUTPUT: path.join(work.dir, 'out') } });
    assert.match(r.stdout, /not a pull request, so there is no base branch to compare with; only the check ran/);
    assert.match(readFileSync(path.join(work.dir, 'out'), 'utf8'), /^diff-status=$/m);
  });
});
