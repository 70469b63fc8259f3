/**
 * The server's use of a plan's git history: the `repeated-slip` finding once
 * the history has been read, the deadline hover, and the preview's
 * "Changes since" section (`eqplan/changes`). Repositories are built in temp
 * folders; the server is the real one, in process.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ChangesRequest, type ChangesResult } from '../../server/src/protocol';
import { pathToUri } from '../../server/src/lsp/workspaceFiles';
import { gitRepo, PLAN, type GitRepo } from '../cli/gitRepo';
import { tempDir } from '../cli/helpers';
import { InProcessClient } from './inProcess';

function change(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const hasSlip = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'repeated-slip');

describe('server: a plan\'s git history', () => {
  let repo: GitRepo;
  let client: InProcessClient;
  let now: string;
  let uri: string;

  beforeEach(async () => {
    repo = gitRepo();
    // Action 1a's deadline moves later three times, by three authors; the last commit leaves it alone.
    repo.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2022-03-01' });
    repo.commit({ 'plan.eqplan.yaml': change(PLAN, 'due: 2022-11', 'due: 2023-01') }, { author: 'Sam Smith', date: '2022-06-10' });
    repo.commit({ 'plan.eqplan.yaml': change(PLAN, 'due: 2022-11', 'due: 2023-03') }, { author: 'Sam Smith', date: '2022-09-12' });
    now = change(change(PLAN, 'due: 2022-11', 'due: 2023-06'), 'rag: green', 'rag: amber');
    repo.commit({ 'plan.eqplan.yaml': now }, { author: 'Ali Khan', date: '2023-01-20' });
    uri = pathToUri(path.join(repo.dir, 'plan.eqplan.yaml'));
    ({ client } = await InProcessClient.start({ localToday: '2023-02-01' }));
  });

  afterEach(async () => {
    await client.stop();
    repo.cleanup();
  });

  it('publishes repeated-slip once the history is read, and the hover on due tells the deadline\'s history', async () => {
    await client.open(uri, now);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && hasSlip(p));
    const slip = published.diagnostics.find((d) => d.code === 'repeated-slip');
    assert.equal(slip?.message, "Action 1a's deadline has been moved later 3 times, 7 months in all: first set to Nov 2022 on 1 Mar 2022, now Jun 2023. Agree a date the service can keep, and say in `updates:` why it moved.");
    assert.deepEqual(slip?.range.start, positionOf(now, '2023-06'));

    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(now, '2023-06') });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*History\*\*: First set to Nov 2022 on 1 Mar 2022 by Jo Bloggs; moved later 3 times, 7 months in all; now Jun 2023 \(since 20 Jan 2023\)\./);
    // Action 1b's deadline never moved.
    const other: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(now, '2023-Q2') });
    assert.match((other.contents as { value: string }).value, /First set to Q2 2023 on 1 Mar 2022 by Jo Bloggs; not changed since\./);
  });

  it('counts a deadline moved in the editor before it is committed, in the finding and the hover', async () => {
    const before = change(PLAN, 'due: 2022-11', 'due: 2023-01');
    repo.git('reset', '-q', '--hard', 'HEAD~2');
    await client.open(uri, before);
    // One move so far: no finding.
    await client.waitForDiagnostics((p) => p.uri === uri);
    // Then a second move, of six months: two moves, but more than 180 days in all.
    const moved = change(before, 'due: 2023-01', 'due: 2023-07');
    await client.change(uri, 2, moved);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2 && hasSlip(p));
    assert.match(String(published.diagnostics.find((d) => d.code === 'repeated-slip')?.message), /moved later twice, 8 months in all: first set to Nov 2022 on 1 Mar 2022, now Jul 2023\./);
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(moved, '2023-07') });
    assert.match((hover.contents as { value: string }).value, /moved later twice, 8 months in all; now Jul 2023 \(not committed yet\)\./);
  });

  it('eqplan/changes lists the changes since the last commit with their lines, and RAG over time', async () => {
    const edited = change(change(now, 'rag: amber\n        measure: Workshops', 'rag: red\n        measure: Workshops'), 'due: 2023-06', 'due: 2023-09');
    await client.open(uri, edited);
    const result: ChangesResult = await client.connection.sendRequest(ChangesRequest.method, { uri });
    assert.ok(result);
    assert.equal(result.base?.label, 'the last commit');
    assert.equal(result.base?.date, '2023-01-20');
    assert.equal(result.notice, undefined);
    const byKind = new Map(result.changes.map((c) => [c.kind, c]));
    assert.deepEqual([...byKind.keys()].sort(), ['deadline-slipped', 'rag-worsened']);
    assert.equal(byKind.get('deadline-slipped')?.source?.line, positionOf(edited, '2023-09').line);
    assert.match(byKind.get('rag-worsened')?.message ?? '', /amber to red/);
    // One point per commit, then the text now: 1a amber and 1b green, then 1b amber, then 1a red.
    assert.deepEqual(result.rag.map((p) => [p.date, p.red, p.amber, p.green]), [
      ['2022-03-01', 0, 1, 1],
      ['2022-06-10', 0, 1, 1],
      ['2022-09-12', 0, 1, 1],
      ['2023-01-20', 0, 2, 0],
      ['2023-02-01', 1, 1, 0],
    ]);
  });

  it('compares with where the branch left its upstream branch, when it has one', async () => {
    const remote = gitRepo();
    try {
      remote.commit({ 'plan.eqplan.yaml': PLAN }, { author: 'Jo Bloggs', date: '2022-03-01' });
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.git('fetch', '-q', 'origin');
      repo.git('branch', '-q', '--set-upstream-to=origin/main');
      await client.open(uri, now);
      const result: ChangesResult = await client.connection.sendRequest(ChangesRequest.method, { uri });
      assert.equal(result?.base?.label, 'origin/main');
      // The fork point is the remote's only commit: every change since is listed.
      assert.ok(result?.changes.some((c) => c.kind === 'deadline-slipped'));
    } finally {
      remote.cleanup();
    }
  });
});

describe('server: a plan outside git', () => {
  it('gets no history and no error: no repeated-slip, a plain hover, and a notice in place of changes', async () => {
    const { dir, cleanup } = tempDir();
    const { client } = await InProcessClient.start({ localToday: '2023-02-01' });
    try {
      const uri = pathToUri(path.join(dir, 'plan.eqplan.yaml'));
      await client.open(uri, PLAN);
      const result: ChangesResult = await client.connection.sendRequest(ChangesRequest.method, { uri });
      assert.deepEqual(result?.changes, []);
      assert.match(result?.notice ?? '', /not in a git repository/);
      const published = await client.waitForDiagnostics((p) => p.uri === uri);
      assert.ok(!hasSlip(published));
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(PLAN, '2022-11') });
      assert.doesNotMatch((hover.contents as { value: string }).value, /History/);
      assert.deepEqual(client.logs.filter((l) => /error|failed/i.test(l)), []);
    } finally {
      await client.stop();
      cleanup();
    }
  });
});
