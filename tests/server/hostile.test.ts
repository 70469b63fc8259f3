/**
 * The bundled server over stdio, spoken to by a careless or broken editor:
 * requests out of order, null and ill-typed params, positions far outside the
 * document, ill-formed notifications, versions that go backwards, requests
 * after shutdown, and an editor that never answers the settings request. The
 * server answers each with a proper LSP error or an empty result, keeps
 * working, and exits only on `exit`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { buildServer, REPO, TestClient } from './lspClient';

const SAMPLE_TEXT = readFileSync(path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml'), 'utf8');
const code = (expected: number) => (e: { code: number }) => e.code === expected;

async function initialize(client: TestClient, root: string, capabilities: object = { workspace: { configuration: true } }): Promise<void> {
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities });
  await client.connection.sendNotification('initialized', {});
}

describe('language server: a careless or broken editor', function () {
  this.timeout(60_000);
  let workspace: string;
  before(() => {
    buildServer();
    workspace = mkdtempSync(path.join(tmpdir(), 'eqplan-hostile-'));
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('answers requests before initialize with ServerNotInitialized, and a second initialize with InvalidRequest', async () => {
    const client = new TestClient();
    try {
      await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///a.eqplan.yaml' }, position: { line: 0, character: 0 } }), code(-32002));
      await initialize(client, workspace);
      await assert.rejects(client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), code(-32600));
    } finally {
      client.process.kill();
    }
  });

  it('survives ill-formed params and notifications, positions far outside the text and versions that go backwards', async () => {
    const client = new TestClient();
    client.settings = { asOf: '2019-12-31', debounceMs: 50 };
    try {
      await initialize(client, workspace, { workspace: { configuration: true, workspaceFolders: true } });
      const uri = pathToFileURL(path.join(workspace, 'plan.eqplan.yaml')).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 10, text: SAMPLE_TEXT } });
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === 10);

      // null params: InvalidParams, not an internal error.
      for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/definition', 'textDocument/references', 'textDocument/rename', 'textDocument/foldingRange', 'textDocument/codeLens', 'textDocument/inlayHint', 'textDocument/diagnostic', 'workspace/symbol', 'workspace/diagnostic']) {
        await assert.rejects(client.connection.sendRequest(method, null), code(-32602), method);
      }
      // Ill-typed parts of otherwise good requests.
      const doc = { textDocument: { uri } };
      const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await assert.rejects(client.connection.sendRequest('textDocument/codeAction', { ...doc, context: { diagnostics: [] } }), code(-32602), 'code action without a range');
      await assert.rejects(client.connection.sendRequest('textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 'x' }, end: { line: 5, character: 0 } } }), code(-32602), 'inlay hint character not a number');
      const backwards = { start: { line: 400, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepEqual(
        await client.connection.sendRequest('textDocument/inlayHint', { ...doc, range: backwards }),
        await client.connection.sendRequest('textDocument/inlayHint', { ...doc, range: { start: backwards.end, end: backwards.start } }),
        'a range made backwards is turned round',
      );
      await assert.rejects(client.connection.sendRequest('workspace/symbol', 'x'), code(-32602), 'workspace symbol params that are text');
      await assert.rejects(client.connection.sendRequest('textDocument/references', { ...doc, position: { line: 0, character: 0 }, context: 'x' }), code(-32602), 'references context that is text');
      assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/codeAction', { ...doc, range: origin, context: { diagnostics: [] } })));

      // A line far past the end answers at once with nothing; a character past the end of a line is the line's end.
      const far = (await client.connection.sendRequest('textDocument/completion', { ...doc, position: { line: 1_000_000_000, character: 0 } })) as CompletionList;
      assert.deepEqual(far.items, []);
      const ragLine = SAMPLE_TEXT.split('\n').findIndex((l) => /^\s+rag: $/.test(l) || /^\s+rag: \w+$/.test(l));
      const wide = (await client.connection.sendRequest('textDocument/completion', { ...doc, position: { line: ragLine, character: 1_000_000_000 } })) as CompletionList;
      const lineLength = SAMPLE_TEXT.split('\n')[ragLine].length;
      assert.ok(wide.items.length > 0);
      assert.ok(wide.items.every((i) => (i.textEdit as TextEdit).range.end.character === lineLength), 'edits end at the end of the line');

      // Ill-formed didOpen notifications are ignored; they do not become documents that break workspace features.
      for (const textDocument of [{ uri: 7, languageId: 'yaml', version: 1, text: 'eqplan: 1\n' }, { uri: `${uri}.2`, languageId: 'yaml', version: 1 }, null]) {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument });
      }
      await client.connection.sendNotification('workspace/didChangeConfiguration', null);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'x' });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [null, { uri: 3, type: 1 }] });
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: '1a' })) as { name: string }[];
      assert.ok(symbols.length > 0, 'workspace symbols still work');
      assert.ok(!client.logs.some((l) => /failed|TypeError/.test(l)), client.logs.join('\n'));
      assert.ok(client.logs.some((l) => /ignored a didOpen notification that is not well formed/.test(l)));

      // A version lower than the last one published (a reopen, a client that restarted its count) is still checked and published.
      const edited = SAMPLE_TEXT.replace(/rag: green/g, 'rag: purple');
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: edited }] });
      const lower = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 3);
      assert.ok(lower.diagnostics.some((d) => /purple/.test(String(d.message))), 'the findings are those of the new text');
      // And a change that brings the version back to the one it was opened with is an edit like any other.
      const from = client.diagnosticsFor(uri).length;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: edited.replace(/rag: purple/g, 'rag: mauve') }] });
      const again = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 10 && client.diagnosticsFor(uri).indexOf(p) >= from);
      assert.ok(again.diagnostics.some((d) => /mauve/.test(String(d.message))));
      assert.equal(client.process.exitCode, null, 'the server is still running');
    } finally {
      client.process.kill();
    }
  });

  it('answers a request cancelled while it waits for the pause in typing at once, with RequestCancelled', async () => {
    const client = new TestClient();
    client.settings = { debounceMs: 5000 };
    try {
      await initialize(client, workspace);
      const uri = pathToFileURL(path.join(workspace, 'waiting.eqplan.yaml')).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SAMPLE_TEXT } });
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `# edited\n${SAMPLE_TEXT}` }] });
      const source = new CancellationTokenSource();
      const waiting = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
      setTimeout(() => source.cancel(), 100);
      // The pause is 5 seconds away (the longest the setting allows): only an answer to the cancellation can come before this test's time runs out.
      await assert.rejects(waiting, code(-32800));
      assert.equal(client.diagnostics.some((p) => p.uri === uri && p.version === 2), false, 'still before the pause');
    } finally {
      client.process.kill();
    }
  });

  it('skips input that is not LSP framing and goes on answering (it does not go deaf)', async function () {
    this.timeout(15_000); // a deaf server never answers: fail rather than wait
    const client = new TestClient();
    try {
      await initialize(client, workspace);
      for (const garbage of ['Content-Length: abc\r\n\r\n{}', 'Content-Length: -5\r\n\r\n', Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])]) {
        client.process.stdin!.write(garbage);
        const answer = await client.connection.sendRequest('workspace/symbol', { query: 'nothing-matches-this' });
        assert.deepEqual(answer, [], `answered after ${JSON.stringify(String(garbage))}`);
      }
      assert.match(client.logs.join(''), /skipped .*not LSP/);
      assert.equal(client.process.exitCode, null);
    } finally {
      client.process.kill();
    }
  });

  it('after shutdown, answers requests with InvalidRequest and publishes nothing, then exits with 0', async () => {
    const client = new TestClient();
    client.settings = { debounceMs: 20 };
    await initialize(client, workspace);
    const uri = pathToFileURL(path.join(workspace, 'late.eqplan.yaml')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SAMPLE_TEXT } });
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    await client.connection.sendRequest('shutdown');
    const published = client.diagnostics.length;
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), code(-32600));
    await assert.rejects(client.connection.sendRequest('shutdown'), code(-32600));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `# x\n${SAMPLE_TEXT}` }] });
    await assert.rejects(client.connection.sendRequest('eqplan/summary', { uri }), code(-32600), 'a round trip after the change');
    assert.equal(client.diagnostics.length, published, 'nothing published after shutdown');
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
  });

  it('checks with the defaults when the editor never answers the settings request, and says so', async () => {
    const client = new TestClient();
    client.answersSettings = false;
    try {
      await initialize(client, workspace);
      const uri = pathToFileURL(path.join(workspace, 'unanswered.eqplan.yaml')).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SAMPLE_TEXT } });
      const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
      assert.ok(published.diagnostics.length > 0);
      assert.ok(client.logs.some((m) => /did not answer the request for the eqplan settings .* the defaults apply/.test(m)), client.logs.join('\n'));
      const ragLine = SAMPLE_TEXT.split('\n').findIndex((l) => /^\s+rag: /.test(l));
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: ragLine, character: SAMPLE_TEXT.split('\n')[ragLine].indexOf('rag') + 1 } });
      assert.ok(hover, 'requests are answered too');
    } finally {
      client.process.kill();
    }
  });
});
