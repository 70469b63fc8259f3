import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core';
import { action, check, ofRule, planWith } from '../helpers';

const head = 'owners:\n  hr: { name: Human Resources }\n  equalities-team: { name: Equalities Team }';

describe('rule unknown-owner', () => {
  it('flags owner, lead and support entries not in the registry', () => {
    const text = planWith(action({ owner: 'finance', support: '[hr, comms]' }), { head }).replace('    title: Accessible services', '    title: Accessible services\n    lead: policy');
    const found = ofRule(check(text), 'unknown-owner');
    assert.deepEqual(found.map((f) => f.path), ['/objectives/0/lead', '/objectives/0/actions/0/owner', '/objectives/0/actions/0/support/1']);
    assert.match(found[1].message, /^`finance` \(owner of action 1a\) is not in the owners list/);
  });
  it("flags a target's owner that is not in the registry, as rename rewrites it", () => {
    const targets = '- id: T1\n  title: Staff declaring a disability\n  direction: up\n  owner: hrr\n  milestones:\n    - { date: 2025-03-31, value: 10 }';
    const found = ofRule(check(planWith(action({ owner: 'hr' }), { head, targets })), 'unknown-owner');
    assert.deepEqual(found.map((f) => f.path), ['/targets/0/owner']);
    assert.equal(found[0].message, '`hrr` (owner of target "Staff declaring a disability") is not in the owners list. Did you mean `hr` (Human Resources)? Otherwise add it to `owners:`.');
    assert.equal(found[0].fixes[0].title, 'Change to `hr`');
    const placeholder = planWith(action({ owner: 'hr' }), { head, targets: targets.replace('owner: hrr', 'owner: TBC') });
    assert.equal(ofRule(check(placeholder), 'unknown-owner').length, 0, 'a placeholder is not an unknown owner');
  });
  it('suggests the registered id for a registered name or a near miss', () => {
    const [byName] = ofRule(check(planWith(action({ owner: 'Human Resources' }), { head })), 'unknown-owner');
    assert.match(byName.message, /Did you mean `hr` \(Human Resources\)\?/);
    const [typo] = ofRule(check(planWith(action({ owner: 'equalities-teem' }), { head })), 'unknown-owner');
    assert.equal(typo.fixes[0].title, 'Change to `equalities-team`');
  });
  it('adds an unknown owner to the registry with a fix, keeping comments', () => {
    const text = planWith(action({ owner: 'Adult Social Care  # the lead service' }), { head });
    const [f] = ofRule(check(text), 'unknown-owner');
    const add = f.fixes.find((x) => x.title.startsWith('Add'));
    assert.ok(add);
    const fixed = applyEdits(text, add.edits);
    assert.match(fixed, /\n  adult-social-care: \{ name: Adult Social Care \}\n/);
    assert.match(fixed, /owner: adult-social-care  # the lead service/);
    assert.equal(ofRule(check(fixed), 'unknown-owner').length, 0);
  });
  it('says the owners list is empty rather than suggest an id, and adds the first entry under it', () => {
    const text = planWith(action({ owner: 'Learning Team' }), { head: 'owners: {} # to fill in' });
    const [f] = ofRule(check(text), 'unknown-owner');
    assert.equal(f.message, '`Learning Team` (owner of action 1a) is not in the owners list. The list is empty: add it to `owners:`.');
    const add = f.fixes.find((x) => x.title === 'Add `learning-team` to the owners list');
    assert.ok(add, 'the add fix is offered');
    const fixed = applyEdits(text, add.edits);
    assert.match(fixed, /\nowners:\n  learning-team: \{ name: Learning Team \} # to fill in\n/);
    assert.equal(ofRule(check(fixed), 'unknown-owner').length, 0);
    // After an anchor, the entry goes inside the braces, and the anchor stays.
    const anchored = planWith(action({ owner: 'Learning Team' }), { head: 'owners: &registry {}' });
    const [g] = ofRule(check(anchored), 'unknown-owner');
    const inside = applyEdits(anchored, g.fixes.find((x) => x.title.startsWith('Add'))!.edits);
    assert.match(inside, /\nowners: &registry \{ learning-team: \{ name: Learning Team \} \}\n/);
  });
  it('leaves an owner, lead or support entry that is not text to schema', () => {
    const text = planWith(action({ owner: '42', support: '[7, { name: hr }, comms]' }), { head }).replace('    title: Accessible services', '    title: Accessible services\n    lead: 3');
    const all = check(text);
    assert.deepEqual(ofRule(all, 'unknown-owner').map((f) => f.path), ['/objectives/0/actions/0/support/2'], 'only the text entry `comms`');
    assert.deepEqual(ofRule(all, 'schema').map((f) => f.path), ['/objectives/0/lead', '/objectives/0/actions/0/owner', '/objectives/0/actions/0/support/0', '/objectives/0/actions/0/support/1']);
  });
  it('does nothing without a registry, and leaves placeholders to unowned', () => {
    assert.equal(ofRule(check(planWith(action({ owner: 'finance' }))), 'unknown-owner').length, 0);
    const all = check(planWith(action({ owner: 'All' }), { head }));
    assert.equal(ofRule(all, 'unknown-owner').length, 0);
    assert.equal(ofRule(all, 'unowned').length, 1);
  });
});
