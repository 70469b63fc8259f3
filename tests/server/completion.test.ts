import assert from 'node:assert/strict';
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { yamlString } from '../../server/src/core';
import { completion, successor } from '../../server/src/features/completion';
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
    assert.deepEqual(['12', 'true', 'null', '~', '0x1F', '1e3', 'WF-03'].map(yamlString), ['"12"', '"true"', '"null"', '"~"', '"0x1F"', '"1e3"', 'WF-03']);
  });

  it('offers snippets for a new objective and a new target', () => {
    const objective = items(PLAN.replace('  - id: P2', '  - |\n  - id: P2')).find((i) => i.label === 'New objective');
    assert.ok(objective);
    assert.match((objective.textEdit as { newText: string }).newText, /^id: \$\{1:P3\}\n {4}title:/);
    const target = items(PLAN + '  - |').find((i) => i.label === 'New target');
    assert.ok(target);
    assert.match((target.textEdit as { newText: string }).newText, /direction: \$\{4\|up,down\|\}/);
  });

  it('offers no new-item snippet inside the fields of an action or a target, where it would nest a list', () => {
    const snippets = (marked: string) => items(marked).filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);
    assert.deepEqual(snippets(PLAN.replace('        rag: amber\n', '        rag: amber\n        |\n')), [], 'a blank line among an action\'s fields');
    assert.deepEqual(snippets(PLAN.replace('        rag: amber\n', '        ra|g: amber\n')), [], 'in the middle of a key');
    assert.deepEqual(snippets(PLAN.replace('    direction: up\n', '    direction: up\n    |\n')), [], 'a blank line among a target\'s fields');
    // Where a new item can go, they are offered.
    assert.deepEqual(snippets(PLAN.replace('  - id: P2', '      |\n  - id: P2')), ['New action']);
    assert.deepEqual(snippets(PLAN.replace('  - id: P2', '      - |\n  - id: P2')), ['New action']);
  });

  it('gives a new objective the next free id in the plan\'s own style', () => {
    const objectiveId = (plan: string) => {
      const snippet = items(plan.replace('targets:', '  - |\ntargets:')).find((i) => i.label === 'New objective');
      return /^id: \$\{1:([^}]*)\}/.exec((snippet?.textEdit as { newText: string }).newText)?.[1];
    };
    assert.equal(objectiveId(PLAN), 'P3');
    assert.equal(objectiveId(PLAN.replace('id: P2', 'id: P4')), 'P5', 'P3 is not the next one after P4');
    assert.equal(objectiveId(PLAN.replace('id: P1', 'id: P3')), 'P4', 'P1? no: after P3, P2 comes P3, taken, so P4');
    assert.equal(objectiveId(PLAN.replace('id: P1', 'id: M1').replace('id: P2', 'id: M2')), 'M3');
  });

  it('counts ids on by their number or their letter, and never turns a word into another word', () => {
    assert.deepEqual(['1a', 'MC9b', 'WF-03', '2.3', '7', 'A', 'PP-apprenticeships', 'x-sub', '1z', 'Z'].map(successor), ['1b', 'MC9c', 'WF-04', '2.4', '8', 'B', 'PP-apprenticeships-2', 'x-sub-2', '1z-2', 'Z-2']);
    const words = PLAN.replace('id: 2a', 'id: PP-apprenticeships');
    assert.deepEqual(labels(words.replace('        measure: Survey run\n', '        measure: Survey run\n      - id: |\n')), ['PP-apprenticeships-2']);
  });

  it('does not offer a list entry that the list already has', () => {
    const flow = labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        characteristics: [age, |, race]');
    assert.ok(flow.includes('disability'));
    assert.ok(!flow.includes('age') && !flow.includes('race'), flow.join(', '));
    const block = labels('eqplan: 1\nobjectives:\n  - id: P1\n    actions:\n      - id: 1a\n        characteristics:\n          - sex\n          - |\n          - "age"\n        rag: red');
    assert.ok(block.includes('disability'));
    assert.ok(!block.includes('sex') && !block.includes('age'), block.join(', '));
    assert.deepEqual(labels(PLAN.replace('support: [hr]', 'support: [hr, |]')), ['equalities-team']);
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

describe('completion with Unicode line and paragraph separators in the text (issue 11)', () => {
  // U+2028 and U+2029 (pasted from Word or a PDF) and U+0085 are not line breaks in LSP: they are characters of their line.
  for (const sep of ['\u2028', '\u2029', '\u0085']) {
    const name = `U+${sep.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    it(`reads the cursor's place when a line above holds ${name}`, () => {
      const marked = `objectives:\n  - id: P1\n    title: Accessible${sep}services\n    actions:\n      - id: 1a\n        action: Deliver${sep}workshops${sep}\n        rag: |`;
      const { text, position } = withCursor(marked);
      const c = cursorContext(text.split(/\r\n|\r|\n/), position.line, position.character);
      assert.deepEqual(c.path, ['objectives', '*', 'actions', '*']);
      assert.equal(c.kind, 'value');
      assert.equal(c.key, 'rag');
      assert.deepEqual(labels(marked), ['red', 'amber', 'green']);
    });
    it(`offers keys on a line after one that holds ${name} in a key's value`, () => {
      const marked = `${PLAN.replace('Accessible services', `Accessible${sep}services`)}\n  - id: P3\n    |`;
      assert.ok(labels(marked).includes('title'), JSON.stringify(labels(marked)));
    });
  }
});
