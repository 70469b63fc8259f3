import assert from 'node:assert/strict';
import { hover } from '../../server/src/features/hover';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Debouncer } from '../../server/src/lsp/debouncer';
import { readSettings } from '../../server/src/lsp/settings';
import { optionsKey } from '../../server/src/core';
import { isPlanDocument, PlanStore } from '../../server/src/lsp/store';
import { PLAN } from './helpers';

describe('document store', () => {
  it('serves *.eqplan.yaml files and YAML with `eqplan: 1`, and leaves other YAML alone', () => {
    assert.equal(isPlanDocument('file:///a/plan.eqplan.yaml', 'yaml', 'anything'), true);
    assert.equal(isPlanDocument('file:///a/plan.EQPLAN.yml', 'plaintext', ''), true);
    assert.equal(isPlanDocument('file:///a/plan.yaml', 'yaml', 'eqplan: 1\ntitle: x'), true);
    assert.equal(isPlanDocument('untitled:Untitled-1', 'yaml', '# draft\neqplan: 1\n'), true);
    assert.equal(isPlanDocument('file:///a/.github/workflows/ci.yml', 'yaml', 'on: push\njobs: {}'), false);
    assert.equal(isPlanDocument('file:///a/notes.md', 'markdown', 'eqplan: 1'), false);
  });

  it('parses each version once and checks it once per set of options, shared by every feature', () => {
    const store = new PlanStore();
    let doc = TextDocument.create('file:///p.eqplan.yaml', 'yaml', 1, PLAN);
    const a = store.snapshot(doc, { localToday: '2024-01-15' })!;
    const b = store.snapshot(doc, { localToday: '2024-01-15' })!;
    assert.equal(a.parsed, b.parsed);
    void a.model;
    assert.equal(store.checksRun, 0, 'the model alone does not run the checks');
    assert.equal(a.result, b.result);
    assert.equal(store.checksRun, 1);
    assert.equal(store.parsesRun, 1);
    store.snapshot(doc, { localToday: '2024-01-15', asOf: '2024-03-01' })!.result;
    assert.equal(store.checksRun, 2, 'other options, another check');
    assert.equal(store.parsesRun, 1, 'but the same parse');
    doc = TextDocument.update(doc, [{ text: '# edited\n', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], 2);
    store.snapshot(doc, { localToday: '2024-01-15' })!.result;
    assert.equal(store.parsesRun, 1, 'a comment line added: the edit is spliced into the last parse');
    assert.equal(store.splicesRun, 1);
    assert.equal(store.checksRun, 3);
  });

  it('answers hovers while a line is half typed from the last readable parse, mapped across the edit, and never about the text being edited', () => {
    const store = new PlanStore();
    const options = { localToday: '2024-01-15' };
    let doc = TextDocument.create('file:///p.eqplan.yaml', 'yaml', 1, PLAN);
    store.parsed(doc);
    // An opening quote typed before a value: the rest of the plan no longer reads as YAML.
    const value = PLAN.indexOf('equalities-team', PLAN.indexOf('lead: '));
    doc = TextDocument.update(doc, [{ text: '"', range: { start: doc.positionAt(value), end: doc.positionAt(value) } }], 2);
    const text = doc.getText();
    const hoverAt = (offset: number) => store.answerQuickly(doc, options, doc.positionAt(offset), hover);
    assert.equal(hoverAt(value + 3), null, 'the value being edited gets no hover (its old text would be described)');
    const rag = text.indexOf('rag: amber');
    const after = hoverAt(rag + 1);
    assert.match((after?.contents as { value: string }).value, /RAG/);
    assert.deepEqual(after?.range?.start, doc.positionAt(rag), 'a field after the edit, at its place in the new text');
    const before = hoverAt(text.indexOf('organisation:') + 2);
    assert.match((before?.contents as { value: string }).value, /organisation/i);
    assert.equal(store.parsesRun, 1, 'no whole parse of the half-typed text');
  });

  it('offers completion the last readable model while a line is half typed, without parsing the whole text again', () => {
    const store = new PlanStore();
    const options = { localToday: '2024-01-15' };
    let doc = TextDocument.create('file:///p.eqplan.yaml', 'yaml', 1, PLAN);
    const first = store.snapshot(doc, options)!;
    assert.ok(first.model);
    assert.equal(store.parsesRun, 1);
    // Typing a new field into an action: `s` alone on a line does not read as YAML.
    const at = doc.positionAt(PLAN.indexOf('        rag: green'));
    doc = TextDocument.update(doc, [{ text: '        s\n', range: { start: at, end: at } }], 2);
    const typing = store.typingSnapshot(doc, options)!.model;
    assert.ok(typing, 'a model is offered');
    assert.equal(typing.actions.length, first.model.actions.length);
    assert.equal(store.parsesRun, 1, 'no whole-text parse for the half-typed line');
    // The check (at the pause) parses the broken text once and reports the syntax problem.
    assert.equal(store.snapshot(doc, options)!.result.findings[0].rule, 'yaml-syntax');
    assert.equal(store.parsesRun, 2);
    // Finishing the field (`status: done`) reads again, and is spliced into the last readable parse.
    doc = TextDocument.update(doc, [{ text: 'tatus: done', range: { start: { line: at.line, character: 9 }, end: { line: at.line, character: 9 } } }], 3);
    const done = store.typingSnapshot(doc, options)!.model;
    assert.ok(done);
    assert.equal(store.parsesRun, 2, 'spliced, not parsed whole');
    assert.equal(store.splicesRun, 1);
    assert.ok(done.actions.some((a) => a.status === 'done'));
  });

  it('gives no context for a document that is not a plan', () => {
    const store = new PlanStore();
    assert.equal(store.snapshot(TextDocument.create('file:///x.yaml', 'yaml', 1, 'a: 1'), { localToday: '2024-01-15' }), undefined);
  });

  it('keys options whatever their order', () => {
    assert.equal(optionsKey({ asOf: '2024-01-01', rules: { overdue: 'error', 'due-soon': 'off' } }), optionsKey({ rules: { 'due-soon': 'off', overdue: 'error' }, asOf: '2024-01-01' }));
    assert.notEqual(optionsKey({ localToday: '2024-01-15', rules: { overdue: 'error' } }), optionsKey({ localToday: '2024-01-15', rules: { overdue: 'off' } }));
  });
});

describe('settings', () => {
  it('reads the eqplan section as check options', () => {
    const { settings, problems } = readSettings({ asOf: '2024-03-31', dueSoonDays: 21, staleUpdateDays: 60, rules: { overdue: 'error', 'due-soon': 'off', 'stale-update': 'default' }, inlayHints: { enabled: false }, debounceMs: 500 });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.options, { asOf: '2024-03-31', dueSoonDays: 21, staleUpdateDays: 60, rules: { overdue: 'error', 'due-soon': 'off' } });
    assert.equal(settings.inlayHintsEnabled, false);
    assert.equal(settings.debounceMs, 500);
  });

  it('drops bad values, says why, and keeps the defaults', () => {
    const { settings, problems } = readSettings({ asOf: '31/03/2024', dueSoonDays: -1, rules: { nope: 'error', overdue: 'loud' } });
    assert.deepEqual(settings.options, {});
    assert.equal(problems.length, 4);
    assert.match(problems[0], /YYYY-MM-DD/);
    assert.equal(settings.inlayHintsEnabled, true);
    assert.equal(settings.debounceMs, 200);
    assert.deepEqual(readSettings(undefined).settings.options, {});
  });

  it('reads rules written as dotted keys, and says why other shapes are dropped', () => {
    assert.deepEqual(readSettings({ 'rules.overdue': 'off', 'rules.due-soon': 'warning' }).settings.options, { rules: { overdue: 'off', 'due-soon': 'warning' } });
    const { settings, problems } = readSettings({ rules: 'off', asOf: 20230131, inlayHints: { enabled: 'no' } });
    assert.deepEqual(settings.options, {});
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /eqplan\.rules setting must map rule ids to a severity/);
    assert.match(problems.join('\n'), /asOf setting 20230131 is a number/);
    assert.match(problems.join('\n'), /inlayHints\.enabled setting must be true or false/);
  });
});

