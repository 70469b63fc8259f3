import assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/core';
import { action, planWith } from './helpers';

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
  it('refuses a billion-laughs alias bomb quickly, pointing at an alias', () => {
    const names = 'abcdefghij';
    const lines = ['eqplan: 1', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    const found = check(`${lines.join('\n')}\nobjectives: *j\n`);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /aliases .* write the values out/);
    assert.equal(found[0].range.start.line, 11);
  });
  it('reads a plan that names one owner through an alias many times', () => {
    for (const n of [101, 1000]) {
      const actions = Array.from({ length: n + 1 }, (_, i) => action({ id: `a${i}`, owner: i === 0 ? '&o Equalities Team' : '*o' })).join('\n');
      const found = check(planWith(actions));
      assert.deepEqual(found.filter((f) => f.rule === 'yaml-syntax'), [], `${n} aliases`);
    }
  });
  it('reports an alias to an anchor that is not defined above it, on the alias', () => {
    const found = check(planWith(action({ 'x-a': '*nope' })));
    assert.equal(found.length, 1);
    assert.equal(found[0].rule, 'yaml-syntax');
    assert.match(found[0].message, /^`\*nope` refers to an anchor `&nope` that is not defined above it/);
    assert.doesNotMatch(found[0].message, /many times|never finish/);
    assert.deepEqual(found[0].range, { start: { line: 13, character: 13 }, end: { line: 13, character: 18 } });
  });
  it('reports an alias inside the value it repeats', () => {
    const found = check('eqplan: 1\nx-a: &a [1, *a]\n');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /`\*a` is inside the value marked `&a`/);
  });
});

describe('syntax messages in plain English', () => {
  /** The one syntax message for a line added to a valid plan, and where it is. */
  function syntaxAt(text: string): { message: string; line: number; character: number } {
    const found = check(text).filter((f) => f.rule === 'yaml-syntax');
    assert.ok(found.length >= 1, text);
    return { message: found[0].message, ...found[0].range.start };
  }
  const LIBRARY_TEXT = /This is not valid YAML:|Plain value|escape sequence|at most one|Flow (sequence|map)|Implicit|Nested mappings|indicator/;

  it('a bad escape in double quotes: use single quotes or write \\\\', () => {
    const f = syntaxAt('eqplan: 1\ntitle: "Equality \\q plan"\n');
    assert.match(f.message, /backslash .*`\\q` is not one\. Use single quotes .* `\\\\`/);
    assert.doesNotMatch(f.message, LIBRARY_TEXT);
  });
  it('a value starting with @ or `: put it in quotes', () => {
    const at = syntaxAt('eqplan: 1\norganisation: @council\n');
    assert.match(at.message, /cannot start with `@` unless it is in quotes.*`"@council"`/);
    const tick = syntaxAt('eqplan: 1\norganisation: `council`\n');
    assert.match(tick.message, /cannot start with a backtick .*quotes/);
    for (const f of [at, tick]) assert.doesNotMatch(f.message, LIBRARY_TEXT);
  });
  it('two anchors on one value', () => {
    const f = syntaxAt('eqplan: 1\ntitle: &a &b Plan\n');
    assert.match(f.message, /only one anchor \(`&name`\)/);
    assert.doesNotMatch(f.message, LIBRARY_TEXT);
  });
  it('an unclosed `[` or `{` is reported at the bracket, not as indentation on the next line', () => {
    const seq = syntaxAt('eqplan: 1\ntags: [a, b\ntitle: Plan\n');
    assert.match(seq.message, /^This list opened with `\[` is not closed with `\]`/);
    assert.deepEqual([seq.line, seq.character], [1, 6]);
    const map = syntaxAt('eqplan: 1\nperiod: { start: 2019-04-01\ntitle: Plan\n');
    assert.match(map.message, /opened with `\{` is not closed with `\}`/);
    assert.deepEqual([map.line, map.character], [1, 8]);
    for (const f of [seq, map]) {
      assert.doesNotMatch(f.message, /indentation/);
      assert.doesNotMatch(f.message, LIBRARY_TEXT);
    }
  });
  it('a colon and space inside a value: put the value in quotes, with the line as the example', () => {
    const f = syntaxAt('eqplan: 1\ntitle: Equality plan: 2024 update\n');
    assert.match(f.message, /contains `: `.*`title: "Equality plan: 2024 update"`/);
  });
  it('no message shows the library text', () => {
    const texts = [
      'eqplan: 1\nx: [a,, b]\n',
      'eqplan: 1\nx: [a, b]]\n',
      'eqplan: 1\nx: "a" b\n',
      'eqplan: 1\nx: *\n',
      'eqplan: 1\nx: !!str !!int 1\n',
      'eqplan: 1\nx: "a"# c\n',
      'eqplan: 1\nx: |x\n  a\n',
      'eqplan: 1\nx: {a: 1 b: 2}\n',
      '%FOO bar\neqplan: 1\n',
    ];
    for (const text of texts) {
      const f = syntaxAt(text);
      assert.doesNotMatch(f.message, LIBRARY_TEXT, text);
      assert.doesNotMatch(f.message, /not valid YAML:/, text);
    }
  });
});
