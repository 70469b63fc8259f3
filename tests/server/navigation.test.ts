import assert from 'node:assert/strict';
import { ResponseError, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLenses } from '../../server/src/features/codeLens';
import { foldingRanges } from '../../server/src/features/folding';
import { inlayHints } from '../../server/src/features/inlayHints';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { planSummary } from '../../server/src/features/summary';
import { documentSymbols, rankWorkspaceSymbols, workspaceSymbols } from '../../server/src/features/symbols';
import { at, PLAN, planAt } from './helpers';

const lineOf = (needle: string) => PLAN.slice(0, PLAN.indexOf(needle)).split('\n').length - 1;

describe('symbols', () => {
  it('outline objectives > actions, then targets, with the owners list', () => {
    const { ctx } = at(PLAN + '|');
    const symbols = documentSymbols(ctx);
    assert.deepEqual(symbols.map((s) => s.name), ['owners', 'P1', 'P2', 'T1']);
    const p1 = symbols[1];
    assert.equal(p1.kind, SymbolKind.Module);
    assert.equal(p1.detail, 'Accessible services');
    assert.deepEqual(p1.children?.map((c) => `${c.name}: ${c.detail}`), ['1a: Deliver EIA workshops', '1b: Publish the workforce report']);
    assert.equal(p1.selectionRange.start.line, lineOf('id: P1'));
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['hr', 'equalities-team']);
  });

  it('finds workspace symbols by query', () => {
    const { ctx } = at(PLAN + '|');
    const found = workspaceSymbols(ctx, 'survey');
    assert.deepEqual(found.map((s) => s.name), ['2a Run the staff survey']);
    assert.equal(found[0].containerName, 'P2');
  });

  it('lists the best matches first: the id itself, then ids and words that start with the query, then the rest', () => {
    const { ctx } = at(PLAN + '|');
    const best = (query: string) => rankWorkspaceSymbols(query, workspaceSymbols(ctx, query))[0]?.name;
    assert.equal(best('P2'), 'P2 An inclusive workforce');
    assert.deepEqual(['1a', 'inclusive', 'xyz'].map(best), ['1a Deliver EIA workshops', 'P2 An inclusive workforce', undefined]);
    assert.deepEqual(rankWorkspaceSymbols('work', ['a network', 'b work', 'work c', 'wxoxrxk'].map((name) => ({ name, kind: 1, location: { uri: 'u' } }))).map((s) => s.name), ['work c', 'b work', 'a network', 'wxoxrxk']);
  });
});

