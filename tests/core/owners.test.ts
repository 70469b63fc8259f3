import assert from 'node:assert/strict';
import { buildModel, parsePlan, PLAN_SCHEMA } from '../../server/src/core';
import { isOwnerReferencePath, isPlaceholderOwner, ownerFieldAt, ownerReferences, ownerSuggestions, OWNER_FIELDS } from '../../server/src/core/owners';
import { action, planWith } from './helpers';

const head = 'owners:\n  hr: { name: Human Resources }\n  equalities-team: { name: Equalities Team }';
const targets = '- id: T1\n  title: Staff declaring a disability\n  direction: up\n  owner: hr\n  milestones:\n    - { date: 2025-03-31, value: 10 }';

function modelOf(text: string) {
  const model = buildModel(parsePlan(text));
  assert.ok(model);
  return model;
}

describe('owner fields (core/owners.ts)', () => {
  it('lists exactly the fields the plan schema says hold owners', () => {
    // A field added to the schema with an owner value must be added to OWNER_FIELDS, or rename and the check drift apart again.
    const defs = new Map(Object.entries(PLAN_SCHEMA.$defs as Record<string, { properties?: Record<string, { $ref?: string; type?: unknown }> }>));
    const fromSchema: string[] = [];
    for (const holder of ['objective', 'action', 'target']) {
      for (const [key, schema] of Object.entries(defs.get(holder)?.properties ?? {})) {
        if (schema.$ref === '#/$defs/ownerRef') fromSchema.push(`${holder}.${key}`);
      }
    }
    const single = OWNER_FIELDS.filter((f) => !f.list).map((f) => `${f.holder}.${f.key}`);
    assert.deepEqual(single.sort(), fromSchema.sort());
    for (const f of OWNER_FIELDS.filter((x) => x.list)) {
      assert.equal(defs.get(f.holder)?.properties?.[f.key]?.type, 'array', `${f.holder}.${f.key} is a list in the schema`);
    }
    assert.deepEqual(OWNER_FIELDS.map((f) => `${f.holder}.${f.key}`), ['objective.lead', 'action.owner', 'action.support', 'target.owner']);
  });

  it('tells an owner field and an owner reference by path, for the editor', () => {
    assert.equal(ownerFieldAt(['objectives', 0, 'lead'])?.key, 'lead');
    assert.equal(ownerFieldAt(['objectives', 0, 'actions', 3, 'owner'])?.holder, 'action');
    assert.equal(ownerFieldAt(['targets', 1, 'owner'])?.holder, 'target');
    assert.equal(ownerFieldAt(['targets', '*', 'owner'])?.holder, 'target', 'the paths completion builds while typing');
    // Not owner fields: an objective has no `owner`, an action no `lead`, the registry is not a reference.
    assert.equal(ownerFieldAt(['objectives', 0, 'owner']), undefined);
    assert.equal(ownerFieldAt(['objectives', 0, 'actions', 0, 'lead']), undefined);
    assert.equal(ownerFieldAt(['owners', 'hr']), undefined);
    assert.equal(isOwnerReferencePath(['objectives', 0, 'actions', 0, 'support', 2]), true);
    assert.equal(isOwnerReferencePath(['objectives', 0, 'actions', 0, 'support']), false, 'the list itself is not one reference');
    assert.equal(isOwnerReferencePath(['targets', 0, 'owner']), true);
    assert.equal(isOwnerReferencePath(['targets', 0, 'milestones', 0]), false);
  });

  it('finds every reference in document order, with the role each plays, targets included', () => {
    const text = planWith(action({ owner: 'finance', support: '[hr, 7, " comms "]' }), { head, targets }).replace('    title: Accessible services', '    title: Accessible services\n    lead: policy');
    const refs = ownerReferences(modelOf(text));
    assert.deepEqual(
      refs.map((r) => [r.text, r.path.join('/'), r.role]),
      [
        ['policy', 'objectives/0/lead', 'lead of objective P1'],
        ['finance', 'objectives/0/actions/0/owner', 'owner of action 1a'],
        ['hr', 'objectives/0/actions/0/support/0', 'supporting action 1a'],
        ['comms', 'objectives/0/actions/0/support/2', 'supporting action 1a'],
        ['hr', 'targets/0/owner', 'owner of target "Staff declaring a disability"'],
      ],
    );
    assert.equal(refs[1].action?.id, '1a');
    assert.equal(refs[4].item.id, 'T1');
  });

  it('puts the objective lead first among suggestions', () => {
    const model = modelOf(planWith(action(), { head }).replace('    title: Accessible services', '    title: Accessible services\n    lead: equalities-team'));
    assert.deepEqual(ownerSuggestions(model, model.actions[0]), ['equalities-team', 'hr']);
    assert.deepEqual(ownerSuggestions(modelOf(planWith(action()))), []);
  });

  it('knows the placeholder words that name nobody, in any case', () => {
    for (const word of ['All', 'TBC', 'tbc.', ' ? ', 'N/A', 'Everyone', 'various']) assert.equal(isPlaceholderOwner(word), true, word);
    for (const word of ['hr', 'Allied Health', 'Total Reward']) assert.equal(isPlaceholderOwner(word), false, word);
  });
});
