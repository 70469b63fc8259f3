import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { gitRepo, PLAN, type GitRepo } from './gitRepo';
import { FIXTURES, runCli, tempDir, useBuiltCli } from './helpers';


function change(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

describe('eqplan diff', () => {
  useBuiltCli();
  let repo: GitRepo;
  beforeEach(() => {
    repo = gitRepo();
  });
  afterEach(() => repo.cleanup());

  it('compares two files; exit 1 on an error-level change, 0 otherwise; --fail-on lowers the bar', () => {
    repo.write('old.eqplan.yaml', PLAN);
    repo.write('new.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-03'));
    const slip = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml'], { cwd: repo.dir });
    assert.equal(slip.status, 0, slip.stderr);
    assert.match(slip.stdout, /13 +warning +Action 1a's deadline moved from Nov 2022 to Mar 2023, about 4 months \(121 days\) later\. +deadline-slipped/);
    assert.match(slip.stdout, /1 warning\.$/m);
    assert.equal(runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml', '--fail-on', 'warning'], { cwd: repo.dir }).status, 1);
    repo.write('new.eqplan.yaml', PLAN.replace(/      - id: 1b\n(        .*\n){5}/, ''));
    const removed = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml', '--format', 'json'], { cwd: repo.dir });
    assert.equal(removed.status, 1);
    const json = JSON.parse(removed.stdout) as { files: { changes: { kind: string; severity: string }[] }[] };
    assert.deepEqual(json.files[0].changes.map((c) => [c.kind, c.severity]), [['action-removed', 'error']]);
  });

  it('--base reads the old versions from git: modified, added, deleted and renamed plans; other YAML is not a plan', () => {
    repo.commit({ 'plans/a.eqplan.yaml': PLAN, 'plans/b.eqplan.yaml': PLAN, 'plans/c.eqplan.yaml': change(PLAN, 'title: Equality Action Plan', 'title: Workforce plan'), 'config.yaml': 'x: 1\n' }, { author: 'Jo Bloggs', date: '2023-01-10' });
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ 'plans/a.eqplan.yaml': change(PLAN, 'rag: amber', 'rag: red'), 'plans/b.eqplan.yaml': null, 'config.yaml': 'x: 2\n' }, { author: 'Sam Smith', date: '2023-02-01' });
    repo.git('mv', 'plans/c.eqplan.yaml', 'plans/renamed.eqplan.yaml');
    repo.write('plans/new.eqplan.yaml', PLAN);
    const r = runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { base: string; head: string; files: { file?: string; oldFile?: string; status: string; changes: { kind: string }[] }[] };
    assert.equal(out.head, 'the working tree');
    const byStatus = Object.fromEntries(out.files.map((f) => [f.status, f]));
    assert.deepEqual(byStatus.modified.changes.map((c) => c.kind), ['rag-worsened']);
    assert.equal(byStatus.modified.file, 'plans/a.eqplan.yaml');
    assert.equal(byStatus.removed.oldFile, 'plans/b.eqplan.yaml');
    assert.deepEqual(byStatus.removed.changes.map((c) => c.kind).sort(), ['action-removed', 'action-removed', 'objective-removed', 'target-removed']);
    assert.equal(byStatus.renamed.oldFile, 'plans/c.eqplan.yaml');
    assert.equal(byStatus.renamed.file, 'plans/renamed.eqplan.yaml');
    assert.deepEqual(byStatus.renamed.changes, []);
    assert.equal(byStatus.added.file, 'plans/new.eqplan.yaml');
    assert.equal(out.files.length, 4, 'config.yaml is not a plan');
  });

  it('--base compares with where the branch left the base, as a pull request does; --head names the new version', () => {
    repo.commit({ 'p.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ 'p.eqplan.yaml': change(PLAN, 'due: 2023-Q2', 'due: 2023-Q4') }, { author: 'Sam Smith', date: '2023-02-01' });
    repo.git('checkout', '-q', 'main');
    // main moves on after the branch left it: that is not part of the branch's change.
    repo.commit({ 'p.eqplan.yaml': change(PLAN, 'rag: green', 'rag: amber') }, { author: 'Jo Bloggs', date: '2023-02-05' });
    const r = runCli(['diff', '--base', 'main', '--head', 'change', '--format', 'json'], { cwd: repo.dir });
    const out = JSON.parse(r.stdout) as { head: string; files: { changes: { kind: string }[] }[] };
    assert.deepEqual(out.files[0].changes.map((c) => c.kind), ['deadline-slipped']);
    assert.match(out.head, /^change \([0-9a-f]{7}\)$/);
  });

  it('writes one pull-request comment in markdown (golden)', () => {
    repo.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    repo.git('checkout', '-q', '-b', 'change');
    let next = change(PLAN, 'due: 2022-11', 'due: 2023-06');
    next = change(next, 'rag: green', 'rag: red');
    next = change(next, 'owner: hr\n        due: 2023-Q2', 'owner: TBC\n        due: 2023-Q2');
    next = change(next, '{ date: 2024-03-31, value: 8 }', '{ date: 2025-03-31, value: 9 }');
    next = change(next, '{ date: 2023-03-31, value: 11.5 }', '{ date: 2023-03-31, value: 10.9 }');
    repo.commit({ 'plan.eqplan.yaml': next }, { author: 'Sam Smith', date: '2023-02-01' });
    const r = runCli(['diff', '--base', 'main', '--head', 'change', '--format', 'markdown'], {
      cwd: repo.dir,
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'council/plans', GITHUB_SHA: 'abc123' },
    });
    assert.equal(r.status, 0, r.stderr);
    const golden = path.join(FIXTURES, 'diff', 'comment.md');
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, r.stdout);
    assert.equal(r.stdout, readFileSync(golden, 'utf8'));
  });

  it('annotates the changed lines of the new version in the github format, within the annotation budget', () => {
    repo.write('old.eqplan.yaml', PLAN);
    repo.write('new.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-03'));
    const r = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml', '--format', 'github'], { cwd: repo.dir });
    assert.equal(r.stdout, "::warning file=new.eqplan.yaml,line=13,endLine=13,title=eqplan diff%3A deadline-slipped::Action 1a's deadline moved from Nov 2022 to Mar 2023, about 4 months (121 days) later.\n");
    // 30 slipped deadlines: 10 warnings shown, and a notice saying how many more.
    const many = (due: string): string => PLAN.replace(/    actions:\n[\s\S]*?(?=targets:)/, `    actions:\n${Array.from({ length: 30 }, (_, i) => `      - { id: a${i}, action: Action number ${i}, owner: hr, due: ${due}, rag: green, measure: Done }\n`).join('')}`);
    repo.write('old.eqplan.yaml', many('2023-01'));
    repo.write('new.eqplan.yaml', many('2023-05'));
    const lines = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml', '--format', 'github'], { cwd: repo.dir }).stdout.trim().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('::warning')).length, 10);
    assert.match(lines[lines.length - 1], /^::notice title=eqplan diff::20 more changes than GitHub shows/);
  });

  it('keeps the markdown comment under GitHub\'s 65,536 characters and says what it left out', () => {
    const many = (due: string): string => PLAN.replace(/    actions:\n[\s\S]*?(?=targets:)/, `    actions:\n${Array.from({ length: 2000 }, (_, i) => `      - { id: a${i}, action: Action number ${i} with a long enough description to take room, owner: hr, due: ${due}, rag: green, measure: Done }\n`).join('')}`);
    repo.write('old.eqplan.yaml', many('2023-01'));
    repo.write('new.eqplan.yaml', many('2023-05'));
    const r = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml', '--format', 'markdown'], { cwd: repo.dir });
    assert.ok(r.stdout.length <= 65_536, `${r.stdout.length} characters`);
    assert.match(r.stdout, /_\d+ more changes do not fit in one comment\./);
  });

  it('takes severities from `changes:` in the config file', () => {
    repo.write('.eqplanrc.yaml', 'changes: { deadline-slipped: error }\n');
    repo.write('old.eqplan.yaml', PLAN);
    repo.write('new.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-03'));
    assert.equal(runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml'], { cwd: repo.dir }).status, 1);
    repo.write('.eqplanrc.yaml', 'changes: { deadline-slip: error }\n');
    const bad = runCli(['diff', 'old.eqplan.yaml', 'new.eqplan.yaml'], { cwd: repo.dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /`deadline-slip` is not a kind of change eqplan diff reports/);
  });

  it('says plainly when --base is used outside git, or names a ref git does not have', () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = runCli(['diff', '--base', 'main'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not in a git repository/);
    } finally {
      cleanup();
    }
    repo.commit({ 'p.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    const r = runCli(['diff', '--base', 'origin/main'], { cwd: repo.dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /`origin\/main` is not a branch, tag or commit this repository has\. In GitHub Actions, check out with `fetch-depth: 0`/);
  });
});

describe('eqplan history', () => {
  useBuiltCli();
  let repo: GitRepo;
  beforeEach(() => {
    repo = gitRepo();
  });
  afterEach(() => repo.cleanup());

  it('shows each deadline an action had over 20 commits, who set it and when, and how far it slipped', () => {
    const dues = ['2022-11', '2022-11', '2022-11', '2022-11', '2022-11', '2023-01', '2023-01', '2023-01', '2023-01', '2023-01', '2023-01', '2023-03', '2023-03', '2023-03', '2023-03', '2023-03', '2023-03', '2023-06', '2023-06', '2023-06'];
    dues.forEach((due, i) => {
      const day = `2022-${String(3 + Math.floor(i / 3)).padStart(2, '0')}-${String(1 + (i % 3) * 7).padStart(2, '0')}`;
      const text = change(change(PLAN, 'due: 2022-11', `due: ${due}`), '{ date: 2023-03-31, value: 11.5 }', `{ date: 2023-03-31, value: ${11 + i / 10} }`);
      // The plan is renamed half way: its history follows it.
      const name = i < 10 ? 'old-name.eqplan.yaml' : 'plan.eqplan.yaml';
      if (i === 10) repo.git('mv', 'old-name.eqplan.yaml', 'plan.eqplan.yaml');
      repo.commit({ [name]: i === 7 ? change(text, 'rag: amber', 'rag: red') : text }, { author: i < 12 ? 'Jo Bloggs' : 'Sam Smith', date: day });
    });
    const r = runCli(['history', 'plan.eqplan.yaml'], { cwd: repo.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^plan\.eqplan\.yaml: 20 versions, 1 Mar 2022 to 8 Sep 2022$/m);
    assert.match(r.stdout, /^Action 1a: First set to Nov 2022 on 1 Mar 2022 by Jo Bloggs; moved later 3 times, 7 months in all; now Jun 2023 \(since 15 Aug 2022\)\.$/m);
    assert.match(r.stdout, /deadline  Jan 2023 +15 Apr 2022 by Jo Bloggs  \(62 days later\)/);
    assert.match(r.stdout, /deadline  Mar 2023 +15 Jun 2022 by Jo Bloggs  \(59 days later\)/);
    assert.match(r.stdout, /RAG +amber \(1 Mar 2022\) → red \(8 May 2022\) → amber \(15 May 2022\)/);
    assert.match(r.stdout, /^1 other action has kept the same deadline and RAG\.$/m);
    const json = JSON.parse(runCli(['history', 'plan.eqplan.yaml', '--format', 'json'], { cwd: repo.dir }).stdout) as { actions: { id: string; slips: number; slippedDays: number; deadlines: { due: string; author: string }[] }[] };
    const a = json.actions.find((x) => x.id === '1a');
    assert.deepEqual(a?.deadlines.map((d) => d.due), ['2022-11', '2023-01', '2023-03', '2023-06']);
    assert.equal(a?.slips, 3);
    assert.equal(a?.slippedDays, 212);
  });

  it('counts uncommitted edits as the newest version', () => {
    repo.commit({ 'p.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2023-01-10' });
    repo.write('p.eqplan.yaml', change(PLAN, 'due: 2022-11', 'due: 2023-02'));
    const r = runCli(['history', 'p.eqplan.yaml'], { cwd: repo.dir });
    assert.match(r.stdout, /deadline  Feb 2023 +not yet committed  \(90 days later\)/);
  });

  it('says plainly when the plan is not in git', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, 'p.eqplan.yaml'), PLAN);
      const r = runCli(['history', 'p.eqplan.yaml'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /is not in a git repository/);
    } finally {
      cleanup();
    }
  });
});
