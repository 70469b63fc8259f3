/**
 * What the document store keeps while someone types, and after the document
 * closes; and that diagnostics of items an edit did not touch are the same
 * objects as before (so a keystroke in a large plan makes only the touched
 * items' diagnostics again) while equal to a whole check's.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan } from '../../server/src/core';
import { diagnostics, ruleDocsLink, toDiagnostic } from '../../server/src/features/diagnostics';
import { IDLE_MS, LARGE_TEXT, MemoryKeeper, type Later } from '../../server/src/lsp/memory';
import { PlanStore } from '../../server/src/lsp/store';
import { generatePlan } from '../bench/generate';

const OPTIONS = { localToday: '2026-03-01' };
const DOCS = ruleDocsLink('https://example.org/eqplan/README.md');
const URI = 'file:///plans/large.eqplan.yaml';

/** The places of `action: Deliver workshop` lines, where the edits go. */
function actionLines(text: string): number[] {
  return text
    .split('\n')
    .map((l, i) => (l.startsWith('        action: Deliver workshop') ? i : -1))
    .filter((i) => i >= 0);
}

/** Types `text` into the action text on `line`, or at the start of the line when it is a whole line. */
function typeAt(doc: TextDocument, line: number, text: string): TextDocument {
  const at = { line, character: text.endsWith('\n') ? 0 : '        action: Deliver workshop'.length };
  return TextDocument.update(doc, [{ range: { start: at, end: at }, text }], doc.version + 1);
}

