/**
 * LSP round trips through the real server (`startServer`) in this process,
 * over two streams (`inProcess.ts`): what an editor sends, what it gets back.
 * No bundle is built; `protocol.test.ts` covers the server as a process.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { checkPlan, mergeOptions, type Finding, type PlanSummary } from '../../server/src/core';
import { ConfigResolver } from '../../server/src/node/config';
import type { ReportResult } from '../../server/src/protocol';
import { InProcessClient } from './inProcess';

const REPO = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');
const SAMPLE_URI = pathToFileURL(SAMPLE).href;
const AS_OF = '2019-12-31';
const LOCAL_TODAY = '2024-01-15';

/** A finding or diagnostic as one comparable line: rule, range and message. */
const keyOf = (rule: unknown, range: Diagnostic['range'], message: string) => `${String(rule)}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
const diagnosticKeys = (list: Diagnostic[]) => list.map((d) => keyOf(d.code, d.range, String(d.message))).sort();
const findingKeys = (list: Finding[]) => list.map((f) => keyOf(f.rule, f.range, f.message)).sort();

/** What the engine finds in a text of the sample, with the options the server uses for it. */
function engineFindings(text: string): Finding[] {
  const config = new ConfigResolver().forPlan(SAMPLE).options;
  return checkPlan(text, { ...mergeOptions(config, { asOf: AS_OF }), localToday: LOCAL_TODAY }).findings;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server in process: LSP round trips', function () {
  this.timeout(60_000);
  let client: InProcessClient;
  const sampleText = readFileSync(SAMPLE, 'utf8');

  before(async () => {
    ({ client } = await InProcessClient.start({ localToday: LOCAL_TODAY, capabilities: { workspace: { configuration: true } } }));
    client.settings = { asOf: AS_OF, debounceMs: 20 };
    await client.open(SAMPLE_URI, sampleText);
  });

  after(() => client.stop());

  it('pushes the engine findings when a plan opens, each linked to its rule', async () => {
    const published = await client.waitForDiagnostics((p) => p.uri === SAMPLE_URI && p.version === 1);
    const expected = engineFindings(sampleText);
    assert.ok(expected.some((f) => f.rule === 'overdue'), 'the eqplan.asOf setting is used');
    assert.deepEqual(diagnosticKeys(published.diagnostics), findingKeys(expected));
    const d = published.diagnostics[0];
    assert.equal(d.source, 'eqplan');
    assert.equal(d.codeDescription?.href, `https://example.org/docs/rules/${String(d.code)}.md`);
  });

  it('pushes again for the new version only after an edit, and clears a closed plan', async () => {
    const uri = 'file:///round-trip/edited.eqplan.yaml';
    await client.open(uri, sampleText);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const from = client.diagnostics.length;
    // Action 4c is overdue and rated green (rag-mismatch); rate it red.
    const rag = sampleText.indexOf('rag: green', sampleText.indexOf('id: 4c'));
    const edited = `${sampleText.slice(0, rag)}rag: red${sampleText.slice(rag + 'rag: green'.length)}`;
    await client.change(uri, 2, edited);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    const after = client.diagnostics.slice(from).filter((p) => p.uri === uri);
    assert.deepEqual(after.map((p) => p.version), [2], 'one publication, for the new version');
    assert.deepEqual(diagnosticKeys(published.diagnostics), findingKeys(engineFindings(edited)));
    assert.notDeepEqual(diagnosticKeys(published.diagnostics), findingKeys(engineFindings(sampleText)), 'the edit changed the findings');

    await client.close(uri);
    const cleared = await client.waitForDiagnostics((p) => p.uri === uri && client.diagnostics.indexOf(p) > from && p.diagnostics.length === 0);
    assert.equal(cleared.version, undefined);
  });

  it('completes owner ids from the registry', async () => {
    const at = sampleText.indexOf('owner: equalities-team') + 'owner: '.length;
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: SAMPLE_URI }, position: positionAt(sampleText, at) });
    assert.equal(list.items.find((i) => i.label === 'hr')?.detail, 'Human Resources (HR)');
  });

  it('hovers a deadline with the date it means and how overdue it is', async () => {
    const due = sampleText.indexOf('due: ', sampleText.indexOf('id: 4c')) + 6;
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: positionAt(sampleText, due) });
    assert.match((hover.contents as { value: string }).value, /\*\*Overdue by \d+ days\*\*, as at 31 Dec 2019 \(the date set in the eqplan.asOf setting\)/);
  });

  it('offers quick fixes for a diagnostic, and fix-all for the file', async () => {
    const published = await client.waitForDiagnostics((p) => p.uri === SAMPLE_URI && p.version === 1);
    const overdue = published.diagnostics.find((d) => d.code === 'overdue')!;
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range: overdue.range, context: { diagnostics: [overdue] } });
    assert.ok(actions.some((a) => a.title === 'Turn off `overdue` for this line, with a reason'), actions.map((a) => a.title).join(' | '));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));

    const datesFile = path.join(REPO, 'samples', 'broken', 'council-dates.eqplan.yaml');
    const datesUri = pathToFileURL(datesFile).href;
    await client.open(datesUri, readFileSync(datesFile, 'utf8'));
    const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixAll: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: datesUri }, range: origin, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.eqplan');
    assert.ok(fixAll[0].edit!.changes![datesUri].some((e) => e.newText === '2022-11'));
    await client.close(datesUri);
  });

  it('lists objectives > actions as document symbols', async () => {
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.deepEqual(symbols.map((s) => s.name), ['owners', 'P1', 'P2', 'P3', 'P4']);
    assert.deepEqual(symbols[1].children?.map((c) => c.name), ['1a', '1b', '1c', '1d', '1e', '1f', '1g']);
  });

  it('renames an owner id everywhere in the file, and refuses a name that is not an id', async () => {
    const position = positionAt(sampleText, sampleText.indexOf('  hr: {') + 3);
    const prepared: { placeholder: string } = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: SAMPLE_URI }, position });
    assert.equal(prepared.placeholder, 'hr');
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: SAMPLE_URI }, position, newName: 'human-resources' });
    assert.equal(edit.changes![SAMPLE_URI].length, (sampleText.match(/\bhr\b(?![.-])/g) ?? []).length);
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: SAMPLE_URI }, position, newName: 'not valid!' }), (e: { code: number }) => e.code === -32602);
  });

  it('answers eqplan/summary with the engine summary, and null for a document that is not open', async () => {
    const summary: PlanSummary = await client.connection.sendRequest('eqplan/summary', { uri: SAMPLE_URI });
    assert.deepEqual(summary.totals, checkPlan(sampleText, { asOf: AS_OF }).summary!.totals);
    assert.equal(summary.asOf, AS_OF);
    assert.equal(await client.connection.sendRequest('eqplan/summary', { uri: 'file:///nowhere.eqplan.yaml' }), null);
  });

  it('answers eqplan/report with the summary and the same findings as the diagnostics it published', async () => {
    const report = (await client.connection.sendRequest('eqplan/report', { uri: SAMPLE_URI })) as NonNullable<ReportResult>;
    assert.deepEqual(report.summary?.totals, checkPlan(sampleText, { asOf: AS_OF }).summary!.totals);
    const published = client.diagnostics.filter((p) => p.uri === SAMPLE_URI).pop()!;
    const at = (rule: unknown, line: number, character: number, message: string) => `${String(rule)}|${line}:${character}|${message}`;
    assert.ok(report.findings.length > 0);
    assert.deepEqual(
      report.findings.map((f) => at(f.rule, f.line, f.character, f.message)).sort(),
      published.diagnostics.map((d) => at(d.code, d.range.start.line, d.range.start.character, String(d.message))).sort(),
    );
    assert.equal(await client.connection.sendRequest('eqplan/report', { uri: 'file:///nowhere.eqplan.yaml' }), null);
    await assert.rejects(client.connection.sendRequest('eqplan/report', {}), (e: { code: number }) => e.code === -32602);
  });

  it('answers malformed params with InvalidParams and a sentence', async () => {
    const invalid = (pattern: RegExp) => (e: { code: number; message: string }) => e.code === -32602 && pattern.test(e.message);
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 1.5, character: 0 } }), invalid(/no valid position/));
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }), invalid(/does not name a document/));
    await assert.rejects(client.connection.sendRequest('eqplan/summary', {}), invalid(/needs the uri/));
  });
});

