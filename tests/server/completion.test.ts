import assert from 'node:assert/strict';
import { MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { completion, yamlIdText } from '../../server/src/features/completion';
import { cursorContext } from '../../server/src/features/cursor';
import { at, planAt, PLAN, withCursor } from './helpers';

function labels(marked: string): string[] {
  const { ctx, position } = at(marked);
  return completion(ctx, position).items.map((i) => i.label);
}

function items(marked: string): CompletionItem[] {
  const { ctx, position } = at(marked);
  return completion(ctx, position).items;
}

describe('completion', () => {
  describe('where the cursor is', () => {
    const cases: [string, string[], string, string?][] = [
      ['eqplan: 1\n|', [], 'key'],
      ['objectives:\n  - id: P1\n    actions:\n      - id: 1a\n        ow|', ['objectives', '*', 'actions', '*'], 'key'],
      ['objectives:\n  - id: P1\n    actions:\n      - id: 1a\n        rag: |', ['objectives', '*', 'actions', '*'], 'value', 'rag'],
      ['objectives:\n  - id: P1\n    actions:\n      - |', ['objectives', '*', 'actions'], 'item'],
      ['objectives:\n- id: P1\n  actions:\n  - id: 1a\n    due: |', ['objectives', '*', 'actions', '*'], 'value', 'due'],
      ['objectives:\n  - id: P1\n    title: >-\n      A long: title\n    |', ['objectives', '*'], 'key'],
      ['objectives:\n  - id: P1\n    actions:\n      - id: 1a\n        updates:\n          - { date: 2024-01-01, ra|', ['objectives', '*', 'actions', '*', 'updates', '*'], 'key'],
      ['targets:\n  - id: T1\n    milestones:\n      - { date: 2024-01-01, value: 3 }\n    dir|', ['targets', '*'], 'key'],
    ];
    for (const [marked, path, kind, key] of cases) {
      it(`${JSON.stringify(marked.split('\n').pop())} -> ${path.join('.') || 'root'} ${kind}`, () => {
        const { text, position } = withCursor(marked);
        const c = cursorContext(text.split('\n'), position.line, position.character);
        assert.deepEqual(c.path, path);
        assert.equal(c.kind, kind);
        if (key) assert.equal(c.key, key);
      });
    }
  });

  it('offers the keys an action may still have, with their documentation', () => {
    const list = items(planAt('support: [hr]'));
    const owner = list.find((i) => i.label === 'owner');
    const outcome = list.find((i) => i.label === 'outcome');
    assert.ok(outcome, 'outcome is offered');
    assert.equal(owner, undefined, 'owner is already there');
    assert.ok(!list.some((i) => i.label === 'due'));
    const doc = outcome.documentation as { kind: string; value: string };
    assert.equal(doc.kind, MarkupKind.Markdown);
    assert.match(doc.value, /outcome/i);
  });

  it('offers the root keys at the start of an empty line', () => {
    const l = labels(PLAN.replace('targets:', '|\ntargets:'));
    assert.ok(l.includes('period'));
    assert.ok(!l.includes('objectives'), 'objectives is already there');
  });

  it('offers red, amber and green for rag', () => {
    assert.deepEqual(labels(planAt('green', 0).replace('|green', '|')), ['red', 'amber', 'green']);
  });

  it('offers the statuses for status and up/down for direction', () => {
    assert.deepEqual(labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        status: |'), ['not-started', 'in-progress', 'done', 'dropped']);
    assert.deepEqual(labels(PLAN.replace('direction: up', 'direction: |')), ['up', 'down']);
  });

  it('offers protected characteristics in a flow list and in a block list', () => {
    const flow = labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        characteristics: [race, |');
    assert.ok(flow.includes('disability') && flow.includes('sexual-orientation'));
    const block = labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        characteristics:\n          - |');
    assert.ok(block.includes('age') && block.includes('care-experienced'));
  });

  it('offers owner ids from the registry, with their names, for owner, lead and support', () => {
    for (const marked of [PLAN.replace('owner: hr\n        due: 2024-02-05', 'owner: |\n        due: 2024-02-05'), PLAN.replace('lead: equalities-team', 'lead: |'), PLAN.replace('support: [hr]', 'support: [|')]) {
      const list = items(marked);
      assert.deepEqual(list.map((i) => i.label), ['hr', 'equalities-team']);
      assert.equal(list[0].detail, 'Human Resources');
    }
  });

  it('offers the owners already named when there is no registry', () => {
    const l = labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        owner: Head of HR\n      - id: 1b\n        owner: |');
    assert.deepEqual(l, ['Head of HR']);
  });

  it('offers today, the end of this month and of this quarter for due', () => {
    const list = items(PLAN.replace('due: 2024-02-05', 'due: |'));
    assert.deepEqual(list.map((i) => i.label).slice(0, 3), ['2024-01-31', '2024-01', '2024-Q1']);
    assert.match(list[1].detail ?? '', /31 Jan 2024/);
    assert.match(list[2].detail ?? '', /31 Mar 2024/);
  });

  it('offers the next free action id', () => {
    const l = labels(PLAN.replace('      - id: 2a\n', '      - id: 2a\n      - id: |\n'));
    assert.deepEqual(l, ['2b']);
    const first = labels(PLAN.replace('        measure: Report published\n', '        measure: Report published\n      - id: |\n'));
    assert.deepEqual(first, ['1c']);
  });

  it('offers a snippet for a new action, with the next id and a registered owner', () => {
    const list = items(PLAN.replace('  - id: P2', '      - |\n  - id: P2'));
    const snippet = list.find((i) => i.label === 'New action');
    assert.ok(snippet, `no action snippet in ${list.map((i) => i.label).join(', ')}`);
    const newText = (snippet.textEdit as { newText: string }).newText;
    assert.match(newText, /^id: \$\{1:1c\}\n {8}action: /);
    assert.match(newText, /owner: \$\{3:hr\}/);
    assert.match(newText, /due: \$\{4:2024-Q1\}/);
  });

  it('quotes a next action id that YAML would read as a number', () => {
    const dotted = PLAN.replace('id: 1a\n', 'id: "1.3"\n').replace('id: 1b\n', 'id: "1.4"\n');
    const [item] = items(dotted.replace('        measure: Report published\n', '        measure: Report published\n      - id: |\n'));
    assert.equal(item.label, '1.5');
    assert.equal((item.textEdit as { newText: string }).newText, '"1.5"');
    const snippet = items(dotted.replace('  - id: P2', '      - |\n  - id: P2')).find((i) => i.label === 'New action');
    assert.ok(snippet);
    assert.match((snippet.textEdit as { newText: string }).newText, /^id: \$\{1:"1\.5"\}\n/);
    // Ids YAML reads as strings stay plain.
    const [plain] = items(PLAN.replace('      - id: 2a\n', '      - id: 2a\n      - id: |\n'));
    assert.equal((plain.textEdit as { newText: string }).newText, '2b');
    assert.deepEqual(['12', 'true', 'null', '~', '0x1F', '1e3', 'WF-03'].map(yamlIdText), ['"12"', '"true"', '"null"', '"~"', '"0x1F"', '"1e3"', 'WF-03']);
  });

  it('offers snippets for a new objective and a new target', () => {
    const objective = items(PLAN.replace('  - id: P2', '  - |\n  - id: P2')).find((i) => i.label === 'New objective');
    assert.ok(objective);
    assert.match((objective.textEdit as { newText: string }).newText, /^id: \$\{1:P3\}\n {4}title:/);
    const target = items(PLAN + '  - |').find((i) => i.label === 'New target');
    assert.ok(target);
    assert.match((target.textEdit as { newText: string }).newText, /direction: \$\{4\|up,down\|\}/);
  });

  it('replaces the word being typed', () => {
    const { ctx, position } = at(PLAN.replace('rag: amber', 'rag: am|'));
    const item = completion(ctx, position).items.find((i) => i.label === 'amber');
    const edit = item?.textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, position.character - 2);
  });

  it('completes inside quotes without swallowing the opening quote', () => {
    const { ctx, position } = at(PLAN.replace('owner: hr\n        due: 2024-02-05', 'owner: "h|"\n        due: 2024-02-05'));
    const item = completion(ctx, position).items.find((i) => i.label === 'hr');
    const edit = item?.textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, position.character - 1, 'only the typed `h` is replaced, the quote stays');
  });
});
