import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { diffPlans } from '../../../server/src/core/diff/diff';
import { CHANGE_KINDS } from '../../../server/src/core/diff/kinds';

const BASE = `eqplan: 1
organisation: Test Council
title: Equality Action Plan
owners:
  hr: { name: Human Resources }
  comms: { name: Communications }
objectives:
  - id: P1
    title: Inclusive services
    actions:
      - id: 1a
        action: Deliver equality impact assessment workshops to procurement staff
        owner: hr
        due: 2022-11
        rag: amber
        status: in-progress
        measure: Workshops delivered to all procurement staff
      - id: 1b
        action: Publish the workforce equality report every year
        owner: comms
        due: 2023-03-31
        rag: green
        status: done
        measure: Report published
      - id: 1c
        action: Hold a lived experience panel with disabled residents
        owner: hr
        due: 2023-Q2
        rag: green
        measure: Panel held and findings reported
  - id: P2
    title: A representative workforce
    actions:
      - id: 2a
        action: Review recruitment adverts for inclusive language
        owner: hr
        due: 2023
        rag: red
        measure: Adverts reviewed
targets:
  - id: pay-gap
    title: Mean ethnicity pay gap
    unit: "%"
    direction: down
    baseline: { date: 2021-03-31, value: 12 }
    milestones:
      - { date: 2023-03-31, value: 10 }
      - { date: 2024-03-31, value: 8 }
    actuals:
      - { date: 2022-03-31, value: 11.5 }
`;

function kinds(oldText: string, newText: string): string[] {
  return diffPlans(oldText, newText).changes.map((c) => c.kind);
}

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `test text has ${from}`);
  return text.replace(from, to);
}

