/**
 * LSP clients other than VS Code (issue 11), each as its `initialize`
 * declares itself: eglot, lsp-mode, ALE and Neovim 0.7 differ from VS Code in
 * what they register, what they send back with a code action request, the
 * formats they read and how they send their settings. Through the real
 * server in this process (`inProcess.ts`).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, CompletionList, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkPlan, type Finding } from '../../server/src/core';
import { markdownToPlainText, snippetToPlainText } from '../../server/src/features/clientFormats';
import { PlanStore } from '../../server/src/lsp/store';
import { InProcessClient } from './inProcess';

const REPO = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
const AS_OF = '2019-12-31';
const LOCAL_TODAY = '2024-01-15';

const keyOf = (rule: unknown, range: Diagnostic['range'], message: string) => `${String(rule)}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
const diagnosticKeys = (list: Diagnostic[]) => list.map((d) => keyOf(d.code, d.range, String(d.message))).sort();
const findingKeys = (list: Finding[]) => list.map((f) => keyOf(f.rule, f.range, f.message)).sort();

/** What ALE 3.3 declares (autoload/ale/lsp.vim), in part. */
const ALE: ClientCapabilities = {
  workspace: { applyEdit: false, didChangeConfiguration: { dynamicRegistration: false }, configuration: false, workspaceFolders: false },
  textDocument: {
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, documentationFormat: ['plaintext'] } },
    hover: { dynamicRegistration: false, contentFormat: ['plaintext'] },
    codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
  },
};

/** What eglot 1.9 declares, in part (no `didChangeConfiguration` at all). */
const EGLOT: ClientCapabilities = {
  workspace: { applyEdit: true, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: false } } },
};

function tempWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-clients-'));
  copyFileSync(SAMPLE, path.join(dir, 'plan.eqplan.yaml'));
  return dir;
}

