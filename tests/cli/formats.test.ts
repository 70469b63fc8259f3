/**
 * Every output format of `eqplan check`, run through the built CLI on small
 * fixtures, with exact expectations where the format is a contract.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, FIXTURES, runCli, tempDir, type JsonFileResult } from './helpers';

const SMALL = 'tests/cli/fixtures/small.eqplan.yaml';
const OWNER_MESSAGE = '`Head of: Safety, 100%\r\nand Community` (owner of action A2) is not in the owners list. Use one of its ids, such as `equalities-team`, or add it to `owners:`.';
const ANSI = /\u001b\[\d+m/;

/** A plan with 12 errors (bad RAG), 12 warnings (no owner) and 12 notices (ongoing deadline). */
function manyFindingsPlan(): string {
  const actions = Array.from({ length: 12 }, (_, i) =>
    [`      - id: X${i + 1}`, `        action: Action number ${i + 1}`, '        due: ongoing', '        rag: Gren', '        measure: Done when done'].join('\n'),
  );
  return ['eqplan: 1', 'organisation: Budget Borough Council', 'title: Annotation budget plan', 'asOf: 2024-01-31', 'objectives:', '  - id: O1', '    title: Many findings', '    actions:', ...actions, ''].join('\n');
}

describe('eqplan check: output formats', function () {
  useBuiltCli();

  describe('json', () => {
    it('gives one entry per file with 1-based positions and the exact fields', () => {
      const r = runCli(['check', SMALL, '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      const out = JSON.parse(r.stdout) as JsonFileResult[];
      assert.deepEqual(out, [
        {
          file: SMALL,
          diagnostics: [
            {
              rule: 'overdue',
              severity: 'warning',
              message: 'Action A1 was due on 31 Mar 2023, 91 days ago, and is not done. Update its status or agree a new date.',
              line: 18,
              column: 14,
              endLine: 18,
              endColumn: 24,
              path: '/objectives/0/actions/0/due',
            },
            { rule: 'unknown-owner', severity: 'warning', message: OWNER_MESSAGE, line: 23, column: 16, endLine: 23, endColumn: 56, path: '/objectives/0/actions/1/owner' },
            {
              rule: 'due-soon',
              severity: 'information',
              message: 'Action A2 is due on 7 Jul 2023, in 7 days. Check with its owner that it is on track.',
              line: 24,
              column: 14,
              endLine: 24,
              endColumn: 24,
              path: '/objectives/0/actions/1/due',
            },
            {
              rule: 'schema',
              severity: 'error',
              message: "Action A3's `rag` must be red, amber or green, not `Gren`. Did you mean `green`?",
              line: 31,
              column: 14,
              endLine: 31,
              endColumn: 18,
              path: '/objectives/0/actions/2/rag',
            },
          ],
        },
      ]);
    });

    it('writes to --output instead of stdout', () => {
      const t = tempDir();
      try {
        const out = path.join(t.dir, 'sub', 'result.json');
        const r = runCli(['check', SMALL, '--format', 'json', '-o', out]);
        assert.equal(r.status, 1);
        assert.equal(r.stdout, '');
        assert.equal((JSON.parse(readFileSync(out, 'utf8')) as JsonFileResult[])[0].diagnostics.length, 4);
      } finally {
        t.cleanup();
      }
    });
  });

  describe('stylish', () => {
    it('groups findings under the file as line:col severity message rule, with a totals line', () => {
      const r = runCli(['check', SMALL]);
      assert.equal(r.status, 1);
      const lines = r.stdout.split('\n');
      assert.ok(lines.includes(`${SMALL}  (checked as of 2023-06-30)`), r.stdout);
      assert.ok(lines.includes('  18:14  warning  Action A1 was due on 31 Mar 2023, 91 days ago, and is not done. Update its status or agree a new date.  overdue'), r.stdout);
      assert.ok(lines.includes('  24:14  info     Action A2 is due on 7 Jul 2023, in 7 days. Check with its owner that it is on track.  due-soon'), r.stdout);
      assert.ok(lines.includes("  31:14  error    Action A3's `rag` must be red, amber or green, not `Gren`. Did you mean `green`?  schema"), r.stdout);
      assert.ok(lines.includes('\u2716 4 problems (1 error, 2 warnings, 1 info) in 1 plan'), r.stdout);
      // The line break inside the owner's name does not break the line.
      assert.ok(lines.includes('  23:16  warning  `Head of: Safety, 100% and Community` (owner of action A2) is not in the owners list. Use one of its ids, such as `equalities-team`, or add it to `owners:`.  unknown-owner'), r.stdout);
    });

    it('is not coloured when piped, coloured with FORCE_COLOR or --color, and never with --no-color or NO_COLOR', () => {
      assert.doesNotMatch(runCli(['check', SMALL]).stdout, ANSI);
      assert.match(runCli(['check', SMALL], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
      assert.match(runCli(['check', SMALL, '--color']).stdout, ANSI);
      assert.doesNotMatch(runCli(['check', SMALL, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
      assert.doesNotMatch(runCli(['check', SMALL], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, ANSI);
    });

    it('says so when there is nothing to report, and what --quiet hid', () => {
      const t = tempDir();
      try {
        const clean = ['eqplan: 1', 'organisation: Clean Council', 'title: Clean plan', 'objectives:', '  - id: O1', '    title: One', '    actions:', '      - id: A1', '        action: Do it', '        owner: Someone', '        due: 2023-01-05', '        rag: green', '        measure: Done', ''].join('\n');
        writeFileSync(path.join(t.dir, 'clean.eqplan.yaml'), clean);
        const r = runCli(['check', '.', '--as-of', '2022-06-01'], { cwd: t.dir });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /\u2714 No problems found in 1 plan\./);
      } finally {
        t.cleanup();
      }
      // The small plan still has a warning that --quiet hides: the totals line says so.
      const r = runCli(['check', SMALL, '--quiet', '--as-of', '2023-01-01', '--config', 'tests/cli/fixtures/configs/schema-off.eqplanrc.yaml']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, /No problems found/);
      assert.match(r.stdout, /\u2714 No errors in 1 plan \(1 warning hidden by --quiet\)\./);
    });
  });

  describe('github', () => {
    it('writes workflow commands escaped exactly as @actions/core does', () => {
      const t = tempDir();
      try {
        copyFileSync(path.join(FIXTURES, 'small.eqplan.yaml'), path.join(t.dir, 'a,b:c%.eqplan.yaml'));
        const r = runCli(['check', '.', '--format', 'github'], { cwd: t.dir });
        assert.equal(r.status, 1, r.stderr);
        const f = 'file=a%2Cb%3Ac%25.eqplan.yaml';
        assert.deepEqual(r.stdout.split('\n'), [
          `::error ${f},line=31,col=14,endLine=31,endColumn=18,title=eqplan(schema)::Action A3's \`rag\` must be red, amber or green, not \`Gren\`. Did you mean \`green\`?`,
          `::warning ${f},line=18,col=14,endLine=18,endColumn=24,title=eqplan(overdue)::Action A1 was due on 31 Mar 2023, 91 days ago, and is not done. Update its status or agree a new date.`,
          `::warning ${f},line=23,col=16,endLine=23,endColumn=56,title=eqplan(unknown-owner)::\`Head of: Safety, 100%25%0D%0Aand Community\` (owner of action A2) is not in the owners list. Use one of its ids, such as \`equalities-team\`, or add it to \`owners:\`.`,
          `::notice ${f},line=24,col=14,endLine=24,endColumn=24,title=eqplan(due-soon)::Action A2 is due on 7 Jul 2023, in 7 days. Check with its owner that it is on track.`,
          'eqplan: 1 error, 2 warnings, 1 info in 1 plan.',
          '',
        ]);
      } finally {
        t.cleanup();
      }
    });

    it('keeps to 10 annotations per type, most severe first, then one notice about the rest', () => {
      const t = tempDir();
      try {
        writeFileSync(path.join(t.dir, 'many.eqplan.yaml'), manyFindingsPlan());
        const r = runCli(['check', 'many.eqplan.yaml', '--format', 'github'], { cwd: t.dir });
        assert.equal(r.status, 1, r.stderr);
        const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
        const kinds = commands.map((l) => /^::(\w+)/.exec(l)?.[1]);
        assert.deepEqual(kinds, [...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
        // Errors are the bad RAGs of X1..X10 in file order; X11 and X12 are left for the summary.
        assert.match(commands[0], /title=eqplan\(schema\)::Action X1's `rag`/);
        assert.match(commands[9], /title=eqplan\(schema\)::Action X10's `rag`/);
        assert.match(commands[10], /title=eqplan\(unowned\)::Action X1 has no owner/);
        const notices = commands.slice(20);
        assert.equal(notices.filter((l) => l.includes('title=eqplan(open-deadline)')).length, 9);
        const overflow = notices[9];
        assert.match(overflow, /^::notice title=eqplan%3A more findings::7 more findings not shown as annotations/);
        // No job summary is written outside GitHub Actions, so the notice does not point to one.
        assert.doesNotMatch(overflow, /job summary/);
        assert.match(overflow, /eqplan\.sarif/);
        assert.match(overflow, /npx eqplan check/);
      } finally {
        t.cleanup();
      }
    });

    it('lists the findings that did not fit as annotations in the job summary, and says so', () => {
      const t = tempDir();
      try {
        writeFileSync(path.join(t.dir, 'many.eqplan.yaml'), manyFindingsPlan());
        const summaryFile = path.join(t.dir, 'summary.md');
        const r = runCli(['check', 'many.eqplan.yaml', '--format', 'github'], { cwd: t.dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
        assert.equal(r.status, 1, r.stderr);
        const notice = r.stdout.split('\n').find((l) => l.startsWith('::notice title=eqplan%3A more findings::'));
        assert.ok(notice, r.stdout);
        assert.match(notice, /7 more findings not shown as annotations: .* The job summary of this run lists them\. /);
        assert.doesNotMatch(notice, /at most 200 per plan/);
        const md = readFileSync(summaryFile, 'utf8');
        const section = md.slice(md.indexOf('### Findings not shown as annotations'));
        assert.ok(md.includes('### Findings not shown as annotations'), md);
        assert.match(section, /7 findings did not fit/);
        const rows = section.split('\n').filter((l) => /^\| (Error|Warning|Info) \|/.test(l));
        // Most severe first: the bad RAGs of X11 and X12, their missing owners, then the three notices left out.
        assert.deepEqual(
          rows.map((l) => l.split(' | ').slice(0, 3).join(' | ')),
          ['| Error | 62 | `schema`', '| Error | 67 | `schema`', '| Warning | 59 | `unowned`', '| Warning | 64 | `unowned`', '| Info | 56 | `open-deadline`', '| Info | 61 | `open-deadline`', '| Info | 66 | `open-deadline`'],
        );
      } finally {
        t.cleanup();
      }
    });

    it('caps the findings listed in the job summary at 200 per plan, and the notice says so', () => {
      const t = tempDir();
      try {
        const actions = Array.from({ length: 150 }, (_, i) => [`      - id: X${i + 1}`, `        action: Action number ${i + 1}`, '        due: 2023-01', '        rag: Gren', '        measure: Done'].join('\n'));
        writeFileSync(path.join(t.dir, 'huge.eqplan.yaml'), ['eqplan: 1', 'organisation: Big Council', 'title: Big plan', 'asOf: 2024-01-31', 'objectives:', '  - id: O1', '    title: Many', '    actions:', ...actions, ''].join('\n'));
        const summaryFile = path.join(t.dir, 'summary.md');
        const r = runCli(['check', '.', '--format', 'github'], { cwd: t.dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stdout, /::notice title=eqplan%3A more findings::430 more findings not shown as annotations: .* The job summary of this run lists them \(at most 200 per plan, 1,000 findings in all\)\./);
        const md = readFileSync(summaryFile, 'utf8');
        assert.equal(md.split('\n').filter((l) => /^\| (Error|Warning|Info) \|/.test(l)).length, 200);
        assert.match(md, /_230 more findings in this plan not listed here: run `npx eqplan check huge\.eqplan\.yaml` to see them\._/);
        assert.ok(Buffer.byteLength(md) < 200 * 1024, `${Buffer.byteLength(md)} bytes`);
      } finally {
        t.cleanup();
      }
    });

    it('says in the totals what --quiet hid', () => {
      const quiet = ['--quiet', '--config', 'tests/cli/fixtures/configs/schema-off.eqplanrc.yaml'];
      const github = runCli(['check', SMALL, '--format', 'github', ...quiet]);
      assert.equal(github.stdout, 'eqplan: 0 errors in 1 plan (2 warnings and 1 info hidden by --quiet).\n');
      const markdown = runCli(['check', SMALL, '--format', 'markdown', ...quiet]);
      assert.match(markdown.stdout, /^No errors in 1 plan \(2 warnings and 1 info hidden by --quiet\)\.$/m);
      assert.doesNotMatch(markdown.stdout, /No problems found/);
    });

    it('appends a markdown summary to GITHUB_STEP_SUMMARY with counts, overdue actions and missed targets', () => {
      const t = tempDir();
      try {
        const summaryFile = path.join(t.dir, 'summary.md');
        writeFileSync(summaryFile, '# Earlier step\n\nkept\n');
        const r = runCli(['check', 'samples/northfield-improvement-plan.eqplan.yaml', 'samples/broken/missed-targets.eqplan.yaml', '--format', 'github'], {
          env: { GITHUB_STEP_SUMMARY: summaryFile },
        });
        assert.equal(r.status, 0, r.stderr);
        const md = readFileSync(summaryFile, 'utf8');
        assert.ok(md.startsWith('# Earlier step\n\nkept\n'), md);
        assert.match(md, /## eqplan: equality plan check/);
        assert.match(md, /\| samples\/northfield-improvement-plan\.eqplan\.yaml \| 0 \| 3 \| 3 \| 2 \| 1 \| 2023-01-31 \|/);
        assert.match(md, /\| samples\/broken\/missed-targets\.eqplan\.yaml \| 0 \| 2 \| 2 \| 0 \| 2 \| 2023-06-30 \|/);
        assert.match(md, /### Overdue actions/);
        assert.match(md, /\| 1\.3 \| .* \| 62 \|/);
        assert.match(md, /### Missed targets/);
        assert.match(md, /Median gender pay gap/);
      } finally {
        t.cleanup();
      }
    });

    it('cuts the job summary short to stay under 1 MiB', () => {
      const t = tempDir();
      try {
        const summaryFile = path.join(t.dir, 'summary.md');
        writeFileSync(summaryFile, 'x'.repeat(1024 * 1024 - 2500));
        const r = runCli(['check', 'samples', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
        assert.equal(r.status, 1, r.stderr);
        const md = readFileSync(summaryFile, 'utf8');
        assert.ok(Buffer.byteLength(md) < 1024 * 1024, `${Buffer.byteLength(md)} bytes`);
        assert.match(md, /## eqplan: equality plan check/);
        assert.match(md, /cut short to fit GitHub's 1 MiB limit/);
      } finally {
        t.cleanup();
      }
    });

    it('writes no job summary for other formats', () => {
      const t = tempDir();
      try {
        const summaryFile = path.join(t.dir, 'summary.md');
        writeFileSync(summaryFile, '');
        runCli(['check', SMALL, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
        assert.equal(readFileSync(summaryFile, 'utf8'), '');
      } finally {
        t.cleanup();
      }
    });
  });

  describe('junit', () => {
    it('has a testsuite per file and failures for findings at or above --fail-severity, XML-escaped', () => {
      const r = runCli(['check', SMALL, '--format', 'junit']);
      assert.equal(r.status, 1);
      const xml = r.stdout;
      assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="eqplan" tests="4" failures="1" errors="0">'), xml);
      assert.match(xml, new RegExp(`<testsuite name="${SMALL.replace(/\./g, '\\.')}" tests="4" failures="1" errors="0" skipped="0">`));
      assert.match(xml, /<failure message="Action A3&apos;s `rag` must be red, amber or green, not `Gren`\. Did you mean `green`\?" type="schema">/);
      assert.match(xml, /Head of: Safety, 100%&#13;&#10;and Community/);
      assert.equal((xml.match(/<testcase /g) ?? []).length, 4);
      assert.doesNotMatch(xml, /[<>]\s*Head/);

      const strict = runCli(['check', SMALL, '--format', 'junit', '--fail-severity', 'warning']).stdout;
      assert.match(strict, /<testsuites name="eqplan" tests="4" failures="3" errors="0">/);
    });

    it('gives a plan without findings one passing testcase', () => {
      const r = runCli(['check', SMALL, '--format', 'junit', '--quiet', '--config', 'tests/cli/fixtures/configs/schema-off.eqplanrc.yaml']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /<testcase classname="tests\/cli\/fixtures\/small\.eqplan\.yaml" name="no problems found"\/>/);
    });
  });

  describe('markdown', () => {
    it('has a heading, a count table per file and a findings table with line links', () => {
      const r = runCli(['check', SMALL, '--format', 'markdown']);
      assert.equal(r.status, 1);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], '## eqplan: equality plan check');
      assert.ok(lines.includes(`| ${SMALL} | 1 | 2 | 1 |`), r.stdout);
      assert.ok(lines.includes("| Error | [tests/cli/fixtures/small.eqplan.yaml:31](tests/cli/fixtures/small.eqplan.yaml#L31) | `schema` | Action A3's `rag` must be red, amber or green, not `Gren`. Did you mean `green`? |"), r.stdout);
      // The newline inside the owner's name must not break the table row.
      assert.ok(lines.some((l) => l.startsWith('| Warning |') && l.includes('Head of: Safety, 100% and Community') && l.endsWith('|')), r.stdout);
    });

    it('links to the commit on GitHub when run in Actions', () => {
      const r = runCli(['check', SMALL, '--format', 'markdown'], {
        env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'council/plans', GITHUB_SHA: 'abc123' },
      });
      assert.match(r.stdout, /\[tests\/cli\/fixtures\/small\.eqplan\.yaml:18\]\(https:\/\/github\.com\/council\/plans\/blob\/abc123\/tests\/cli\/fixtures\/small\.eqplan\.yaml#L18\)/);
    });
  });
});
