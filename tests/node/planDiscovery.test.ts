/**
 * One discovery, two front doors: `eqplan check` (cli/files.ts) and the
 * language server's workspace scan (lsp/workspaceFiles.ts) find the same
 * plans in the same folder, and read them the same strict way, with the same
 * messages as `eqplan report`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkFiles } from '../../server/src/cli/checkFiles';
import { UsageError } from '../../server/src/cli/errors';
import { expandTargets } from '../../server/src/cli/files';
import { runReport } from '../../server/src/cli/reportCommand';
import { MAX_PLAN_BYTES } from '../../server/src/core/planFiles';
import { ConfigResolver } from '../../server/src/node/config';
import { findPlanFiles as findOnDisk, isPlanFile, readPlanFile } from '../../server/src/node/planDiscovery';
import { DiskChecks, findPlanFiles as workspacePlanFiles } from '../../server/src/lsp/workspaceFiles';
import { tempDir } from '../cli/helpers';

const PLAN = ['eqplan: 1', 'organisation: Discovery Council', 'title: A plan', 'asOf: 2024-01-01', 'objectives:', '  - id: O1', '    title: One', '    actions: []', ''].join('\n');

function write(root: string, rel: string, content: string | Uint8Array): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Over the size limit, starting with the marker. */
function big(): string {
  return `eqplan: 1\n${'# padding\n'.repeat(Math.ceil(MAX_PLAN_BYTES / 10) + 10)}`;
}

