/**
 * Which files `eqplan check` looks at: folders searched recursively for
 * `*.eqplan.yaml|yml` and for other YAML files that start `eqplan: 1`;
 * `.gitignore` honoured; node_modules and .git skipped; globs expanded;
 * paths shown as typed, sorted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, runCli, tempDir, type JsonFileResult } from './helpers';

const PLAN = ['eqplan: 1', 'organisation: Discovery Council', 'title: A plan', 'asOf: 2024-01-01', 'objectives:', '  - id: O1', '    title: One', '    actions: []', ''].join('\n');

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function checkedFiles(args: string[], cwd: string): string[] {
  const r = runCli(['check', ...args, '--format', 'json'], { cwd });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as JsonFileResult[]).map((x) => x.file);
}

describe('eqplan check: finding the plans', function () {
  useBuiltCli();
  let dir: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    write(dir, 'plans/2024.eqplan.yaml', PLAN);
    write(dir, 'plans/older/2019.eqplan.yml', PLAN);
    write(dir, 'plans/equality-plan.yaml', `# Our plan, not named *.eqplan.yaml\n${PLAN}`);
    write(dir, 'plans/plain.yaml', 'name: a workflow\non: push\n');
    write(dir, 'plans/notes.txt', PLAN);
    write(dir, 'plans/drafts/draft.eqplan.yaml', PLAN);
    write(dir, 'plans/.gitignore', 'drafts/\n');
    write(dir, '.gitignore', 'build/\n*.tmp.eqplan.yaml\n');
    write(dir, 'build/copy.eqplan.yaml', PLAN);
    write(dir, 'scratch.tmp.eqplan.yaml', PLAN);
    write(dir, 'node_modules/pkg/plan.eqplan.yaml', PLAN);
    write(dir, '.git/plan.eqplan.yaml', PLAN);
    write(dir, 'Top.eqplan.yaml', PLAN);
  });
  afterEach(() => cleanup());

  it('searches the current folder by default, honouring .gitignore files and skipping node_modules and .git', () => {
    assert.deepEqual(checkedFiles([], dir), ['Top.eqplan.yaml', 'plans/2024.eqplan.yaml', 'plans/equality-plan.yaml', 'plans/older/2019.eqplan.yml']);
  });

  it('finds a YAML file with `eqplan: 1` whatever its name, and ignores plain YAML', () => {
    const files = checkedFiles(['plans'], dir);
    assert.ok(files.includes('plans/equality-plan.yaml'));
    assert.ok(!files.includes('plans/plain.yaml'));
    assert.ok(!files.includes('plans/notes.txt'));
  });

  it('shows paths as typed: relative to the working folder, forward slashes', () => {
    assert.deepEqual(checkedFiles(['./plans/older/'], dir), ['plans/older/2019.eqplan.yml']);
    assert.deepEqual(checkedFiles(['.'], path.join(dir, 'plans', 'older')), ['2019.eqplan.yml']);
    assert.deepEqual(checkedFiles(['../2024.eqplan.yaml'], path.join(dir, 'plans', 'older')), ['../2024.eqplan.yaml']);
  });

  it('takes an explicitly named file as is, even when ignored or not named like a plan', () => {
    assert.deepEqual(checkedFiles(['plans/drafts/draft.eqplan.yaml', 'plans/plain.yaml'], dir), ['plans/drafts/draft.eqplan.yaml', 'plans/plain.yaml']);
  });

  it('expands globs, honouring .gitignore, without duplicates', () => {
    assert.deepEqual(checkedFiles(['**/*.eqplan.y*ml', 'Top.eqplan.yaml'], dir), ['Top.eqplan.yaml', 'plans/2024.eqplan.yaml', 'plans/older/2019.eqplan.yml']);
    assert.deepEqual(checkedFiles(['plans/*.yaml'], dir), ['plans/2024.eqplan.yaml', 'plans/equality-plan.yaml']);
  });
});
