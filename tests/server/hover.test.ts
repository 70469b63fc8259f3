import assert from 'node:assert/strict';
import { hover } from '../../server/src/features/hover';
import { at, PLAN, planAt } from './helpers';

function hoverText(marked: string, options = {}): string {
  const { ctx, position } = at(marked, options);
  const h = hover(ctx, position);
  return h ? (h.contents as { value: string }).value : '';
}

describe('hover', () => {
  it('gives nothing for a position past the end of the document', () => {
    const { ctx } = at(PLAN.trimEnd() + '|');
    const last = ctx.parsed.lines.lineCount - 1;
    assert.notEqual(hover(ctx, { line: last, character: 30 }), null, 'the last line still hovers');
    assert.equal(hover(ctx, { line: last + 1, character: 0 }), null);
    assert.equal(hover(ctx, { line: last + 40, character: 3 }), null);
  });

  it('explains a field from the schema', () => {
    const text = hoverText(planAt('measure: Workshops', 2));
    assert.match(text, /\*\*Measure of success\*\*|measure/i);
    assert.match(text, /`measure`/);
  });

  it('says how long an open action has been overdue, as at the plan date', () => {
    const text = hoverText(planAt('2023-11-30', 3));
    assert.match(text, /Due 30 Nov 2023/);
    assert.match(text, /Overdue by 62 days/);
    assert.match(text, /31 Jan 2024 \(the plan's reporting date/);
  });

  it('says how long until a deadline, and uses the eqplan.asOf setting when set', () => {
    assert.match(hoverText(planAt('2024-02-05', 2)), /Due in 5 days/);
    assert.match(hoverText(planAt('2024-02-05', 2), { asOf: '2024-02-05' }), /Due today/);
  });

  it('gives the date a month deadline means', () => {
    const text = hoverText(PLAN.replace('due: 2024-02-05', 'due: 20|24-02'));
    assert.match(text, /the end of Feb 2024.*29 Feb 2024/);
    assert.match(text, /Due in 29 days/);
  });

  it('suggests the canonical form of a council date phrase', () => {
    assert.match(hoverText(planAt('Nov 22', 1)), /Write it as `2022-11`/);
  });

  it("shows an owner's name and the open and overdue actions they hold", () => {
    const text = hoverText(planAt('owner: equalities-team', 9));
    assert.match(text, /\*\*Equalities Team\*\* \(`equalities-team`\)/);
    assert.match(text, /Holds 1 open action, 1 overdue \(1 in all\)/);
    const registry = hoverText(planAt('hr: { name', 1));
    assert.match(registry, /\*\*Human Resources\*\*/);
    assert.match(registry, /Holds 2 open actions/);
  });

  it('says which actions an owner supports and which objectives they lead', () => {
    const lead = hoverText(planAt('owner: equalities-team', 9));
    assert.match(lead, /Leads objective `P1`\./);
    const supporter = hoverText(PLAN.replace('  equalities-team: { name: Equalities Team }', '  equalities-team: { name: Equalities Team }\n  comms: { name: Communications }').replace('support: [hr]', 'support: [hr, co|mms]'));
    assert.match(supporter, /\*\*Communications\*\*/);
    assert.match(supporter, /Owns no actions in this plan\./);
    assert.match(supporter, /Supports 1 open action: `1a`\./);
    assert.doesNotMatch(supporter, /Holds no actions/);
  });

  it("names the targets an owner holds, from the same owner fields the check reads", () => {
    const withOwner = PLAN.replace('    direction: up\n', '    direction: up\n    owner: hr\n');
    const registry = hoverText(withOwner.replace('  hr: { name', '  h|r: { name'));
    assert.match(registry, /Owns target `T1`\./);
    const onTarget = hoverText(withOwner.replace('    owner: hr\n    milestones', '    owner: h|r\n    milestones'));
    assert.match(onTarget, /\*\*Human Resources\*\* \(`hr`\)/);
    assert.match(onTarget, /Owns target `T1`\./);
  });

  it('says nothing about what a value means in a file that does not read as YAML, only what the field is', () => {
    const broken = hoverText(PLAN.replace('lead: equalities-team', 'lead: "equalities-te|am'));
    assert.doesNotMatch(broken, /Equalities Team|equalities-te\b|Holds/);
    assert.doesNotMatch(hoverText(PLAN.replace('lead: equalities-team', 'lead: "equalities-team').replace('due: 2023-11-30', 'due: 2023-1|1-30')), /Overdue|Due/);
  });

  it('says where a target stands', () => {
    const text = hoverText(planAt('Workforce from ethnic', 3));
    assert.match(text, /Workforce from ethnic minority backgrounds\*\*: .+/);
    assert.match(text, /miss|behind|30/i);
  });

  it('gives nothing outside the plan text', () => {
    const { ctx } = at('eqplan: 1|\n');
    assert.equal(hover(ctx, { line: 40, character: 0 }), null);
  });
});

describe('hover on fields named like JavaScript object properties (issue 11)', () => {
  for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
    it(`\`${name}\` is an unknown field, documented like any other unknown field`, () => {
      const unknown = hoverText(`eqplan: 1\nobjectives:\n  - id: P1\n    not_a_fi|eld: x\n`).replace(/not_a_field/g, 'NAME');
      const text = hoverText(`eqplan: 1\nobjectives:\n  - id: P1\n    ${name.slice(0, 3)}|${name.slice(3)}: x\n`).split(name).join('NAME');
      assert.equal(text, unknown);
    });
  }
});
