/**
 * Typing into a 10,000-line plan, as an editor does it: a change per
 * keystroke, each followed by a completion and a hover request. The server
 * runs in this process with a document store the test can read, so the test
 * counts what the typing cost: whole-text parses, incremental parses and
 * checks. It asserts counts and answers, never timings (those are printed by
 * `npm run bench:editor`).
 */
import assert from 'node:assert/strict';
import type { CompletionList, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { PlanStore } from '../../server/src/lsp/store';
import { generatePlan } from '../bench/generate';
import { InProcessClient } from './inProcess';

const URI = 'file:///typing/big.eqplan.yaml';

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('language server: typing into a 10,000-line plan', function () {
  this.timeout(120_000);
  let inProcess: InProcessClient;
  let client: ProtocolConnection;
  let store: PlanStore;
  let published: PublishDiagnosticsParams[];
  let text = generatePlan(10, 84);
  let version = 1;

  before(async () => {
    store = new PlanStore();
    ({ client: inProcess } = await InProcessClient.start({ localToday: '2024-01-15', store, initializationOptions: { settings: { eqplan: { debounceMs: 1000 } } } }));
    client = inProcess.connection;
    published = inProcess.diagnostics;
    assert.ok(text.split('\n').length >= 10_000);
    await inProcess.open(URI, text, version);
    await inProcess.waitForDiagnostics((p) => p.version === 1);
  });

  after(() => inProcess.stop());

  /** Types `typed` at `offset`, one character per change, asking for completion (and hover) after each. */
  async function type(offset: number, typed: string, withHover = true): Promise<{ completions: CompletionList[]; hovers: (Hover | null)[] }> {
    const completions: CompletionList[] = [];
    const hovers: (Hover | null)[] = [];
    for (const ch of typed) {
      const at = positionOf(text, offset);
      text = text.slice(0, offset) + ch + text.slice(offset);
      offset += ch.length;
      version++;
      await client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: at, end: at }, text: ch }] });
      const [completion, hover] = await Promise.all([
        client.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: positionOf(text, offset) }) as Promise<CompletionList>,
        withHover ? (client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(text, offset - 1) }) as Promise<Hover | null>) : null,
      ]);
      completions.push(completion);
      hovers.push(hover);
    }
    return { completions, hovers };
  }

  it('answers every completion and hover from an incremental parse, with no check until the pause, then one', async () => {
    const checks = store.checksRun;
    const parses = store.parsesRun;
    const from = published.length;
    // 100 characters into an action's text, then the plan title, then an objective title.
    const { completions, hovers } = await type(text.indexOf('workshop series 500 ') + 'workshop series 500 '.length, 'x'.repeat(100));
    assert.equal(completions.length, 100);
    assert.ok(hovers.every((h) => h && /Action|action/.test((h.contents as { value: string }).value)), 'every hover answered with the field documentation');
    await type(text.indexOf('title: Equality Action Plan') + 'title: Equality Action Plan'.length, ' 2024');
    await type(text.indexOf('Objective number 5 ') + 'Objective number 5 '.length, 'and more');
    assert.equal(store.checksRun, checks, 'no check ran while typing');
    assert.equal(store.parsesRun, parses, 'no keystroke parsed the whole text');
    assert.equal(store.splicesRun, 113, 'every keystroke was parsed incrementally');
    await inProcess.waitForDiagnostics((p) => p.version === version);
    assert.equal(store.checksRun, checks + 1, 'one check for the pause');
    assert.deepEqual(published.slice(from).map((p) => p.version), [version], 'one publication, for the last version');
  });

  it('offers owner ids while a new field is half typed and the plan does not read, without parsing it whole', async () => {
    const parses = store.parsesRun;
    const checks = store.checksRun;
    const anchor = '        characteristics: [race, disability]\n';
    // A new line after the anchor: `        support: [` ; until the colon the line does not read as YAML.
    const typed = '\n        support: [';
    const offset = text.indexOf(anchor, text.indexOf('workshop series 700 ')) + anchor.length - 1 + typed.length;
    const { completions } = await type(offset - typed.length, typed, false);
    const last = completions[completions.length - 1];
    assert.deepEqual(
      last.items.map((i) => i.label).filter((l) => ['hr', 'equalities-team', 'comms'].includes(l)).sort(),
      ['comms', 'equalities-team', 'hr'],
      'owner ids from the registry of the last version that read',
    );
    assert.equal(store.parsesRun, parses, 'no keystroke parsed the whole text');
    assert.equal(store.checksRun, checks, 'no check ran while typing');
    // Hovers read the last version that did read, mapped across the half-typed line: nothing at the line itself, the right field and range after it.
    const onTyped = await client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(text, offset - 5) });
    assert.equal(onTyped, null, 'no hover on the text being typed');
    const rag = text.indexOf('rag:', offset);
    const after = (await client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(text, rag + 1) })) as Hover;
    assert.match((after.contents as { value: string }).value, /RAG|red, amber or green/i);
    assert.deepEqual(after.range?.start, positionOf(text, rag), 'the range is where the key is in the text as typed');
    assert.equal(store.parsesRun, parses, 'the hovers parsed nothing whole');
    // The pause: one whole parse (the line reads as nothing yet, so no splice) and one check.
    await inProcess.waitForDiagnostics((p) => p.version === version);
    assert.equal(store.parsesRun, parses + 1, 'one whole parse, at the pause');
    assert.equal(store.checksRun, checks + 1, 'one check, at the pause');
  });
});