describe('plan discovery: the CLI and the workspace scan agree', function () {
  this.timeout(60_000);
  let dir: string;
  let cleanup: () => void;

  before(() => {
    ({ dir, cleanup } = tempDir());
    write(dir, 'Top.eqplan.yaml', PLAN);
    write(dir, 'plans/2024.eqplan.yml', PLAN);
    write(dir, 'plans/by-marker.yaml', `# Our plan, not named *.eqplan.yaml\n${PLAN}`);
    write(dir, 'plans/workflow.yaml', 'name: CI\non: push\n');
    write(dir, 'plans/notes.txt', PLAN);
    write(dir, 'plans/.eqplanrc.yaml', 'rules:\n  overdue: warning\n');
    write(dir, '.gitignore', 'drafts/\n*.tmp.eqplan.yaml\n.cache/\n');
    write(dir, 'drafts/draft.eqplan.yaml', PLAN);
    write(dir, 'scratch.tmp.eqplan.yaml', PLAN);
    write(dir, 'plans/.gitignore', 'old/*\n!old/keep.eqplan.yaml\n');
    write(dir, 'plans/old/gone.eqplan.yaml', PLAN);
    write(dir, 'plans/old/keep.eqplan.yaml', PLAN);
    // Hidden folders are searched unless ignored: CI checks a plan in `.github/`, so the editor does too.
    write(dir, '.github/equality.eqplan.yaml', PLAN);
    write(dir, '.cache/copy.eqplan.yaml', PLAN);
    write(dir, 'node_modules/pkg/plan.eqplan.yaml', PLAN);
    write(dir, '.git/plan.eqplan.yaml', PLAN);
    write(dir, 'big/huge.eqplan.yaml', big());
    write(dir, 'big/huge-by-marker.yaml', big());
    write(dir, 'encodings/utf16.yaml', utf16le(PLAN));
    write(dir, 'encodings/utf16.eqplan.yaml', utf16le(PLAN));
    write(dir, 'encodings/ansi.yaml', Buffer.concat([Buffer.from('eqplan: 1\norganisation: Caf'), Buffer.from([0xe9]), Buffer.from(' Council\n')]));
  });
  after(() => cleanup());

  const expected = [
    '.github/equality.eqplan.yaml',
    'Top.eqplan.yaml',
    'big/huge.eqplan.yaml',
    'encodings/ansi.yaml',
    'encodings/utf16.eqplan.yaml',
    'encodings/utf16.yaml',
    'plans/2024.eqplan.yml',
    'plans/by-marker.yaml',
    'plans/old/keep.eqplan.yaml',
  ];
  const relative = (files: readonly string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

  it('`eqplan check <folder>` and the workspace scan list the same plans', () => {
    const cli = expandTargets(['.'], dir).map((f) => f.absolute);
    const server = workspacePlanFiles([dir]);
    assert.deepEqual(relative(cli), expected);
    assert.deepEqual(relative(server), expected);
    assert.deepEqual([...cli].sort(), server);
  });

  it('finds a plan by its marker only in YAML files of at most 10 MB that are not config files', () => {
    assert.ok(isPlanFile(path.join(dir, 'plans/by-marker.yaml')));
    assert.ok(!isPlanFile(path.join(dir, 'big/huge-by-marker.yaml')));
    assert.ok(isPlanFile(path.join(dir, 'big/huge.eqplan.yaml')), 'a plan by name is a plan whatever its size; reading it says it is too big');
    assert.ok(!isPlanFile(path.join(dir, 'plans/notes.txt')));
    assert.ok(!isPlanFile(path.join(dir, 'plans/.eqplanrc.yaml')));
    assert.ok(!isPlanFile(path.join(dir, 'no-such-file.yaml')));
  });

  it('lets the workspace scan stop after a number of folder entries, and searches several folders once', () => {
    assert.ok(findOnDisk([dir], { maxEntries: 3 }).length < expected.length);
    assert.deepEqual(findOnDisk([dir, path.join(dir, 'plans')]), workspacePlanFiles([dir]));
  });

  it('`eqplan check` and the workspace scan give a file that is not a UTF-8 plan the same finding', async () => {
    const configs = new ConfigResolver(undefined);
    const disk = new DiskChecks();
    for (const rel of ['big/huge.eqplan.yaml', 'encodings/utf16.yaml', 'encodings/ansi.yaml']) {
      const absolute = path.join(dir, rel);
      const name = path.basename(rel);
      const [cli] = await checkFiles([{ display: name, absolute }], { configs, fix: false, safeFixes: true, localToday: '2024-01-15' });
      const server = disk.check(absolute, { localToday: '2024-01-15' });
      assert.ok(server, rel);
      assert.equal(cli.findings.length, 1, rel);
      assert.deepEqual(server.result.findings, cli.findings, rel);
    }
    const messages = ['big/huge.eqplan.yaml', 'encodings/utf16.yaml', 'encodings/ansi.yaml'].map((rel) => disk.check(path.join(dir, rel), { localToday: '2024-01-15' })?.result.findings[0].message ?? '');
    assert.match(messages[0], /^huge\.eqplan\.yaml is not a text plan file eqplan can check: it is 10\.0 MB, over the 10 MB limit/);
    assert.match(messages[1], /^utf16\.yaml is saved as Unicode \(UTF-16\) text/);
    assert.match(messages[2], /^ansi\.yaml is not saved as UTF-8 text: line 2 /);
  });

  it('the workspace scan checks a UTF-8 plan on disk as the CLI does', async () => {
    const absolute = path.join(dir, 'plans/by-marker.yaml');
    const [cli] = await checkFiles([{ display: 'by-marker.yaml', absolute }], { configs: new ConfigResolver(undefined), fix: false, safeFixes: true, localToday: '2024-01-15' });
    assert.deepEqual(new DiskChecks().check(absolute, { localToday: '2024-01-15' })?.result.findings, cli.findings);
  });

  it('`eqplan report` refuses a file that is not a UTF-8 plan with the message `check` gives', () => {
    for (const rel of ['encodings/ansi.yaml', 'encodings/utf16.eqplan.yaml', 'big/huge.eqplan.yaml']) {
      const read = readPlanFile(path.join(dir, rel), rel);
      assert.ok(!read.ok, rel);
      assert.throws(
        () => runReport({ command: 'report', plan: rel, output: path.join(dir, 'out.html') }, dir),
        (e: unknown) => e instanceof UsageError && e.message === read.problem.message,
        rel,
      );
    }
  });
});
