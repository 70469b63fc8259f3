import assert from 'node:assert/strict';
import { checkParsed, checkPlan, parsePlan, type CheckResult, type ParsedPlan } from '../../../server/src/core';
import { trySplice } from '../../../server/src/core/reparse';
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

  it('after random id edits, the re-check (its index updated from the last) gives what a whole check gives', () => {
    // Four objectives of three actions and three targets, ids drawn from small pools so that duplicates come and go.
    const objective = (o: number) =>
      [`  - id: P${o}`, `    title: Objective ${o}`, '    actions:', ...[0, 1, 2].map((a) => `      - { id: ${o}${'abc'[a]}, action: Do ${o}${a}, owner: HR, due: 2030-01, rag: green, measure: m }`)].join('\n');
    const base = ['eqplan: 1', 'organisation: Test Council', 'title: Plan', 'objectives:', ...[1, 2, 3, 4].map(objective), 'targets:', ...[1, 2, 3].map((t) => `  - { id: t${t}, title: T${t}, direction: up, milestones: [{ date: 2030-01-01, value: 1 }] }`), ''].join('\n');
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Ids of other lengths (so what follows moves) and none at all; and comment lines come and go (so lines move).
    const pools: [RegExp, string[]][] = [
      [/^  - id: (\S*)$/gm, ['P1', 'P2', 'P3', 'P10', '']],
      [/\{ id: (\w*), action/g, ['1a', '1b', '2a', '3c', '10bb', '9z', '']],
      [/\{ id: (\w*), title/g, ['t1', 't2', 't10', '']],
    ];
    let text = base;
    let parsed: ParsedPlan = parsePlan(text);
    let previous: CheckResult = checkParsed(parsed, { asOf: '2024-01-01' });
    let duplicatesSeen = 0;
    let reused = 0;
    for (let step = 0; step < 300; step++) {
      if (next() < 0.15) {
        const lines = text.split('\n');
        const comments = lines.map((l, i) => (l.trim() === '# note' ? i : -1)).filter((i) => i >= 0);
        if (comments.length > 0 && next() < 0.5) lines.splice(comments[Math.floor(next() * comments.length)], 1);
        else lines.splice(4 + Math.floor(next() * (lines.length - 6)), 0, '    # note');
        text = lines.join('\n');
      } else {
        const [pattern, pool] = pools[Math.floor(next() * pools.length)];
        const places = [...text.matchAll(pattern)];
        const place = places[Math.floor(next() * places.length)];
        const start = (place.index ?? 0) + place[0].length - (place[0].endsWith(', action') ? ', action'.length : place[0].endsWith(', title') ? ', title'.length : 0) - place[1].length;
        text = text.slice(0, start) + pool[Math.floor(next() * pool.length)] + text.slice(start + place[1].length);
      }
      parsed = trySplice(parsed, text) ?? parsePlan(text);
      const result = checkParsed(parsed, { asOf: '2024-01-01' }, previous);
      if (previous.reuse?.taken) reused++;
      const whole = checkPlan(text, { asOf: '2024-01-01' });
      const shown = (r: CheckResult) => ofRule(r.findings, 'duplicate-id').map((f) => `${f.path} ${f.message}`);
      assert.deepEqual(shown(result), shown(whole), `step ${step}`);
      duplicatesSeen += shown(whole).length;
      previous = result;
    }
    assert.ok(reused > 150, `${reused} re-checks took over the last check`);
    assert.ok(duplicatesSeen > 300, `${duplicatesSeen} duplicates seen over the edits (else this tests little)`);
  });
});