describe('owner navigation', () => {
  it('goes from an owner to its registry entry', () => {
    const { ctx, position } = at(planAt('owner: equalities-team', 10));
    const loc = definition(ctx, position);
    assert.deepEqual(loc?.range, { start: { line: lineOf('  equalities-team: {'), character: 2 }, end: { line: lineOf('  equalities-team: {'), character: 17 } });
  });

  it('finds every reference to an owner, in owner, support and lead', () => {
    const { ctx, position } = at(planAt('hr: { name', 0));
    const refs = references(ctx, position, true);
    assert.deepEqual(refs.map((r) => r.range.start.line), [lineOf('  hr: {'), lineOf('support: [hr]'), lineOf('owner: hr'), PLAN.split('\n').findIndex((l, i) => i > lineOf('id: 2a') && l.includes('owner: hr'))]);
    assert.equal(references(ctx, position, false).length, 3);
  });

  it('renames an owner id everywhere in the file', () => {
    const { ctx, position } = at(planAt('owner: hr', 8));
    assert.deepEqual(prepareRename(ctx, position)?.placeholder, 'hr');
    const edit = rename(ctx, position, 'people-services');
    const edits = edit!.changes!['file:///test.eqplan.yaml'];
    assert.equal(edits.length, 4);
    assert.ok(edits.every((e) => e.newText === 'people-services' && e.range.end.character - e.range.start.character === 2));
  });

  it('renames a block-scalar owner without joining the next line on', () => {
    const marked = planAt('owner: hr\n        due: 2024', 7).replace('owner: |hr\n', 'owner: >-\n          |hr\n');
    const { ctx, position, text } = at(marked);
    const edit = rename(ctx, position, 'people');
    const edits = edit!.changes!['file:///test.eqplan.yaml'];
    assert.equal(edits.length, 4);
    const lines = text.split('\n');
    const block = edits.find((e) => e.range.start.line === lines.indexOf('        owner: >-'))!;
    assert.ok(block, 'the block scalar reference is renamed');
    // The edit ends at the end of `hr`, not at the start of the `due:` line.
    assert.deepEqual(block.range.end, { line: block.range.start.line + 1, character: 12 });
  });

  it('renames in the style each reference is written in, and quotes an id that plain would read as a number', () => {
    // One reference in double quotes, one in single quotes, the registry key and the others plain.
    const styled = PLAN.replace('support: [hr]', "support: ['hr']").replace('owner: hr', 'owner: "hr"');
    const { ctx, position, text } = at(styled.replace('  hr: {', '  h|r: {'));
    const edits = rename(ctx, position, '2024')!.changes!['file:///test.eqplan.yaml'];
    assert.equal(edits.length, 4);
    const renamed = TextDocument.applyEdits(TextDocument.create('file:///test.eqplan.yaml', 'yaml', 1, text), edits);
    assert.match(renamed, /support: \['2024'\]/);
    // The reference written in double quotes stays so; the plain one is quoted, as plain 2024 is a number.
    assert.equal(renamed.match(/owner: "2024"/g)?.length, 2);
    assert.match(renamed, /  "2024": \{/);
    // Read back, every reference names the registered owner `2024` (as text, not the number 2024).
    const after = at(renamed + '|').ctx;
    assert.equal(after.result.findings.filter((f) => f.rule === 'unknown-owner').length, 0);
    assert.deepEqual([...after.model!.owners!.keys()], ['2024', 'equalities-team']);
    assert.ok(after.model!.actions.some((a) => a.data.owner === '2024'));
  });

  it('refuses an owner id that is not valid or already taken', () => {
    const { ctx, position } = at(planAt('owner: hr', 8));
    assert.throws(() => rename(ctx, position, 'Human Resources'), ResponseError);
    assert.throws(() => rename(ctx, position, 'equalities-team'), /already has/);
  });

  it('renames exactly the owner fields that unknown-owner checks: lead, owner, support and a target owner', () => {
    // `hrr` is written in every owner field; rename and the check must read the one list (core/owners.ts).
    const misspelt = PLAN.replace('lead: equalities-team', 'lead: hrr')
      .replace('owner: equalities-team', 'owner: hrr')
      .replace('support: [hr]', 'support: [hrr]')
      .replace('    direction: up\n', '    direction: up\n    owner: hrr\n');
    const { ctx, position, text } = at(misspelt.replace('owner: hrr', 'owner: h|rr'));
    const checked = ctx.result.findings.filter((f) => f.rule === 'unknown-owner' && f.message.startsWith('`hrr`'));
    assert.deepEqual(checked.map((f) => f.path), ['/objectives/0/lead', '/objectives/0/actions/0/owner', '/objectives/0/actions/0/support/0', '/targets/0/owner']);
    const edits = rename(ctx, position, 'hr-team')!.changes!['file:///test.eqplan.yaml'];
    assert.deepEqual(edits.map((e) => e.range).sort((a, b) => a.start.line - b.start.line), checked.map((f) => f.range), 'one edit on each checked field, nothing else');
    assert.deepEqual(references(ctx, position, false).map((r) => r.range), checked.map((f) => f.range));
    const renamed = at(TextDocument.applyEdits(TextDocument.create('file:///test.eqplan.yaml', 'yaml', 1, text), edits) + '|').ctx;
    assert.equal(renamed.result.findings.filter((f) => f.rule === 'unknown-owner').length, 4, 'hr-team is not registered either: the same four fields');
  });

  it('does nothing away from an owner', () => {
    const { ctx, position } = at(planAt('Run the staff', 2));
    assert.equal(prepareRename(ctx, position), null);
    assert.equal(definition(ctx, position), null);
    assert.deepEqual(references(ctx, position, true), []);
  });
});

describe('folding, code lens, inlay hints, summary', () => {
  it('folds objectives, actions and long comments', () => {
    const { ctx } = at('# one\n# two\n' + PLAN + '|');
    const folds = foldingRanges(ctx);
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 1 && f.kind === 'comment'));
    const objectives = lineOf('objectives:') + 2;
    assert.ok(folds.some((f) => f.startLine === objectives && f.endLine === lineOf('targets:') + 1), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === lineOf('- id: 1a') + 2 && f.endLine === lineOf('measure: Workshops') + 2));
  });

  it('tallies each objective and offers the preview', () => {
    const { ctx } = at(PLAN + '|');
    const lenses = codeLenses(ctx);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['Open preview', '2 actions · 1 overdue · R0 A1 G1', '1 action · 0 overdue · R0 A0 G0 · 1 unrated']);
    assert.deepEqual(lenses[0].command?.arguments, ['file:///test.eqplan.yaml']);
    assert.equal(lenses[0].command?.command, 'eqplan.openPreview');
    assert.equal(lenses[1].range.start.line, lineOf('- id: P1'));
    // Editors without the preview get the tallies only.
    assert.deepEqual(codeLenses(ctx, false).map((l) => l.command?.title), lenses.slice(1).map((l) => l.command?.title));
  });

  it('hints how far each open deadline is', () => {
    const { ctx } = at(PLAN + '|');
    const hints = inlayHints(ctx, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
    assert.deepEqual(hints.map((h) => h.label), ['overdue 62 d', 'in 5 d']);
    assert.deepEqual(hints[0].position, { line: lineOf('due: 2023-11-30'), character: 'due: 2023-11-30'.length + 8 });
    assert.deepEqual(inlayHints(ctx, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }), []);
  });

  it('gives the plan summary', () => {
    const { ctx } = at(PLAN + '|');
    const summary = planSummary(ctx);
    assert.equal(summary?.totals.actions, 3);
    assert.equal(summary?.asOf, '2024-01-31');
    assert.equal(planSummary(at('- a list|').ctx), null);
  });
});