describe('plan diff (core)', () => {
  it('reports nothing for the same plan', () => {
    assert.deepEqual(kinds(BASE, BASE), []);
  });

  it('reports nothing for a reformatting that changes no value', () => {
    const reformatted = BASE.replace('eqplan: 1\norganisation: Test Council\ntitle: Equality Action Plan', '# a comment\ntitle: "Equality Action Plan"\neqplan: 1\norganisation: \'Test Council\'')
      .replace('      - id: 1a\n        action: Deliver', '      - id: "1a"  # quoted now\n        action: Deliver')
      .replace('        due: 2022-11\n        rag: amber', '        rag: amber\n        due: 2022-11-30')
      .replace('      - { date: 2023-03-31, value: 10 }', '      - date: 2023-03-31\n        value: 10.0')
      .replace('        due: 2023\n', '        due: "2023-12-31"\n');
    assert.deepEqual(kinds(BASE, reformatted), []);
  });

  it('reports a slipped deadline with the days it moved, where it is in both versions', () => {
    const next = edit(BASE, 'due: 2022-11\n', 'due: 2023-03\n');
    const [c] = diffPlans(BASE, next).changes;
    assert.equal(c.kind, 'deadline-slipped');
    assert.equal(c.severity, 'warning');
    assert.equal(c.days, 121);
    assert.equal(c.message, "Action 1a's deadline moved from Nov 2022 to Mar 2023, about 4 months (121 days) later.");
    assert.equal(c.old?.path, '/objectives/0/actions/0/due');
    assert.equal(c.new?.range.start.line, 13);
  });

  it('reports deadlines brought forward, opened and set', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, 'due: 2022-11\n', 'due: 2022-10-01\n')), ['deadline-brought-forward']);
    assert.deepEqual(kinds(BASE, edit(BASE, 'due: 2022-11\n', 'due: ongoing\n')), ['deadline-opened']);
    assert.deepEqual(kinds(BASE, edit(BASE, '        due: 2022-11\n', '')), ['deadline-opened']);
    const open = edit(BASE, 'due: 2022-11\n', 'due: tbc\n');
    assert.deepEqual(kinds(open, BASE), ['deadline-set']);
  });

  it('reports RAG worse and better, status changes and a reopened action', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, 'rag: amber', 'rag: red')), ['rag-worsened']);
    const better = diffPlans(BASE, edit(BASE, 'rag: amber', 'rag: green')).changes;
    assert.deepEqual(better.map((c) => c.kind), ['rag-improved']);
    assert.match(better[0].message, /No progress update was added/);
    assert.deepEqual(kinds(BASE, edit(BASE, 'status: in-progress', 'status: done')), ['status-changed']);
    assert.deepEqual(kinds(BASE, edit(BASE, 'status: done', 'status: in-progress')), ['action-reopened']);
  });

  it('reports an owner changed or removed (a placeholder counts as removed)', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, 'owner: comms', 'owner: hr')), ['owner-changed']);
    const tbc = diffPlans(BASE, edit(BASE, 'owner: comms', 'owner: TBC')).changes;
    assert.deepEqual(tbc.map((c) => c.kind), ['owner-removed']);
    assert.match(tbc[0].message, /owned by Communications \(comms\); it now has only "TBC" as owner/);
  });

  it('reports a measure reworded or removed', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, 'measure: Adverts reviewed', 'measure: Some adverts reviewed')), ['measure-changed']);
    assert.deepEqual(kinds(BASE, edit(BASE, '        measure: Adverts reviewed\n', '')), ['measure-removed']);
  });

  it('reports an open action deleted as an error, a finished one as information, an added one', () => {
    const without1c = edit(BASE, `      - id: 1c
        action: Hold a lived experience panel with disabled residents
        owner: hr
        due: 2023-Q2
        rag: green
        measure: Panel held and findings reported
`, '');
    const removed = diffPlans(BASE, without1c).changes;
    assert.deepEqual(removed.map((c) => [c.kind, c.severity]), [['action-removed', 'error']]);
    assert.match(removed[0].message, /^Action 1c, due Q2 2023, was deleted while still open/);
    assert.equal(removed[0].anchor?.path, '/objectives/0', 'annotated on its objective in the new version');
    assert.deepEqual(kinds(without1c, BASE), ['action-added']);
    const without1b = BASE.replace(/      - id: 1b\n(        .*\n){6}/, '');
    assert.deepEqual(kinds(BASE, without1b), ['closed-action-removed']);
  });

  it('matches an action whose reference changed by its wording', () => {
    const renamed = edit(BASE, '- id: 2a', '- id: 2-recruit');
    const changes = diffPlans(BASE, renamed).changes;
    assert.deepEqual(changes.map((c) => c.kind), ['id-changed']);
    assert.equal(changes[0].from, '2a');
    assert.equal(changes[0].to, '2-recruit');
    // Renamed and reworded a little, and its deadline slipped: still one action.
    const both = edit(edit(renamed, 'Review recruitment adverts for inclusive language', 'Review all recruitment adverts for inclusive language'), 'due: 2023\n', 'due: 2024\n');
    assert.deepEqual(kinds(BASE, both).sort(), ['deadline-slipped', 'id-changed']);
  });

  it('reports an action moved to another objective', () => {
    const moved = BASE.replace(/      - id: 2a\n(        .*\n){5}/, '').replace('      - id: 1b\n', `      - id: 2a
        action: Review recruitment adverts for inclusive language
        owner: hr
        due: 2023
        rag: red
        measure: Adverts reviewed
      - id: 1b
`);
    assert.deepEqual(kinds(BASE, moved), ['action-moved']);
  });

  it('reports objectives added and removed', () => {
    const more = BASE.replace('targets:', `  - id: P3
    title: Engaged communities
    actions: []
targets:`);
    assert.deepEqual(kinds(BASE, more), ['objective-added']);
    const fewer = BASE.replace(/  - id: P2\n[\s\S]*?(?=targets:)/, '');
    assert.deepEqual(kinds(BASE, fewer), ['action-removed', 'objective-removed']);
  });

  it('reports targets lowered (value against the direction, or date later) and raised', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, '{ date: 2024-03-31, value: 8 }', '{ date: 2024-03-31, value: 9 }')), ['target-lowered']);
    assert.deepEqual(kinds(BASE, edit(BASE, '{ date: 2024-03-31, value: 8 }', '{ date: 2025-03-31, value: 8 }')), ['target-lowered']);
    assert.deepEqual(kinds(BASE, edit(BASE, '{ date: 2024-03-31, value: 8 }', '{ date: 2024-03-31, value: 7 }')), ['target-raised']);
    const up = edit(edit(BASE, 'direction: down', 'direction: up'), '{ date: 2024-03-31, value: 8 }', '{ date: 2024-03-31, value: 7 }');
    assert.deepEqual(kinds(edit(BASE, 'direction: down', 'direction: up'), up), ['target-lowered']);
  });

  it('reports milestones removed and added, past figures revised or deleted, new figures, a changed baseline', () => {
    assert.deepEqual(kinds(BASE, edit(BASE, '      - { date: 2024-03-31, value: 8 }\n', '')), ['milestone-removed']);
    assert.deepEqual(kinds(BASE, edit(BASE, '      - { date: 2024-03-31, value: 8 }\n', '      - { date: 2024-03-31, value: 8 }\n      - { date: 2025-03-31, value: 6 }\n')), ['milestone-added']);
    assert.deepEqual(kinds(BASE, edit(BASE, '{ date: 2022-03-31, value: 11.5 }', '{ date: 2022-03-31, value: 10.9 }')), ['actual-revised']);
    const deleted = diffPlans(BASE, edit(BASE, '    actuals:\n      - { date: 2022-03-31, value: 11.5 }\n', '')).changes;
    assert.deepEqual(deleted.map((c) => c.kind), ['actual-revised']);
    assert.match(deleted[0].message, /was deleted/);
    assert.deepEqual(kinds(BASE, edit(BASE, '      - { date: 2022-03-31, value: 11.5 }\n', '      - { date: 2022-03-31, value: 11.5 }\n      - { date: 2023-03-31, value: 10.2 }\n')), ['actual-added']);
    assert.deepEqual(kinds(BASE, edit(BASE, 'baseline: { date: 2021-03-31, value: 12 }', 'baseline: { date: 2021-03-31, value: 13 }')), ['baseline-changed']);
  });

  it('reports targets added and removed', () => {
    const none = BASE.replace(/targets:[\s\S]*$/, '');
    assert.deepEqual(kinds(BASE, none), ['target-removed']);
    assert.deepEqual(kinds(none, BASE), ['target-added']);
  });

  it('says when a version does not read as a plan', () => {
    const broken = edit(BASE, 'title: Equality Action Plan', 'title: "Equality Action Plan');
    const changes = diffPlans(BASE, broken).changes;
    assert.deepEqual(changes.map((c) => [c.kind, c.severity]), [['plan-unreadable', 'error']]);
    assert.match(changes[0].message, /^The new version of the plan does not read as a plan/);
  });

  it('takes severities from the config, and `off` drops a kind', () => {
    const next = edit(edit(BASE, 'due: 2022-11\n', 'due: 2023-03\n'), 'rag: amber', 'rag: red');
    const c = diffPlans(BASE, next, { severities: { 'deadline-slipped': 'error', 'rag-worsened': 'off' } }).changes;
    assert.deepEqual(c.map((x) => [x.kind, x.severity]), [['deadline-slipped', 'error']]);
  });

  it('orders the most severe first', () => {
    const next = edit(edit(BASE, 'rag: amber', 'rag: green'), /* slip */ 'due: 2023\n', 'due: 2024\n').replace(/      - id: 1c\n(        .*\n){5}/, '');
    const sev = diffPlans(BASE, next).changes.map((c) => c.severity);
    assert.deepEqual(sev, ['error', 'warning', 'information']);
  });

  it('has a plain message for every kind, and ids are unique', () => {
    const ids = CHANGE_KINDS.map((k) => k.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const k of CHANGE_KINDS) assert.ok(k.description.length > 20, k.id);
  });

  it('never reads a plan key as an object property', () => {
    const odd = BASE.replace('  hr: { name: Human Resources }', '  constructor: { name: Odd }\n  __proto__: { name: Odder }\n  hr: { name: Human Resources }').replace('owner: comms', 'owner: constructor');
    assert.deepEqual(kinds(BASE, odd), ['owner-changed']);
  });

  it('diffs the samples against themselves with no change', () => {
    for (const f of ['samples/leicester-2019-20.eqplan.yaml', 'samples/luton-workforce-2024.eqplan.yaml', 'samples/northfield-improvement-plan.eqplan.yaml']) {
      const text = readFileSync(f, 'utf8');
      assert.deepEqual(kinds(text, text), [], f);
    }
  });
});
