import assert from 'node:assert/strict';
import { check, ofRule } from '../helpers';

describe('rule duplicate-id', () => {
  const text = `eqplan: 1
organisation: Test Council
title: Plan
objectives:
  - id: P1
    title: One
    actions:
      - { id: 1a, action: A, owner: HR, due: 2030-01, rag: green, measure: m }
  - id: P1
    title: Two
    actions:
      - { id: 1a, action: B, owner: HR, due: 2030-01, rag: green, measure: m }
      - { id: 1b, action: C, owner: HR, due: 2030-01, rag: green, measure: m }
targets:
  - { id: t1, title: T, direction: up, milestones: [{ date: 2030-01-01, value: 1 }] }
  - { id: t1, title: U, direction: up, milestones: [{ date: 2030-01-01, value: 1 }] }
`;
  it('flags the second use of an objective, action (across objectives) and target id', () => {
    const found = ofRule(check(text), 'duplicate-id');
    assert.deepEqual(
      found.map((f) => [f.path, f.message]),
      [
        ['/objectives/1/id', 'Objective id `P1` is used twice (first at line 5). Give each objective its own id.'],
        ['/objectives/1/actions/0/id', 'Action id `1a` is used twice (first at line 8). Give each action its own id.'],
        ['/targets/1/id', 'Target id `t1` is used twice (first at line 15). Give each target its own id.'],
      ],
    );
    assert.equal(found[0].severity, 'error');
  });
  it('treats a numeric id and the same id in quotes as the same', () => {
    const numeric = text.replace('id: 1a, action: A', 'id: 7, action: A').replace('id: 1a, action: B', 'id: "7", action: B');
    assert.equal(ofRule(check(numeric), 'duplicate-id').filter((f) => f.path.includes('actions')).length, 1);
  });
});