describe('document store memory', () => {
  it('keeps no more versions after many edits than after the first, and nothing once the document is forgotten', () => {
    const store = new PlanStore();
    let doc = TextDocument.create(URI, 'yaml', 1, generatePlan(4, 25));
    store.check(doc, OPTIONS);
    const held: number[] = [];
    for (let k = 0; k < 300; k++) {
      const lines = actionLines(doc.getText());
      doc = typeAt(doc, lines[(k * 37) % lines.length], k % 5 === 0 ? '        # a note\n' : 'x');
      // Some versions are typed past (a pause every third keystroke), some are checked.
      if (k % 3 === 0) store.check(doc, OPTIONS);
      else store.typingModel(doc);
      held.push(store.held(URI));
    }
    assert.ok(held.every((n) => n >= 1 && n <= Math.max(...held.slice(0, 6))), `held per edit: ${held.join(',')}`);
    assert.ok(store.splicesRun > 250, `${store.splicesRun} of 300 edits spliced (else this tests little)`);
    store.forget(URI);
    assert.equal(store.held(URI), 0);
  });

  it('keeps no earlier version of an edited objective alive through the findings it reuses', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const store = new PlanStore();
    const text = generatePlan(2, 20);
    let doc = TextDocument.create(URI, 'yaml', 1, text);
    const first = new WeakRef(store.check(doc, OPTIONS).model!.objectives[0]);
    // Edits in the first objective's actions, one at a time: each check rebuilds that objective and
    // reuses the findings of its other actions, which were made with the first version.
    const lines = actionLines(text).slice(0, 10);
    for (const line of lines) {
      doc = typeAt(doc, line, 'x');
      const result = store.check(doc, OPTIONS);
      assert.ok(result.model!.objectives[0] !== first.deref(), 'the objective was rebuilt');
    }
    assert.ok(store.splicesRun >= lines.length, 'every edit was spliced (else nothing was reused)');
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(first.deref(), undefined, 'the first version of the objective is still held');
  });

  it('hands back the same diagnostics for items an edit did not touch, equal to a whole check', () => {
    const store = new PlanStore();
    const text = generatePlan(4, 25);
    const lines = actionLines(text);
    let doc = TextDocument.create(URI, 'yaml', 1, text);
    const before = diagnostics(store.snapshot(doc, OPTIONS)!, DOCS);
    // An edit in an action in the middle: every diagnostic of the other items is as it was.
    const line = lines[Math.floor(lines.length / 2)];
    doc = typeAt(doc, line, 'x');
    store.check(doc, OPTIONS);
    const after = diagnostics(store.snapshot(doc, OPTIONS)!, DOCS);
    const whole = checkPlan(doc.getText(), OPTIONS).findings.map((f) => toDiagnostic(f, DOCS));
    assert.deepEqual(after, whole);
    const kept = new Set(before);
    const above = after.filter((d) => d.range.end.line < line - 15);
    assert.ok(above.length > 50, 'findings above the edit (else this tests little)');
    assert.ok(above.every((d) => kept.has(d)), 'diagnostics above the edit are the ones published before');
    // Below the edited action (on the same lines: the edit added no line), the diagnostics are reused too.
    const below = after.filter((d) => d.range.start.line > line + 15);
    assert.ok(below.length > 0, `${below.length} below`);
    assert.ok(below.every((d) => kept.has(d)), JSON.stringify(below.filter((d) => !kept.has(d)).slice(0, 2)) + ' diagnostics below a same-line edit are the ones published before');
  });

  it('collects (handing memory back) when a large plan closes, after the close is handled, and again once idle; not when a small one does', async () => {
    const idle: (() => void)[] = [];
    const keeper = new MemoryKeeper(undefined, (fn) => {
      idle.push(fn);
      return { cancel: () => undefined };
    });
    await keeper.closed(10_000);
    assert.equal(keeper.collections, 0);
    assert.equal(idle.length, 0);
    const done = keeper.closed(LARGE_TEXT);
    assert.equal(keeper.collections, 0, 'not inside the close handler, where the document is still reachable');
    await done;
    assert.equal(keeper.collections, 1);
    assert.equal(idle.length, 1, 'what the close still held goes once the server is idle');
    idle[0]();
    assert.equal(keeper.collections, 2);
  });

  it('collects once the server is idle after work that left it larger, and work while it waits puts it off', () => {
    const MB = 1024 * 1024;
    let rss = 100 * MB;
    // A hand-run timer: the test says when time has passed.
    const waiting: { fn: () => void; ms: number; cancelled: boolean }[] = [];
    const after: Later = (fn, ms) => {
      const entry = { fn, ms, cancelled: false };
      waiting.push(entry);
      return { cancel: () => (entry.cancelled = true) };
    };
    const pending = () => waiting.filter((w) => !w.cancelled);
    const keeper = new MemoryKeeper(() => rss, after);
    keeper.afterWork();
    assert.equal(pending().length, 0, 'no growth, nothing to hand back');
    rss += 20 * MB;
    keeper.afterWork();
    assert.equal(keeper.collections, 0, 'not worth a collection in the middle of work');
    assert.equal(pending().length, 1);
    assert.equal(pending()[0].ms, IDLE_MS);
    const first = pending()[0];
    rss += 1 * MB;
    keeper.afterWork();
    assert.ok(first.cancelled, 'more work puts the idle collection off');
    assert.equal(pending().length, 1);
    // An edit while it waits (no publication yet: a long pause setting) puts it off too.
    const waitingNow = pending()[0];
    keeper.typing();
    assert.ok(waitingNow.cancelled, 'typing puts the idle collection off');
    assert.equal(pending().length, 1);
    const idle = pending()[0];
    idle.cancelled = true; // it has run: no longer waiting
    idle.fn();
    assert.equal(keeper.collections, 1, 'collected once idle');
    keeper.afterWork();
    assert.equal(pending().length, 0, 'settled at the size after that collection: nothing more to do');
    keeper.typing();
    assert.equal(pending().length, 0, 'typing arms nothing by itself');
    // Growth well past the settled size: a collection at once, and another once idle.
    rss += 80 * MB;
    keeper.afterWork();
    assert.equal(keeper.collections, 2);
    assert.equal(pending().length, 1, 'what the work still held goes once idle');
  });
});
