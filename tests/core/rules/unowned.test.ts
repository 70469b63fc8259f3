import assert from 'node:assert/strict';
import { action, check, ofRule, planWith } from '../helpers';

describe('rule unowned', () => {
  const asOf = '2024-01-01';
  it('flags placeholders in any case and says which', () => {
    for (const owner of ['All', 'TBC', 'tba', '"?"', 'N/A', 'none', 'NONE', 'All.']) {
      const found = ofRule(check(planWith(action({ owner })), { asOf }), 'unowned');
      assert.equal(found.length, 1, owner);
      assert.match(found[0].message, /which names nobody/);
    }
  });
  it('flags a missing or empty owner', () => {
    const missing = ofRule(check(planWith(action({ owner: undefined })), { asOf }), 'unowned');
    assert.equal(missing[0].message, 'Action 1a has no owner. Add `owner:` with the lead officer or service responsible.');
    assert.equal(missing[0].range.start.line, 7, 'marks the first line of the action');
    assert.equal(ofRule(check(planWith(action({ owner: '' })), { asOf }), 'unowned').length, 1);
    assert.equal(ofRule(check(planWith(action({ owner: '""' })), { asOf }), 'unowned').length, 1);
  });
  it('is not reported as schema too', () => {
    const all = check(planWith(action({ owner: '' })), { asOf });
    assert.deepEqual(all.filter((f) => f.rule === 'schema'), []);
  });
  it('leaves an owner that is not text to schema: one problem, one finding', () => {
    for (const owner of ['{ name: hr }', '42', '[hr, finance]']) {
      const all = check(planWith(action({ owner })), { asOf });
      assert.deepEqual(all.map((f) => f.rule), ['schema'], owner);
      assert.match(all[0].message, /^`owner` in action 1a should be text, not /, owner);
    }
  });
  it('skips done actions and real owners', () => {
    assert.equal(ofRule(check(planWith(action({ owner: 'All', status: 'done' })), { asOf }), 'unowned').length, 0);
    assert.equal(ofRule(check(planWith(action({ owner: 'Allison Smith' })), { asOf }), 'unowned').length, 0);
  });
  it('offers registered owners as fixes, the objective lead first', () => {
    const text = planWith(action({ owner: 'All' }), { head: 'owners:\n  hr: { name: Human Resources }\n  eq: { name: Equalities Team }' }).replace('    title: Accessible services', '    title: Accessible services\n    lead: eq');
    const [f] = ofRule(check(text, { asOf }), 'unowned');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Make Equalities Team (`eq`) the owner', 'Make Human Resources (`hr`) the owner']);
    assert.equal(f.fixes[0].edits[0].newText, 'eq');
    assert.equal(f.fixes[0].safe, false);
  });
});
