import assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { applyEdits, LineIndex } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { diagnostics, ruleDocsLink } from '../../server/src/features/diagnostics';
import { at, PLAN } from './helpers';

const URI = 'file:///test.eqplan.yaml';
const docs = ruleDocsLink('https://example.org/README.md');

/** Applies LSP text edits to a text. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(
    text,
    edits.map((e) => {
      const offset = lines.offsetAt(e.range.start);
      return { ...e, offset, length: lines.offsetAt(e.range.end) - offset };
    }),
  );
}

function actionsFor(text: string, rule: string, only?: string[]): { actions: CodeAction[]; text: string } {
  const { ctx } = at(text + '|');
  const diags = diagnostics(ctx, docs).filter((d) => d.code === rule);
  assert.ok(diags.length > 0, `no ${rule} diagnostic`);
  return { actions: codeActions(ctx, { textDocument: { uri: URI }, range: diags[0].range, context: { diagnostics: diags.slice(0, 1), only } }), text };
}

describe('code actions', () => {
  it('offers the engine fix of a council date phrase as a preferred quick fix on its diagnostic', () => {
    const { actions, text } = actionsFor(PLAN, 'schema');
    const fix = actions.find((a) => /2022-11/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics?.[0].code, 'schema');
    const after = apply(text, fix.edit!.changes![URI]);
    assert.match(after, /due: 2022-11\n/);
    assert.equal(after.replace('due: 2022-11', 'due: Nov 22'), text, 'only the value changes');
  });

  it('offers "mark red" for an overdue action', () => {
    const { actions } = actionsFor(PLAN, 'rag-mismatch');
    assert.ok(actions.some((a) => /red/i.test(a.title)), actions.map((a) => a.title).join(' | '));
  });

  it('offers a suppression comment with a reason, at the indentation of the line', () => {
    const { actions, text } = actionsFor(PLAN, 'overdue');
    const suppress = actions.find((a) => /Turn off `overdue`/.test(a.title));
    assert.ok(suppress);
    const after = apply(text, suppress.edit!.changes![URI]);
    assert.match(after, /\n {8}# eqplan-disable-next-line overdue -- reason: \n {8}due: 2023-11-30\n/);
    const { ctx } = at(after + '|');
    assert.ok(!ctx.result.findings.some((f) => f.rule === 'overdue'), 'the comment turns the finding off');
    // Until the officer writes the reason after `reason:`, the comment is flagged as having none.
    assert.ok(ctx.result.findings.some((f) => f.rule === 'bad-suppression'), 'the empty placeholder is not a reason');
  });

  it('fixes all safe problems in one action, through the engine', () => {
    const { ctx } = at(PLAN + '|');
    const all = codeActions(ctx, { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, FIX_ALL_KIND);
    assert.match(all[0].title, /Fix \d+ problems? that eqplan can fix safely/);
    const after = apply(PLAN, all[0].edit!.changes![URI]);
    assert.match(after, /rag: red\n/, 'RAG in lower case');
    assert.ok(!/rag: Red/.test(after));
  });

  it('gives only the kinds asked for', () => {
    const { ctx } = at(PLAN + '|');
    const diags = diagnostics(ctx, docs);
    const quick = codeActions(ctx, { textDocument: { uri: URI }, range: diags[0].range, context: { diagnostics: diags, only: [CodeActionKind.QuickFix] } });
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === CodeActionKind.QuickFix));
    const source = codeActions(ctx, { textDocument: { uri: URI }, range: diags[0].range, context: { diagnostics: diags, only: [CodeActionKind.Source] } });
    assert.deepEqual(source.map((a) => a.kind), [FIX_ALL_KIND]);
  });

  it('ignores diagnostics of other tools', () => {
    const { ctx } = at(PLAN + '|');
    const foreign = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'yaml', code: 'schema' };
    assert.deepEqual(codeActions(ctx, { textDocument: { uri: URI }, range: foreign.range, context: { diagnostics: [foreign] } }), []);
  });
});

describe('diagnostics', () => {
  it('carry the rule id, a link to its rule page and the source', () => {
    const { ctx } = at(PLAN + '|');
    const d = diagnostics(ctx, docs).find((x) => x.code === 'overdue');
    assert.ok(d);
    assert.equal(d.source, 'eqplan');
    assert.equal(d.codeDescription?.href, 'https://example.org/docs/rules/overdue.md');
    assert.equal(d.severity, 2);
    assert.match(String(d.message), /Action 1a/);
  });
});
