import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core';
import { action, check, ofRule, planWith } from '../helpers';

const asOf = '2024-01-01';

describe('rule missing-deadline', () => {
  it('flags an open action with no due, on the item', () => {
    const [f] = ofRule(check(planWith(action({ due: undefined })), { asOf }), 'missing-deadline');
    assert.match(f.message, /^Action 1a has no deadline\. Add `due:`/);
    assert.equal(f.severity, 'warning');
  });
  it('flags an empty due on its key, and not as schema', () => {
    const all = check(planWith(action({ due: '' })), { asOf });
    assert.equal(ofRule(all, 'missing-deadline').length, 1);
    assert.equal(ofRule(all, 'schema').length, 0);
  });
  it('skips done actions', () => {
    assert.equal(ofRule(check(planWith(action({ due: undefined, status: 'done' })), { asOf }), 'missing-deadline').length, 0);
  });
});

describe('rule open-deadline', () => {
  it('reports ongoing and tbc, for every action', () => {
    assert.match(ofRule(check(planWith(action({ due: 'ongoing' })), { asOf }), 'open-deadline')[0].message, /`ongoing`, so it can never show as overdue/);
    assert.match(ofRule(check(planWith(action({ due: 'tbc' })), { asOf }), 'open-deadline')[0].message, /`tbc`/);
    assert.equal(ofRule(check(planWith(action({ due: 'tbc', status: 'done' })), { asOf }), 'open-deadline').length, 1);
    assert.equal(ofRule(check(planWith(action({ due: 'ongoing' })), { asOf }), 'overdue').length, 0);
  });
});

describe('rule missing-measure', () => {
  it('flags a missing or empty measure on every action, done ones too', () => {
    assert.equal(ofRule(check(planWith(action({ measure: undefined, status: 'done' })), { asOf }), 'missing-measure').length, 1);
    assert.equal(ofRule(check(planWith(action({ measure: '""' })), { asOf }), 'missing-measure').length, 1);
    assert.equal(ofRule(check(planWith(action({ measure: 'To be confirmed.' })), { asOf }), 'missing-measure').length, 0);
  });
  it('offers a measure line to fill in, at the action indentation', () => {
    const text = planWith(action({ measure: undefined }) + '\n- id: 1b\n  action: Next\n  owner: HR\n  due: 2024-05\n  rag: green\n  measure: m');
    const [f] = ofRule(check(text, { asOf }), 'missing-measure');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /        rag: green\n        measure:\n      - id: 1b/);
  });
});

describe('rule missing-rag', () => {
  it('flags open actions without a RAG, and offers the three ratings', () => {
    const text = planWith(action({ rag: undefined }));
    const [f] = ofRule(check(text, { asOf }), 'missing-rag');
    assert.equal(f.message, 'Action 1a has no RAG status. Add `rag:` with red, amber or green.');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Rate it red', 'Rate it amber', 'Rate it green']);
    assert.match(applyEdits(text, f.fixes[1].edits), /\n        rag: amber\n/);
  });
  it('fills an empty rag after its colon', () => {
    const text = planWith(action({ rag: '' }));
    const [f] = ofRule(check(text, { asOf }), 'missing-rag');
    assert.match(applyEdits(text, f.fixes[0].edits), /\n        rag: red *\n/);
  });
  it('skips done and dropped actions', () => {
    assert.equal(ofRule(check(planWith(action({ rag: undefined, status: 'dropped' })), { asOf }), 'missing-rag').length, 0);
  });
});

describe('rule rag-mismatch', () => {
  it('flags an overdue action rated green, offering red', () => {
    const text = planWith(action({ due: '2023-12-01', rag: 'green  # on track, says HR' }));
    const [f] = ofRule(check(text, { asOf }), 'rag-mismatch');
    assert.match(f.message, /is rated green but was due on 1 Dec 2023/);
    assert.match(applyEdits(text, f.fixes[0].edits), /rag: red  # on track, says HR/);
  });
  it('flags a done action rated red', () => {
    assert.match(ofRule(check(planWith(action({ rag: 'red', status: 'done' })), { asOf }), 'rag-mismatch')[0].message, /marked done but rated red/);
  });
  it('leaves amber overdue actions and green current ones alone', () => {
    assert.equal(ofRule(check(planWith(action({ due: '2023-12-01', rag: 'amber' })), { asOf }), 'rag-mismatch').length, 0);
    assert.equal(ofRule(check(planWith(action({ due: '2024-12-01', rag: 'green' })), { asOf }), 'rag-mismatch').length, 0);
  });
});