describe('LSP clients other than VS Code', function () {
  this.timeout(60_000);

  it('registers didChangeConfiguration only with a client that can register it', async () => {
    for (const [capabilities, expected] of [
      [EGLOT, []],
      [ALE, []],
      [{ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }, ['workspace/didChangeConfiguration']],
    ] as const) {
      const { client } = await InProcessClient.start({ capabilities });
      const registered: string[] = [];
      const asked = new Promise<void>((resolve) => {
        client.connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
          registered.push(...p.registrations.map((r) => r.method));
          resolve();
          return null;
        });
      });
      // A request answered after `initialized` has been handled: any registration of it has been sent by then.
      await client.connection.sendRequest('workspace/symbol', { query: '' });
      if (expected.length > 0) await asked;
      assert.deepEqual(
        registered.filter((m) => m === 'workspace/didChangeConfiguration'),
        expected,
        JSON.stringify(capabilities.workspace),
      );
      await client.stop();
    }
  });

  it('gives quick fixes to a client that sends the diagnostic back without its source (ALE)', async () => {
    const { client } = await InProcessClient.start({ capabilities: ALE, initializationOptions: { eqplan: { asOf: AS_OF } } });
    try {
      const uri = pathToFileURL(SAMPLE).href;
      await client.open(uri, SAMPLE_TEXT);
      const published = await client.waitForDiagnostics((p) => p.uri === uri);
      const mismatch = published.diagnostics.find((d) => d.code === 'rag-mismatch');
      assert.ok(mismatch, 'the sample has a RAG rating that does not match');
      // As ALE sends it: code, message (its lines joined) and range; no source, no severity.
      const echoed = { code: mismatch.code, message: String(mismatch.message).replace(/\r\n|\n|\r/g, ' '), range: mismatch.range };
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [echoed] } });
      assert.ok(actions.some((a) => a.title === 'Rate it red' && a.edit?.changes?.[uri]?.[0]?.newText === 'red'), JSON.stringify(actions.map((a) => a.title)));

      // A client that sends no diagnostics gets the fixes of the findings at the cursor.
      const atCursor: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: mismatch.range.start, end: mismatch.range.start }, context: { diagnostics: [] } });
      assert.ok(atCursor.some((a) => a.title === 'Rate it red' && a.diagnostics?.[0]?.code === 'rag-mismatch'));

      // Another tool's diagnostic at the same place is not ours.
      const foreign: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [{ ...echoed, source: 'yamllint' }] } });
      assert.deepEqual(foreign, []);
    } finally {
      await client.stop();
    }
  });

  it('answers a plain-text client with plain-text hovers and completions without snippets', async () => {
    const { client } = await InProcessClient.start({ capabilities: ALE, initializationOptions: { settings: { eqplan: { asOf: AS_OF } } } });
    try {
      const uri = pathToFileURL(SAMPLE).href;
      await client.open(uri, SAMPLE_TEXT);
      const lines = SAMPLE_TEXT.split('\n');
      const dueLine = lines.findIndex((l) => /^\s+due: /.test(l));
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: dueLine, character: lines[dueLine].indexOf('due: ') + 7 } });
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /Due /);
      assert.doesNotMatch(contents.value, /\*\*|`/);

      // A new action under an objective's actions (a snippet for VS Code).
      const actionsLine = lines.findIndex((l) => /^\s+actions:\s*$/.test(l));
      const indent = /^\s*/.exec(lines[actionsLine])![0];
      const text = [...lines.slice(0, actionsLine + 1), `${indent}  - `, ...lines.slice(actionsLine + 1)].join('\n');
      await client.change(uri, 2, text);
      const list: CompletionList = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: actionsLine + 1, character: indent.length + 4 } });
      const action = list.items.find((i) => i.label === 'New action');
      assert.ok(action, JSON.stringify(list.items.map((i) => i.label)));
      assert.notEqual(action.insertTextFormat, 2);
      const inserted = action.textEdit && 'newText' in action.textEdit ? action.textEdit.newText : '';
      assert.doesNotMatch(inserted, /\$\{|\$\d/);
      assert.match(inserted, /rag: green/);
      const key = list.items.find((i) => typeof i.documentation !== 'undefined');
      assert.ok(key && typeof key.documentation === 'string' && !/\*\*/.test(key.documentation), 'documentation as plain text');
    } finally {
      await client.stop();
    }
  });

  it('keeps markdown and snippets for a client that reads them', async () => {
    const { client } = await InProcessClient.start({
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } } } },
      initializationOptions: { eqplan: { asOf: AS_OF } },
    });
    try {
      const uri = pathToFileURL(SAMPLE).href;
      await client.open(uri, SAMPLE_TEXT);
      const lines = SAMPLE_TEXT.split('\n');
      const dueLine = lines.findIndex((l) => /^\s+due: /.test(l));
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: dueLine, character: lines[dueLine].indexOf('due: ') + 7 } });
      assert.equal((hover.contents as MarkupContent).kind, 'markdown');
      assert.match((hover.contents as MarkupContent).value, /\*\*/);
    } finally {
      await client.stop();
    }
  });

  it('reads plain text from markdown and snippets as a person would', () => {
    assert.equal(markdownToPlainText('**Due 30 Nov 2022**, that is `2022-11`.\n\n---\n\nSee [the rules](https://example.org/r).'), 'Due 30 Nov 2022, that is 2022-11.\n\nSee the rules (https://example.org/r).');
    assert.equal(snippetToPlainText('id: ${1:1c}\nrag: ${5|green,amber,red|}\nunit: "${3:%}"\nmeasure: ${6:How \\$ and \\} read}$0'), 'id: 1c\nrag: green\nunit: "%"\nmeasure: How $ and } read');
  });

  it('publishes first with the settings a client sends just after initialize (Neovim 0.7, ALE)', async () => {
    const dir = tempWorkspace();
    const { client } = await InProcessClient.start({ localToday: LOCAL_TODAY, rootUri: pathToFileURL(dir).href, capabilities: ALE });
    try {
      // As nvim-lspconfig and ALE do: the settings follow `initialized`, then the plan is opened.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eqplan: { asOf: AS_OF } } });
      const uri = pathToFileURL(path.join(dir, 'plan.eqplan.yaml')).href;
      const first = await client.waitForDiagnostics((p) => p.uri === uri);
      const expected = checkPlan(SAMPLE_TEXT, { asOf: AS_OF, localToday: LOCAL_TODAY }).findings;
      assert.notDeepEqual(findingKeys(expected), findingKeys(checkPlan(SAMPLE_TEXT, { localToday: LOCAL_TODAY }).findings), 'the setting makes a difference');
      assert.deepEqual(diagnosticKeys(first.diagnostics), findingKeys(expected));
      await client.connection.sendRequest('workspace/symbol', { query: '' });
      assert.equal(client.diagnostics.filter((p) => p.uri === uri).length, 1, 'published once');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes settings from initializationOptions in each shape the docs name', async () => {
    const expected = findingKeys(checkPlan(SAMPLE_TEXT, { asOf: AS_OF, localToday: LOCAL_TODAY }).findings);
    for (const initializationOptions of [{ eqplan: { asOf: AS_OF } }, { settings: { eqplan: { asOf: AS_OF } } }, { settings: { asOf: AS_OF } }]) {
      const { client } = await InProcessClient.start({ localToday: LOCAL_TODAY, capabilities: ALE, initializationOptions });
      try {
        const uri = pathToFileURL(SAMPLE).href;
        await client.open(uri, SAMPLE_TEXT);
        const first = await client.waitForDiagnostics((p) => p.uri === uri);
        assert.deepEqual(diagnosticKeys(first.diagnostics), expected, JSON.stringify(initializationOptions));
      } finally {
        await client.stop();
      }
    }
  });

  it('uses the initializationOptions settings when the editor answers workspace/configuration with nothing (eglot unconfigured)', async () => {
    const { client } = await InProcessClient.start({ localToday: LOCAL_TODAY, capabilities: EGLOT, initializationOptions: { eqplan: { asOf: AS_OF } } });
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    try {
      const uri = pathToFileURL(SAMPLE).href;
      await client.open(uri, SAMPLE_TEXT);
      const first = await client.waitForDiagnostics((p) => p.uri === uri);
      assert.deepEqual(diagnosticKeys(first.diagnostics), findingKeys(checkPlan(SAMPLE_TEXT, { asOf: AS_OF, localToday: LOCAL_TODAY }).findings));
    } finally {
      await client.stop();
    }
  });
});

describe('many documents opened at once', function () {
  this.timeout(120_000);
  const COUNT = 400;
  const plan = (i: number) => `eqplan: 1\ntitle: Plan ${i}\nobjectives:\n  - id: P1\n    title: Objective\n    actions:\n      - id: 1a\n        action: Run workshop ${i}\n        owner: equalities-team\n        due: 2023-06-30\n        rag: green\n        measure: Workshops held\n`;
  const uriOf = (i: number) => `file:///many/plan-${i}.eqplan.yaml`;

  /** A server whose store counts the checks of each document, with a client that answers workspace/configuration. */
  async function start(): Promise<{ client: InProcessClient; checks: Map<string, number> }> {
    const checks = new Map<string, number>();
    const store = new PlanStore((work) => {
      if (work.kind === 'check') checks.set(work.uri, (checks.get(work.uri) ?? 0) + 1);
    });
    const { client } = await InProcessClient.start({ localToday: LOCAL_TODAY, store, capabilities: { workspace: { configuration: true } } });
    client.settings = { asOf: '2023-01-01' };
    return { client, checks };
  }

  /** Every document's last publication, once each has one that passes `test`. */
  async function allPublished(client: InProcessClient, test: (p: PublishDiagnosticsParams) => boolean): Promise<void> {
    for (let i = 0; i < COUNT; i++) await client.waitForDiagnostics((p) => p.uri === uriOf(i) && test(p));
  }

  const overdue = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'overdue');

  it('checks and publishes each of them once, asking for their settings in a few requests', async () => {
    const { client, checks } = await start();
    let requests = 0;
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      requests++;
      return p.items.map(() => client.settings);
    });
    try {
      await Promise.all(Array.from({ length: COUNT }, (_, i) => client.open(uriOf(i), plan(i))));
      await allPublished(client, (p) => !overdue(p));
      await client.connection.sendRequest('workspace/symbol', { query: 'Plan 1' });
      assert.equal(checks.size, COUNT);
      assert.deepEqual([...new Set(checks.values())], [1], 'one check per document');
      assert.equal(client.diagnostics.length, COUNT, 'one publication per document');
      assert.ok(requests < COUNT / 10, `${requests} settings requests for ${COUNT} documents`);
    } finally {
      await client.stop();
    }
  });

  it('checks each again only once when the editor answers late, not every plan per answer', async () => {
    const { client, checks } = await start();
    // The editor answers nothing until the server has given up waiting (it logs so), then everything at once.
    const held: (() => void)[] = [];
    let holding = true;
    let requests = 0;
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      requests++;
      const answer = () => p.items.map(() => client.settings);
      return holding ? new Promise((resolve) => held.push(() => resolve(answer()))) : answer();
    });
    try {
      await Promise.all(Array.from({ length: COUNT }, (_, i) => client.open(uriOf(i), plan(i))));
      // With the defaults (today is 2024-01-15) every action is overdue.
      await allPublished(client, overdue);
      assert.ok(client.logs.some((l) => /did not answer the request for the eqplan settings/.test(l)));
      const before = client.diagnostics.length;
      holding = false;
      held.forEach((release) => release());
      // With the editor's asOf, 2023-01-01, none is, and each is checked and published once more.
      await allPublished(client, (p) => !overdue(p) && client.diagnostics.indexOf(p) >= before);
      await client.connection.sendRequest('workspace/symbol', { query: 'Plan 1' });
      assert.equal(checks.size, COUNT);
      assert.ok([...checks.values()].every((n) => n <= 2), `checks per document: ${[...new Set(checks.values())].join(', ')}`);
      assert.ok(client.diagnostics.length <= 2 * COUNT, `${client.diagnostics.length} publications for ${COUNT} documents`);
      assert.ok(requests <= 4, `${requests} settings requests`);
    } finally {
      await client.stop();
    }
  });
});
