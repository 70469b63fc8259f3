import assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/core';

const check = (text: string) => checkPlan(text, { localToday: '2024-01-01' }).findings;

describe('parsing and bad input', () => {
  it('reports every syntax error, not just the first', () => {
    const text = 'eqplan: 1\ntitle: A\ntitle: B\nobjectives:\n\t- x\n';
    const found = check(text);
    assert.ok(found.length >= 2, JSON.stringify(found.map((f) => f.message)));
    assert.ok(found.every((f) => f.rule === 'yaml-syntax'));
  });
  it('reports a duplicate key as a syntax error on the key', () => {
    const found = check('eqplan: 1\ntitle: A\ntitle: B\n');
    const f = found.find((x) => x.rule === 'yaml-syntax');
    assert.ok(f);
    assert.ok(found.some((x) => x.rule === 'schema'), 'the other checks still run');
    assert.equal(f.range.start.line, 2);
    assert.match(f.message, /appears twice/);
  });
  it('handles an empty file, a top-level list, a scalar and binary bytes with one clear finding', () => {
    assert.match(check('')[0].message, /The file is empty/);
    assert.match(check('# only a comment\n')[0].message, /The file is empty/);
    assert.match(check('- a\n- b\n')[0].message, /not a list/);
    assert.match(check('just words')[0].message, /must be a plan/);
    assert.match(check('\u0000\u0001PNG')[0].message, /binary data/);
  });
  it('refuses an alias bomb without hanging', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefg'[i]).join(',')}]`)].join('\n');
    const found = check(bomb);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /aliases/);
  });
  it('survives 10,000-deep nesting', () => {
    const flow = check('['.repeat(10000) + ']'.repeat(10000));
    assert.ok(flow.length >= 1 && flow.every((f) => f.rule === 'yaml-syntax'));
    const indented = check(Array.from({ length: 10000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'));
    assert.ok(indented.length >= 1 && indented.length <= 50);
  });
  it('refuses a text over the size limit without parsing it', () => {
    const found = check('x'.repeat(21 * 1024 * 1024));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /too large/);
  });
});
