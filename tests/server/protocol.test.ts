/**
 * The bundled server as a process, spoken to over stdio (and node IPC) like
 * an editor would: workspace and open-plan diagnostics equal to the CLI's,
 * typing, cancelling, malformed requests, config files, then a clean
 * shutdown. Feature round trips (completion, hover, code actions, symbols,
 * rename, the summary) run in process, in `roundTrip.test.ts`.
 */
import assert from 'node:assert/strict';
import { fork, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CompletionList, Diagnostic, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { checkPlan, localIsoDate, mergeOptions } from '../../server/src/core';
import { ConfigResolver } from '../../server/src/node/config';
import { generatePlan } from '../bench/generate';
import { CancellationTokenSource, createProtocolConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { buildServer, REPO, SERVER, TestClient } from './lspClient';

const SAMPLE = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');
const SAMPLE_URI = pathToFileURL(SAMPLE).href;
const AS_OF = '2019-12-31';

type Key = { rule: unknown; line: number; character: number; endLine: number; endCharacter: number; message: string };
const key = (k: Key) => `${String(k.rule)}|${k.line}:${k.character}-${k.endLine}:${k.endCharacter}|${k.message}`;
const fromDiagnostic = (d: Diagnostic): string => key({ rule: d.code, line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character, message: String(d.message) });

/** The position of `needle` in `text`, moved on by `offset` characters. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not found`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server over stdio (bundled dist/server.js)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let workspace: string;
  let sampleText: string;
  let version = 1;

  const position = positionOf;

  const positionAt = (text: string, offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  before(async () => {
    buildServer();
    workspace = mkdtempSync(path.join(tmpdir(), 'eqplan-ws-'));
    mkdirSync(path.join(workspace, 'plans'));
    mkdirSync(path.join(workspace, 'node_modules', 'pkg'), { recursive: true });
    copyFileSync(path.join(REPO, 'samples', 'northfield-improvement-plan.eqplan.yaml'), path.join(workspace, 'plans', 'northfield.eqplan.yaml'));
    copyFileSync(path.join(REPO, 'samples', 'northfield-improvement-plan.eqplan.yaml'), path.join(workspace, 'node_modules', 'pkg', 'hidden.eqplan.yaml'));
    writeFileSync(path.join(workspace, 'other.yaml'), 'name: not a plan\nitems: [1, 2]\n');
    sampleText = readFileSync(SAMPLE, 'utf8');
    client = new TestClient();
    client.settings = { asOf: AS_OF, debounceMs: 300 };
    const init = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.ok((init as { capabilities: { hoverProvider?: boolean } }).capabilities.hoverProvider);
    await client.connection.sendNotification('initialized', {});
  });

  after(() => {
    client?.process.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('checks the plans in the workspace that are not open, skipping node_modules', async () => {
    const file = path.join(workspace, 'plans', 'northfield.eqplan.yaml');
    const published = await client.waitForDiagnostics((p) => p.uri === pathToFileURL(file).href);
    const expected = checkPlan(readFileSync(file, 'utf8'), { asOf: AS_OF }).findings;
    assert.equal(published.diagnostics.length, expected.length);
    assert.ok(published.diagnostics.length > 0);
  });

  it('gives a closed plan its findings on disk again, without an empty list in between', async () => {
    const file = path.join(workspace, 'plans', 'northfield.eqplan.yaml');
    const uri = pathToFileURL(file).href;
    const onDisk = await client.waitForDiagnostics((p) => p.uri === uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: `# opened\n${readFileSync(file, 'utf8')}` } });
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const from = client.diagnosticsFor(uri).length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const next = await client.waitForDiagnostics((p) => p.uri === uri && client.diagnosticsFor(uri).indexOf(p) >= from);
    assert.equal(next.diagnostics.length, onDisk.diagnostics.length, 'the first publication after closing is the file on disk, not an empty list');
    assert.equal(next.version, undefined);
  });

  it('publishes diagnostics on open that equal `eqplan check --format json` and checkPlan for the same date', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SAMPLE_URI, languageId: 'yaml', version, text: sampleText } });
    const published = await client.waitForDiagnostics((p) => p.uri === SAMPLE_URI && p.version === 1);
    const config = new ConfigResolver().forPlan(SAMPLE).options;
    const engine = checkPlan(sampleText, { ...mergeOptions(config, { asOf: AS_OF }), localToday: localIsoDate(new Date()) }).findings;
    const ours = published.diagnostics.map(fromDiagnostic).sort();
    assert.deepEqual(ours, engine.map((f) => key({ rule: f.rule, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character, message: f.message })).sort());
    assert.ok(engine.some((f) => f.rule === 'overdue'), 'the setting eqplan.asOf is used');

    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--as-of', AS_OF, SAMPLE], { cwd: REPO, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { diagnostics: { rule: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    const fromCli = report[0].diagnostics.map((d) => key({ rule: d.rule, line: d.line - 1, character: d.column - 1, endLine: d.endLine - 1, endCharacter: d.endColumn - 1, message: d.message })).sort();
    assert.deepEqual(ours, fromCli);
    const d = published.diagnostics[0];
    assert.equal(d.source, 'eqplan');
    // The link opens the rule's page installed beside the server's README.
    const href = d.codeDescription?.href ?? '';
    assert.match(href, /^file:.*\/docs\/rules\/[a-z-]+\.md$/);
    assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
  });

  it('after an incremental edit, publishes for the new version only', async () => {
    const from = client.diagnosticsFor(SAMPLE_URI).length;
    // Action 4c is overdue and rated green (rag-mismatch); rate it red.
    const rag = sampleText.indexOf('rag: green', sampleText.indexOf('id: 4c'));
    const pos = positionAt(sampleText, rag + 5);
    version = 2;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version },
      contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 5 } }, text: 'red' }],
    });
    sampleText = sampleText.slice(0, rag + 5) + 'red' + sampleText.slice(rag + 10);
    const published = await client.waitForDiagnostics((p) => p.uri === SAMPLE_URI && p.version === 2);
    const after = client.diagnosticsFor(SAMPLE_URI).slice(from);
    assert.ok(after.every((p) => p.version === 2), `versions published after the edit: ${after.map((p) => p.version).join(', ')}`);
    const expected = checkPlan(sampleText, { asOf: AS_OF }).findings;
    assert.deepEqual(published.diagnostics.map(fromDiagnostic).sort(), expected.map((f) => key({ rule: f.rule, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character, message: f.message })).sort());
  });

  it('makes one check per pause when typing 100 characters quickly, with symbols, folding, lenses and hovers asked for as it goes', async () => {
    const uri = pathToFileURL(path.join(workspace, 'typing.eqplan.yaml')).href;
    let text = readFileSync(path.join(REPO, 'samples', 'northfield-improvement-plan.eqplan.yaml'), 'utf8');
    let v = 1;
    await client.connection.sendNotification('$/setTrace', { value: 'messages' });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: v, text } });
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const from = client.diagnosticsFor(uri).length;
    const checksFrom = client.traces.length;
    text = `#${text}`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }] });
    // As VS Code does after changes: outline, folding, lenses; and a hover now and then.
    const asked: Promise<unknown>[] = [];
    for (let i = 0; i < 99; i++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++v }, contentChanges: [{ range: { start: { line: 0, character: 1 + i }, end: { line: 0, character: 1 + i } }, text: 'x' }] });
      if (i % 10 === 0) {
        for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens']) asked.push(client.connection.sendRequest(method, { textDocument: { uri } }));
        asked.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(text, 'due: ', 6) }));
      }
    }
    const last = await client.waitForDiagnostics((p) => p.uri === uri && p.version === v);
    await Promise.all(asked);
    assert.equal(v, 101);
    const during = client.diagnosticsFor(uri).slice(from);
    assert.deepEqual(during.map((p) => p.version), [101], 'one publication, for the last version');
    assert.ok(last.diagnostics.length > 0);
    const checks = client.traces.slice(checksFrom).filter((t) => t.startsWith(`eqplan: check of ${uri} `));
    assert.deepEqual(checks.map((t) => /version (\d+)/.exec(t)?.[1]), ['101'], `one check, of the last version (the server's trace: ${checks.join('; ')})`);
    // And how long after the last keystroke arrived its diagnostics were written: the pause and the check, so no less than the check.
    const written = () => client.traces.slice(checksFrom).filter((t) => t.startsWith(`eqplan: diagnostics of ${uri} `));
    for (let wait = 0; written().length === 0 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(written().length, 1, written().join('; '));
    const ms = /version 101 written ([\d.]+) ms after the change arrived$/.exec(written()[0])?.[1];
    const checkMs = / took ([\d.]+) ms$/.exec(checks[0])?.[1];
    assert.ok(ms !== undefined && checkMs !== undefined && Number(ms) >= Number(checkMs), `${written()[0]}; ${checks[0]}`);
    await client.connection.sendNotification('$/setTrace', { value: 'off' });
  });

  it('answers completion and hover on a 10,000-line plan while its check is pending', async () => {
    client.settings = { asOf: AS_OF, debounceMs: 2000 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const text = generatePlan(10, 84);
    assert.ok(text.split('\n').length >= 10_000);
    const uri = pathToFileURL(path.join(workspace, 'big.eqplan.yaml')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }] });
    const edited = `# edited\n${text}`;
    const ragPos = position(edited, 'rag: red', 'rag: '.length);
    const [completion, hover] = await Promise.all([
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: ragPos }) as Promise<CompletionList>,
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(edited, 'due: ', 'due: '.length + 2) }) as Promise<Hover>,
    ]);
    assert.equal(client.diagnosticsFor(uri).some((p) => p.version === 2), false, 'the check of version 2 is still pending');
    assert.deepEqual(completion.items.map((i) => i.label), ['red', 'amber', 'green']);
    assert.match((hover.contents as { value: string }).value, /Due/);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    client.settings = { asOf: AS_OF, debounceMs: 300 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('answers requests cancelled while they wait with RequestCancelled, and goes on', async () => {
    const text = generatePlan(10, 84);
    const uri = pathToFileURL(path.join(workspace, 'cancelled.eqplan.yaml')).href;
    const pos = position(text, 'rag: red', 'rag: '.length);
    const params = { textDocument: { uri }, position: pos };
    const completionOf = (token?: CancellationTokenSource['token']) =>
      (token ? client.connection.sendRequest('textDocument/completion', params, token) : client.connection.sendRequest('textDocument/completion', params)) as Promise<CompletionList>;
    // Not awaited, so that everything is on its way before the client answers anything: the first request waits for
    // the new document's settings (a round trip to this client) and then parses and checks 10,000 lines; the others
    // queue behind it and are cancelled at once, as an editor does when the cursor moves on.
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const first = completionOf();
    const queued: Promise<number | 'answered'>[] = [];
    for (let i = 0; i < 5; i++) {
      const source = new CancellationTokenSource();
      queued.push(completionOf(source.token).then(() => 'answered' as const, (e: { code: number }) => e.code));
      source.cancel();
    }
    const outcomes = await Promise.all(queued);
    // A cancel can race its request, so an early one may still be answered; the later ones are still queued when theirs arrives.
    assert.ok(outcomes.every((o) => o === 'answered' || o === -32800), `each is answered or cancelled: ${outcomes.join(', ')}`);
    assert.deepEqual(outcomes.slice(-3), [-32800, -32800, -32800], `the later queued requests are answered RequestCancelled: ${outcomes.join(', ')}`);
    assert.deepEqual((await first).items.map((i) => i.label), ['red', 'amber', 'green'], 'a request nobody cancelled is answered');
    assert.deepEqual((await completionOf()).items.map((i) => i.label), ['red', 'amber', 'green'], 'and so is the next one');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers unknown methods, malformed requests, closed documents and non-plans properly', async () => {
    await assert.rejects(client.connection.sendRequest('eqplan/noSuchThing', {}), (e: { code: number }) => e.code === -32601);
    await assert.rejects(client.connection.sendRequest('textDocument/hover', {}), (e: { code: number }) => e.code === -32602);
    await assert.rejects(client.connection.sendRequest('textDocument/completion', { textDocument: { uri: SAMPLE_URI } }), (e: { code: number }) => e.code === -32602);
    for (const position of [{ line: 1.5, character: 0 }, { line: 0, character: 2.25 }, { line: Number.NaN, character: 0 }]) {
      await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position }), (e: { code: number }) => e.code === -32602, JSON.stringify(position));
    }
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never-opened.eqplan.yaml' }, position: { line: 0, character: 0 } }), null);

    // Malformed params get InvalidParams with a sentence saying what is wrong, not an empty answer or a logged failure.
    const invalidParams = (pattern: RegExp) => (e: { code: number; message: string }) => e.code === -32602 && pattern.test(e.message) && /^[A-Z].*\.$/.test(e.message);
    const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const codeAction = (context: unknown) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range: origin, context });
    const junk = { source: 'eqplan', code: 'overdue', message: 'x' };
    const badContexts: [unknown, RegExp][] = [
      [{ diagnostics: [{ ...junk, range: null }] }, /Diagnostic 1 .* no valid range/],
      [{ diagnostics: [{ ...junk, range: origin }, junk] }, /Diagnostic 2 .* no valid range/],
      [{ diagnostics: [{ ...junk, range: { start: { line: 0, character: 0 }, end: { line: -1, character: 0 } } }] }, /no valid range/],
      [{ diagnostics: [{ ...junk, range: { start: { line: 0, character: 0 } } }] }, /no valid range/],
      [{ diagnostics: ['overdue'] }, /Diagnostic 1 .* is not a diagnostic/],
      [{ diagnostics: [null] }, /is not a diagnostic/],
      [{ diagnostics: [[origin]] }, /is not a diagnostic/],
      [{ diagnostics: 'overdue' }, /no code action context/],
      [{ diagnostics: [], only: 'quickfix' }, /"only"/],
    ];
    for (const [context, pattern] of badContexts) await assert.rejects(codeAction(context), invalidParams(pattern), JSON.stringify(context));
    assert.deepEqual(await codeAction({ diagnostics: [{ ...junk, range: origin }], only: ['quickfix'] }), [], 'a well-formed diagnostic that matches no finding gets no actions');

    for (const previousResultIds of ['plan.eqplan.yaml', {}, [null], [{ uri: 'file:///a.eqplan.yaml' }], [{ uri: 1, value: 'x' }]]) {
      await assert.rejects(client.connection.sendRequest('workspace/diagnostic', { previousResultIds }), invalidParams(/previousResultIds/), JSON.stringify(previousResultIds));
    }
    for (const query of [42, ['P1'], { text: 'P1' }, true]) {
      await assert.rejects(client.connection.sendRequest('workspace/symbol', { query }), invalidParams(/query/), JSON.stringify(query));
    }
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'P1' })) as SymbolInformation[];
    assert.ok(symbols.some((s) => s.name.startsWith('P1')), symbols.map((s) => s.name).join(', '));
    assert.ok(!client.logs.some((l) => /failed/.test(l)), client.logs.join('\n'));

    const other = pathToFileURL(path.join(workspace, 'other.yaml')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: 'name: not a plan\nitems: [1, 2]\n' } });
    assert.equal(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } }), null);

    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: SAMPLE_URI } });
    const cleared = await client.waitForDiagnostics((p) => p.uri === SAMPLE_URI && p.diagnostics.length === 0);
    assert.ok(cleared);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 20, character: 2 } }), null);
    assert.deepEqual(client.diagnosticsFor(other), [], 'no diagnostics for YAML that is not a plan');
    assert.deepEqual(client.diagnostics.filter((p) => p.uri.includes('node_modules')), []);
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('shuts down and exits with code 0', async () => {
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
  });
});

describe('language server over stdio: the editor closing its input', function () {
  this.timeout(60_000);
  before(() => buildServer());

  const exitCode = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  it('ends the server, with status 1 when it was not asked to shut down', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = exitCode(child);
    child.stdin!.end();
    assert.equal(await exited, 1);
  });

  it('ends the server with status 0 after a shutdown request', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = exitCode(child);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendRequest('shutdown');
    child.stdin!.end();
    assert.equal(await exited, 0);
    connection.dispose();
  });
});

describe('language server over node IPC', function () {
  this.timeout(60_000);
  before(() => buildServer());

  it('starts with --node-ipc, answers and exits cleanly', async () => {
    const child = fork(SERVER, ['--node-ipc'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo?: { name: string } };
    assert.equal(init.serverInfo?.name, 'eqplan-language-server');
    await connection.sendNotification('initialized', {});
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});

describe('language server: config files, settings and pull diagnostics', function () {
  this.timeout(120_000);
  let workspace: string;
  const clients: TestClient[] = [];

  const start = async (capabilities: object): Promise<TestClient> => {
    const client = new TestClient();
    clients.push(client);
    await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }], capabilities });
    await client.connection.sendNotification('initialized', {});
    return client;
  };

  before(() => {
    buildServer();
    workspace = mkdtempSync(path.join(tmpdir(), 'eqplan-cfg-'));
    copyFileSync(path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml'), path.join(workspace, 'plan.eqplan.yaml'));
  });

  after(() => {
    for (const c of clients) c.process.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('applies the config file, re-checks when it changes, and says once when it is broken', async () => {
    const plan = path.join(workspace, 'plan.eqplan.yaml');
    const uri = pathToFileURL(plan).href;
    const config = path.join(workspace, '.eqplanrc.yaml');
    writeFileSync(config, 'rules:\n  overdue: off\n');
    const client = await start({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(plan, 'utf8') } });
    const first = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.ok(!first.diagnostics.some((d) => d.code === 'overdue'), 'overdue is off in the config file');
    assert.ok(first.diagnostics.length > 0);

    const from = client.diagnosticsFor(uri).length;
    writeFileSync(config, 'rules:\n  overdue: error\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const second = await client.waitForDiagnostics((p) => p.uri === uri && client.diagnosticsFor(uri).indexOf(p) >= from);
    assert.ok(second.diagnostics.some((d) => d.code === 'overdue' && d.severity === 1), 'overdue is now an error');

    // Settings go on top of the config file.
    const from2 = client.diagnosticsFor(uri).length;
    client.settings = { rules: { overdue: 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const third = await client.waitForDiagnostics((p) => p.uri === uri && client.diagnosticsFor(uri).indexOf(p) >= from2);
    assert.ok(third.diagnostics.some((d) => d.code === 'overdue' && d.severity === 4), 'the setting wins over the config file');

    const from3 = client.diagnosticsFor(uri).length;
    client.settings = {};
    writeFileSync(config, 'rules:\n  overdue: loud\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const fourth = await client.waitForDiagnostics((p) => p.uri === uri && client.diagnosticsFor(uri).indexOf(p) >= from3);
    assert.ok(fourth.diagnostics.some((d) => d.code === 'overdue' && d.severity === 2), 'a broken config is ignored: defaults apply');
    assert.equal(client.messages.filter((m) => /ignoring the config file .*\.eqplanrc\.yaml.*loud/.test(m)).length, 1, client.messages.join('\n'));
    rmSync(config);
  });

  it('notices a changed, added or removed config file in a client that does not watch files (Neovim 0.7)', async () => {
    const plan = path.join(workspace, 'plan.eqplan.yaml');
    const uri = pathToFileURL(plan).href;
    const config = path.join(workspace, '.eqplanrc.yaml');
    rmSync(config, { force: true });
    const client = await start({ workspace: { configuration: true } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(plan, 'utf8') } });
    const first = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'overdue' && d.severity === 2), 'overdue is a warning by default');
    const published = (p: { uri: string }, from: number) => p.uri === uri && client.diagnosticsFor(uri).indexOf(p as never) >= from;

    // No workspace/didChangeWatchedFiles from this client: the server has to notice by itself, and publishes again.
    let from = client.diagnosticsFor(uri).length;
    writeFileSync(config, 'rules:\n  overdue: off\n');
    const added = await client.waitForDiagnostics((p) => published(p, from));
    assert.ok(!added.diagnostics.some((d) => d.code === 'overdue'), 'overdue is off in the new config file');

    from = client.diagnosticsFor(uri).length;
    writeFileSync(config, 'rules:\n  overdue: error\n');
    const changed = await client.waitForDiagnostics((p) => published(p, from));
    assert.ok(changed.diagnostics.some((d) => d.code === 'overdue' && d.severity === 1), 'overdue is now an error');

    from = client.diagnosticsFor(uri).length;
    rmSync(config);
    const removed = await client.waitForDiagnostics((p) => published(p, from));
    assert.ok(removed.diagnostics.some((d) => d.code === 'overdue' && d.severity === 2), 'without the config file the default applies again');
    assert.equal(client.diagnosticsFor(uri).every((p) => p.version === 1), true, 'the plan itself never changed');
  });

  it('answers pull diagnostics for open documents and the workspace when the client asks for them', async () => {
    const client = await start({ workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false } } });
    client.settings = { asOf: '2019-12-31', debounceMs: 1000 };
    const plan = path.join(workspace, 'plan.eqplan.yaml');
    const text = readFileSync(plan, 'utf8');
    const open = pathToFileURL(path.join(workspace, 'open.eqplan.yaml')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: open, languageId: 'yaml', version: 1, text } });
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open } })) as { kind: string; resultId: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map(fromDiagnostic).sort(), checkPlan(text, { asOf: '2019-12-31' }).findings.map((f) => key({ rule: f.rule, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character, message: f.message })).sort());
    const again = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open }, previousResultId: report.resultId })) as { kind: string };
    assert.equal(again.kind, 'unchanged');

    // Like VS Code: a pull after every keystroke. Each is answered once typing pauses, from one check of the last version.
    const pulls: Promise<{ resultId: string }>[] = [];
    for (let v = 2; v <= 11; v++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: open, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }] });
      pulls.push(client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open } }) as Promise<{ resultId: string }>);
    }
    const answers = await Promise.all(pulls);
    assert.deepEqual([...new Set(answers.map((a) => a.resultId.split(':')[0]))], ['11']);

    const workspaceReport = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; kind: string; items: Diagnostic[] }[] };
    assert.deepEqual(workspaceReport.items.map((i) => path.basename(i.uri)), ['plan.eqplan.yaml']);
    assert.ok(workspaceReport.items[0].items.some((d) => d.code === 'overdue'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(client.diagnostics, [], 'a pull client gets no pushed diagnostics');
  });
});
