import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { checkPlan, findNode, parsePlan } from '../../server/src/core';

/**
 * Plans with one huge mapping or list. The `yaml` library's own duplicate-key
 * check compares each key with every key before it (half a minute for 40,000
 * keys), so `parsePlan` finds repeated keys itself in one pass; these tests
 * check that it reports them as the library did.
 */
const check = (text: string) => checkPlan(text, { localToday: '2024-01-01' }).findings;

/** Where the library's own check (`uniqueKeys: true`) reports repeated keys. */
function libraryDuplicates(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true, prettyErrors: false })
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0]);
}

describe('large mappings and lists', () => {
  it('reads a plan with 60,000 keys in one mapping (the library check alone would take minutes)', () => {
    const text = ['eqplan: 1', ...Array.from({ length: 60_000 }, (_, i) => `k${i}: ${i}`)].join('\n') + '\n';
    const parsed = parsePlan(text);
    assert.equal(parsed.readable, true);
    assert.deepEqual(parsed.syntax, []);
    const value = parsed.value as Record<string, number>;
    assert.equal(Object.keys(value).length, 60_001);
    assert.equal(value.k59999, 59_999);
    // Looking up a key of the mapping finds its own pair, first to last.
    for (const k of ['eqplan', 'k0', 'k30000', 'k59999']) assert.equal((findNode(parsed.doc, [k])?.pair?.key as { value: unknown }).value, k);
    assert.equal(findNode(parsed.doc, ['k60000']), undefined);
  });

  it('reports each repeated key of a large mapping once, where the library reports it, and goes on checking', () => {
    const lines = ['eqplan: 1', 'organisation: Test Borough Council'];
    for (let i = 0; i < 3000; i++) lines.push(`x-k${i}: ${i}`);
    // Repeats: a plain key, a quoted one, one after an empty value, one after a comment, and one nested deeper.
    lines.push('x-k5: again', '"x-k7": quoted', 'x-empty:', 'x-k9:', '# a comment', 'x-k11: 11', 'x-list:', '  - a: 1', '    a: 2');
    const text = lines.join('\n') + '\n';
    assert.equal(libraryDuplicates(text).length, 5);
    const found = check(text);
    const duplicates = found.filter((f) => f.rule === 'yaml-syntax');
    for (const f of duplicates) assert.match(f.message, /appears twice in the same item/);
    // Each is marked on the whole repeated key, also after an empty value and after a comment (issue 11).
    assert.deepEqual(
      duplicates.map((f) => [f.range.start.line, text.slice(f.offset, f.endOffset)]),
      [[3002, 'x-k5'], [3003, '"x-k7"'], [3005, 'x-k9'], [3007, 'x-k11'], [3010, 'a']],
    );
    // A repeated key does not stop the other checks.
    assert.ok(found.some((f) => f.rule === 'schema'));
  });

  it('reports the same repeated keys for a small mapping (the library check) and a large one (the one-pass check)', () => {
    const body = ['a: 1', 'b:', 'a: 2', 'c: {x: 1, x: 2}', 'b: |', '  text', '', 'c: 3'];
    const small = ['eqplan: 1', ...body].join('\n') + '\n';
    const padding = Array.from({ length: 2000 }, (_, i) => `x-p${i}: 1`);
    const large = ['eqplan: 1', ...padding, ...body].join('\n') + '\n';
    const shift = large.length - small.length;
    const at = (text: string) => parsePlan(text).syntax.map((s) => [s.offset, s.endOffset]);
    // In the library's order, each on its repeated key.
    assert.equal(at(small).length, libraryDuplicates(small).length);
    assert.deepEqual(at(small).map(([start, end]) => small.slice(start, end)), ['a', 'x', 'b', 'c']);
    assert.deepEqual(at(large), at(small).map(([start, end]) => [start + shift, end + shift]));
  });

  it('checks a plan with a long list and a long owners mapping', () => {
    const owners = Array.from({ length: 10_000 }, (_, i) => `  Team ${i}: Person ${i}`);
    const list = Array.from({ length: 10_000 }, (_, i) => `  - item ${i}`);
    const text = ['eqplan: 1', 'owners:', ...owners, 'x-list:', ...list].join('\n') + '\n';
    const parsed = parsePlan(text);
    assert.equal(parsed.readable, true);
    assert.equal(findNode(parsed.doc, ['owners', 'Team 9999'])?.pair?.value?.toString(), 'Person 9999');
    assert.equal(findNode(parsed.doc, ['x-list', 9_999])?.node?.toString(), 'item 9999');
    assert.ok(check(text).length > 0);
  });
});