describe('language server in process: pull diagnostics', function () {
  this.timeout(60_000);

  it('offers diagnostics to pull to a client that pulls, pushes none, and answers Unchanged for the same version', async () => {
    const { client, initialized } = await InProcessClient.start({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { settings: { eqplan: { asOf: AS_OF } } } });
    try {
      assert.equal(initialized.capabilities.diagnosticProvider?.identifier, 'eqplan');
      const text = readFileSync(SAMPLE, 'utf8');
      await client.open(SAMPLE_URI, text);
      const report: { kind: string; resultId: string; items: Diagnostic[] } = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(diagnosticKeys(report.items), findingKeys(engineFindings(text)));
      const again: { kind: string } = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI }, previousResultId: report.resultId });
      assert.equal(again.kind, 'unchanged');
      assert.deepEqual(client.diagnostics, [], 'nothing pushed');
    } finally {
      await client.stop();
    }
  });
});

describe('language server in process: a handler that fails for a reason of its own', function () {
  this.timeout(60_000);

  it('logs the failure, answers with an empty result and goes on', async () => {
    // The host's clock is the one input no request carries, so a fault there is one no check of params can catch.
    let clockBroken = true;
    const localToday = () => {
      if (clockBroken) throw new Error('the clock is broken');
      return AS_OF;
    };
    const { client } = await InProcessClient.start({ localToday });
    try {
      const text = readFileSync(SAMPLE, 'utf8');
      await client.open(SAMPLE_URI, text);
      const hoverDue = { textDocument: { uri: SAMPLE_URI }, position: positionAt(text, text.indexOf('due: ') + 'due: '.length + 2) };

      assert.equal(await client.connection.sendRequest('textDocument/hover', hoverDue), null);
      assert.ok(client.logs.some((l) => /^eqplan: hover failed: .*the clock is broken/s.test(l)), client.logs.join('\n'));

      clockBroken = false;
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', hoverDue);
      assert.match((hover.contents as { value: string }).value, /Due|Overdue/, 'the server goes on');
    } finally {
      await client.stop();
    }
  });

  it('answers workspace symbols without waiting for an editor that is slow to send the settings', async () => {
    const { client: slow } = await InProcessClient.start({ capabilities: { workspace: { configuration: true } } });
    let release = (): void => undefined;
    slow.configurationHeld = new Promise<void>((resolve) => (release = resolve));
    try {
      await slow.open(SAMPLE_URI, readFileSync(SAMPLE, 'utf8'));
      const symbols = (await slow.connection.sendRequest('workspace/symbol', { query: '1a' })) as { name: string }[];
      assert.ok(symbols.some((s) => s.name.startsWith('1a')), JSON.stringify(symbols));
      // Answered while the settings were still on their way: before the server gave up waiting for them, and before any check.
      assert.deepEqual(slow.logs.filter((l) => /did not answer the request for the eqplan settings/.test(l)), []);
      assert.deepEqual(slow.diagnostics.filter((p) => p.uri === SAMPLE_URI), []);
    } finally {
      release();
      slow.stop();
    }
  });
});