describe('debouncer', () => {
  it('runs once after a burst of calls, with the last task', async () => {
    const debouncer = new Debouncer(20);
    const runs: number[] = [];
    const done = new Promise<void>((resolve) => {
      for (let i = 0; i < 100; i++) {
        debouncer.schedule('doc', () => {
          runs.push(i);
          resolve();
        });
      }
    });
    assert.equal(debouncer.isPending('doc'), true);
    await done;
    assert.deepEqual(runs, [99]);
    assert.equal(debouncer.isPending('doc'), false, 'nothing else is queued');
  });

  it('lets whole-check requests wait for the pause: they settle after the last task ran, not before', async () => {
    const debouncer = new Debouncer(20);
    const events: string[] = [];
    await debouncer.whenSettled('doc').then(() => events.push('idle: at once'));
    for (let i = 0; i < 5; i++) debouncer.schedule('doc', () => events.push(`check ${i}`));
    const lens = debouncer.whenSettled('doc').then(() => events.push('lens'));
    debouncer.schedule('doc', () => events.push('check last'));
    const summary = debouncer.whenSettled('doc').then(() => events.push('summary'));
    await Promise.all([lens, summary]);
    assert.deepEqual(events, ['idle: at once', 'check last', 'lens', 'summary']);
    const closed = debouncer.whenSettled('other');
    debouncer.schedule('gone', () => assert.fail('cancelled task ran'));
    const waiting = debouncer.whenSettled('gone');
    debouncer.cancel('gone');
    await Promise.all([closed, waiting]);
  });

  it('does not take a busy server for a pause: edits that waited unread while it was busy still restart the timer', async () => {
    const debouncer = new Debouncer(20);
    const runs: string[] = [];
    debouncer.schedule('doc', () => runs.push('stale version'));
    // The editor's next edit reaches the server as a message read after the timers have run (jsonrpc reads one message per setImmediate)...
    setImmediate(() => setImmediate(() => debouncer.schedule('doc', () => runs.push('newest version'))));
    // ...because the server is busy (a whole parse of a large plan) for longer than the delay.
    const busyUntil = Date.now() + 150;
    while (Date.now() < busyUntil) {
      // busy
    }
    await debouncer.whenSettled('doc');
    assert.deepEqual(runs, ['newest version']);
  });

  it('still runs the task when the server stays busy, rather than never', async () => {
    const debouncer = new Debouncer(5);
    const ran = new Promise<void>((resolve) => debouncer.schedule('doc', resolve));
    const busy = setInterval(() => {
      const until = Date.now() + Debouncer.LATE_MS + 20;
      while (Date.now() < until) {
        // busy
      }
    }, 1);
    try {
      await ran;
    } finally {
      clearInterval(busy);
    }
  });

  it('cancels', () => {
    const debouncer = new Debouncer(20);
    debouncer.schedule('doc', () => assert.fail('cancelled task ran'));
    debouncer.cancel('doc');
    assert.equal(debouncer.isPending('doc'), false);
  });
});
