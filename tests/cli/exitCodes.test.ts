/**
 * Exit codes: 0 nothing at or above --fail-severity; 1 findings at or above it
 * or too many warnings; 2 usage errors, missing files and bad config files.
 * Every refusal is one plain line on stderr, never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, hasStackTrace, ROOT, runCli, tempDir } from './helpers';

const SMALL = 'tests/cli/fixtures/small.eqplan.yaml';
/** The small plan, as of a day when it has only warnings (A1 overdue, A2's owner unknown, no schema error with schema off). */
const WARNINGS_ONLY = [SMALL, '--config', 'tests/cli/fixtures/configs/schema-off.eqplanrc.yaml'];

function assertUsageError(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, `exit ${r.status}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line on stderr: ${r.stderr}`);
  assert.ok(r.stderr.startsWith('eqplan: '), r.stderr);
  assert.ok(!hasStackTrace(r.stderr + r.stdout) && !(r.stderr + r.stdout).includes('    at '), r.stderr);
}

describe('eqplan exit codes', function () {
  useBuiltCli();

  it('exits 1 when a finding is at or above --fail-severity (default error)', () => {
    assert.equal(runCli(['check', SMALL]).status, 1);
  });

  it('exits 0 with only warnings by default, 1 with --fail-severity warning', () => {
    assert.equal(runCli(['check', ...WARNINGS_ONLY]).status, 0);
    assert.equal(runCli(['check', ...WARNINGS_ONLY, '--fail-severity', 'warning']).status, 1);
  });

  it('exits 1 for information findings only with --fail-severity information', () => {
    const asOf = ['--as-of', '2023-01-01', '--config', 'tests/cli/fixtures/configs/schema-off.eqplanrc.yaml'];
    const t = tempDir();
    try {
      // A plan whose only finding is `due-soon` (information).
      const plan = ['eqplan: 1', 'organisation: Info Council', 'title: Info plan', 'objectives:', '  - id: O1', '    title: One', '    actions:', '      - id: A1', '        action: Do it', '        owner: Someone', '        due: 2023-01-05', '        rag: green', '        measure: Done', ''].join('\n');
      const file = path.join(t.dir, 'info.eqplan.yaml');
      writeFileSync(file, plan);
      const json = JSON.parse(runCli(['check', file, '--format', 'json', ...asOf]).stdout) as { diagnostics: { rule: string }[] }[];
      assert.deepEqual(json[0].diagnostics.map((d) => d.rule), ['due-soon']);
      assert.equal(runCli(['check', file, ...asOf]).status, 0);
      assert.equal(runCli(['check', file, ...asOf, '--fail-severity', 'warning']).status, 0);
      assert.equal(runCli(['check', file, ...asOf, '--fail-severity', 'information']).status, 1);
    } finally {
      t.cleanup();
    }
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when within it', () => {
    assert.equal(runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '2']).status, 0);
    assert.equal(runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '1']).status, 1);
    assert.equal(runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '0']).status, 1);
  });

  it('--quiet reports errors only but still fails on what it hides', () => {
    const r = runCli(['check', ...WARNINGS_ONLY, '--quiet', '--fail-severity', 'warning']);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /warning  /);
  });

  it('--quiet says what it hid, and never "no problems" when the run fails', () => {
    const passing = runCli(['check', ...WARNINGS_ONLY, '--quiet']);
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.doesNotMatch(passing.stdout, /No problems found/);
    assert.match(passing.stdout, /^\u2714 No errors in 1 plan \(2 warnings and 1 info hidden by --quiet\)\.$/m);

    const failing = runCli(['check', ...WARNINGS_ONLY, '--quiet', '--fail-severity', 'information']);
    assert.equal(failing.status, 1);
    assert.doesNotMatch(failing.stdout, /No problems found|\u2714/);
    assert.match(failing.stdout, /^\u2716 No errors in 1 plan, but the check fails \(2 warnings and 1 info hidden by --quiet\)\.$/m);
    assert.match(failing.stdout, /^2 warnings and 1 info hidden by --quiet are at or above --fail-severity information, so the check fails\.$/m);
    assert.equal(failing.stderr, '');

    const withErrors = runCli(['check', SMALL, '--quiet']);
    assert.equal(withErrors.status, 1);
    assert.match(withErrors.stdout, /^\u2716 1 error in 1 plan \(2 warnings and 1 info hidden by --quiet\)$/m);

    // Machine formats keep stdout as it was and say why on stderr.
    const json = runCli(['check', ...WARNINGS_ONLY, '--quiet', '--fail-severity', 'warning', '--format', 'json']);
    assert.equal(json.status, 1);
    assert.deepEqual(JSON.parse(json.stdout), [{ file: SMALL, diagnostics: [] }]);
    assert.equal(json.stderr, 'eqplan: 2 warnings hidden by --quiet are at or above --fail-severity warning, so the check fails.\n');
  });

  it('says why it fails when warnings exceed --max-warnings, in every format', () => {
    const message = '2 warnings found, more than --max-warnings 1 allows.';
    const stylish = runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '1']);
    assert.equal(stylish.status, 1);
    assert.ok(stylish.stdout.endsWith(`in 1 plan\n${message}\n`), stylish.stdout);
    for (const format of ['json', 'sarif', 'junit', 'markdown', 'github']) {
      const r = runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '1', '--format', format]);
      assert.equal(r.status, 1, format);
      assert.equal(r.stderr, `eqplan: ${message}\n`, format);
      if (format === 'json' || format === 'sarif') assert.doesNotThrow(() => JSON.parse(r.stdout), format);
      if (format === 'junit') assert.ok(r.stdout.startsWith('<?xml') && r.stdout.trimEnd().endsWith('</testsuites>'), r.stdout);
      if (format === 'github') assert.ok(r.stdout.endsWith(`::error title=eqplan::${message}\n`), r.stdout);
    }
    // Written to a file, the stylish report keeps the reason and stderr says it too.
    const t = tempDir();
    try {
      const r = runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '1', '-o', path.join(t.dir, 'out.txt')]);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, `eqplan: ${message}\n`);
    } finally {
      t.cleanup();
    }
    const within = runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '2']);
    assert.doesNotMatch(within.stdout + within.stderr, /--max-warnings/);
  });

  it('--max-warnings -1 means no limit, as in ESLint', () => {
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const r = runCli(['check', ...WARNINGS_ONLY, ...args]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
    }
    assert.equal(runCli(['check', ...WARNINGS_ONLY, '--max-warnings', '-1', '--fail-severity', 'warning']).status, 1);
  });

  it('exits 2 for usage errors, saying what to do', () => {
    assertUsageError(runCli(['check', SMALL, '--format', 'xml']), /--format must be one of stylish, json, sarif, github, junit, markdown, not `xml`/);
    assertUsageError(runCli(['check', SMALL, '--as-of', '2023-02-30']), /--as-of 2023-02-30 is not a real date/);
    assertUsageError(runCli(['check', SMALL, '--as-of', '30/06/2023']), /--as-of needs a date written YYYY-MM-DD/);
    assertUsageError(runCli(['check', SMALL, '--fail-severity', 'hint']), /--fail-severity must be one of error, warning, information/);
    assertUsageError(runCli(['check', SMALL, '--max-warnings', 'ten']), /--max-warnings needs a whole number/);
    assertUsageError(runCli(['check', SMALL, '--colour']), /`--colour` is not an option of this command\. Run `eqplan check --help`/);
    assertUsageError(runCli(['check', SMALL, '--fix=yes']), /`--fix` does not take a value/);
    assertUsageError(runCli(['lint', SMALL]), /`lint` is not an eqplan command/);
    assertUsageError(runCli(['report']), /Name the plan to report on/);
  });

  it('with --format github, also writes the exit-2 line as an ::error workflow command on stdout', () => {
    const missing = runCli(['check', 'no-such-100%.eqplan.yaml', '--format', 'github']);
    assertUsageError(missing, /no-such-100%\.eqplan\.yaml does not exist/);
    assert.equal(missing.stdout, `::error title=eqplan could not run::${missing.stderr.trimEnd().replace(/%/g, '%25')}\n`);

    const badConfig = runCli(['check', SMALL, '--format=github', '--config', 'tests/cli/fixtures/configs/bad.eqplanrc.yaml']);
    assertUsageError(badConfig, /Bad config file/);
    assert.match(badConfig.stdout, /^::error title=eqplan could not run::eqplan: Bad config file: .*not `loud`.*\n$/);

    const badOption = runCli(['check', SMALL, '--format', 'github', '--colour']);
    assertUsageError(badOption, /`--colour` is not an option/);
    assert.match(badOption.stdout, /^::error title=eqplan could not run::eqplan: `--colour` is not an option/);

    // Other formats keep stdout empty.
    assert.equal(runCli(['check', 'no-such-plan.eqplan.yaml', '--format', 'json']).stdout, '');
  });

  it('exits 2 for a file or folder that does not exist', () => {
    assertUsageError(runCli(['check', 'no-such-plan.eqplan.yaml']), /no-such-plan\.eqplan\.yaml does not exist/);
    assertUsageError(runCli(['check', 'no/such/folder']), /no\/such\/folder does not exist/);
  });

  it('exits 2 when nothing to check is found', () => {
    const t = tempDir();
    try {
      writeFileSync(path.join(t.dir, 'notes.yaml'), 'title: not a plan\n');
      assertUsageError(runCli(['check'], { cwd: t.dir }), /No equality plans found in `\.`/);
      assertUsageError(runCli(['check', '*.eqplan.yaml'], { cwd: t.dir }), /No equality plans found in `\*\.eqplan\.yaml`/);
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for a bad config file, naming it and what is wrong', () => {
    assertUsageError(runCli(['check', SMALL, '--config', 'tests/cli/fixtures/configs/bad.eqplanrc.yaml']), /tests\/cli\/fixtures\/configs\/bad\.eqplanrc\.yaml.*`overdue`.*not `loud`/);
    assertUsageError(runCli(['check', SMALL, '--config', 'missing.eqplanrc.yaml']), /The config file missing\.eqplanrc\.yaml does not exist/);
  });

  it('exits 2 for a bad config file found next to the plan', () => {
    const t = tempDir();
    try {
      writeFileSync(path.join(t.dir, '.eqplanrc.yaml'), 'rules: [overdue]\n');
      writeFileSync(path.join(t.dir, 'plan.eqplan.yaml'), 'eqplan: 1\n');
      assertUsageError(runCli(['check', '.'], { cwd: t.dir }), /\.eqplanrc\.yaml.*`rules` must map rule ids to a severity/);
    } finally {
      t.cleanup();
    }
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /eqplan check \[files\|folders\|globs\.\.\.\]/);
    assert.match(runCli(['check', '--help']).stdout, /--max-warnings <n>/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('`npx eqplan` runs the built CLI inside the repository', () => {
    const r = spawnSync('npx', ['--offline', 'eqplan', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('`eqplan rules` lists every rule', () => {
    const r = runCli(['rules']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^overdue +warning +Action is overdue$/m);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string; defaultSeverity: string }[];
    assert.ok(json.some((x) => x.id === 'target-missed' && x.defaultSeverity === 'warning'));
  });
});
