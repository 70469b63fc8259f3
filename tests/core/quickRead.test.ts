/**
 * The quick reading that compares versions and serves `checkPlan`
 * (`core/quickRead.ts`) gives the value and the places `parsePlan` gives, or
 * gives up; a check made from it equals a check of the full parse (findings,
 * their places and fixes, the summary: `quickReadProperties`); and a diff
 * made from it equals a diff made from full parses.
 */
import { strict as assert } from 'node:assert';
import { diffPlans } from '../../server/src/core/diff/diff';
import { parsePlan } from '../../server/src/core/parse';
import { quickRead, readPlanText } from '../../server/src/core/quickRead';
import { generatePlan } from '../bench/generate';
import { mutate, quickReadProperties, Rng, seedTexts } from '../fuzz/harness';

describe('quick reading of a plan (for checks and for comparing versions)', () => {
  const seeds = seedTexts();

  it('reads a plan that starts with a document start marker, after comments', () => {
    assert.deepEqual(quickRead('# plan\n---\na: 1\n')?.value, { a: 1 });
  });

  it('reads every sample and fixture plan that parses cleanly, with the same value, places and check as parsePlan', () => {
    let read = 0;
    for (const text of seeds) {
      assert.deepEqual(quickReadProperties(text), []);
      const full = parsePlan(text);
      if (quickRead(text)) read++;
      else assert.ok(!full.readable || full.syntax.length > 0 || /[&*!]\w|\r(?!\n)|\t/.test(text), `gave up on a clean plan: ${text.slice(0, 120)}`);
    }
    assert.ok(read > seeds.length / 2, `read ${read} of ${seeds.length}`);
  });

  it('agrees with parsePlan, or gives up, on 1,500 mutated plans (values, places, syntax problems, checks)', function () {
    this.timeout(120_000);
    const rng = new Rng(20261202);
    let read = 0;
    for (let i = 0; i < 1500; i++) {
      const text = mutate(rng, seeds);
      assert.deepEqual(quickReadProperties(text), [], text.slice(0, 300));
      if (quickRead(text)) read++;
    }
    assert.ok(read > 300, `read ${read} of 1500`);
  });

  it('agrees with parsePlan on 600 plans with comment lines put in at random places and indentations', function () {
    this.timeout(120_000);
    const rng = new Rng(20261204);
    const clean = seeds.filter((t) => quickRead(t));
    let read = 0;
    for (let i = 0; i < 600; i++) {
      const lines = clean[rng.int(clean.length)].split('\n');
      for (let k = 1 + rng.int(4); k > 0; k--) {
        const at = rng.int(lines.length + 1);
        lines.splice(at, 0, rng.int(4) === 0 ? '' : `${' '.repeat(rng.int(12))}# note ${k}`);
      }
      const text = lines.join('\n');
      assert.deepEqual(quickReadProperties(text), [], text);
      if (quickRead(text)) read++;
    }
    assert.ok(read > 400, `read ${read} of 600`);
  });

  it('places values as parsePlan does: quotes, `|` and `>` texts, empty values, `[ ]` and `{ }`, comments after the last value', () => {
    const texts = [
      'a: 1\nb:\n  - x: 1\n    y: 2\n\n  # c\n  - x: 3\n    y: "q" # c\n\n# tail\nc: [1, 2] # z\nd:\ne: |-\n  line\n  two\n\nf: >\n  fold\n\ng: {}\nh: \'s\'\ni:   \nj: end',
      'k:\n  - a\n  -\n  - b\nm: x\n',
      'a:\n  n: 1\n  m: # c\n\n  # d\nb: 2\n',
      'a:\n  - 1\n  - # c\n  # d\nb: 2\n',
      'a:\n  n: 1\n  m:',
      'list: [ key: v, other ]\nnext: { a: [ ], b: {} }\n',
      'text: >-\n         ',
      // Comment lines after a list's or mapping's last value, at every indentation the library treats differently.
      'a:\n  - x: 1\n    y: 2\n  # c at 2\n  - x: 3\nb: 1\n',
      'a:\n  - x: 1\n    y: 2\n    # c at 4\n  - x: 3\nb: 1\n',
      'a:\n  - x: 1\n    y: 2\n\n    # c at 4 after a blank line\n\n  - x: 3\nb: 1\n',
      'a:\n  - x: 1\n    y: 2\n  # c2\n# c0\nb: 1\n',
      'a:\n  - x: 1\n    y: 2\n      # c6\n   # c3\n  # c2\n # c1\nb: 1\n',
      'a:\n  - x: 1\n    y: 2\n\n\n  # c2\n\nb: 1\n',
      'a:\n  - x: 1\n    y: [2]\n      # c6\nb: 1\n',
      'a:\n- x: 1\n  y: 2\n# c0\nb: 1\n',
      'a:\n  b:\n    c: 1\n   # c3\n  # c2\nd: 1\n',
      'a:\n  b:\n    c: 1\n # c1\nd: 1\n# end\n',
    ];
    for (const text of texts) {
      assert.ok(quickRead(text), JSON.stringify(text));
      assert.deepEqual(quickReadProperties(text), [], JSON.stringify(text));
    }
  });

  it('gives up where only parsePlan can say what the text holds', () => {
    const cases: [string, string][] = [
      ['an anchor and alias', 'owner: &o hr\nother: *o\n'],
      ['a tag', 'due: !!str 2023-01\n'],
      ['a repeated key', 'a: 1\na: 2\n'],
      ['a number as a key', '1: one\n'],
      ['a list as a key', '? [a, b]\n: c\n'],
      ['a syntax error', 'a: "open\nb: 2\n'],
      ['a second document', 'a: 1\n---\nb: 2\n'],
      ['a document end marker', 'a: 1\n...\n'],
      ['a document end marker first (found by the fuzzer)', '...\nrules:\n  overdue: loud\n'],
      ['a document start marker after content', 'a: 1\n---\n'],
      ['two document start markers', '---\n---\na: 1\n'],
      ['a directive', '%YAML 1.2\n---\na: 1\n'],
      ['a tab in the indentation', 'a:\n\tb: 1\n'],
      ['a lone CR line break', 'a: 1\rb: 2\r'],
      ['a line separator', 'a: x\u2028y\n'],
      ['a control character', 'a: \u0001\n'],
      ['a `|+` text that keeps its blank lines', 'a: |+\n  x\n\nb: 1\n'],
    ];
    for (const [what, text] of cases) assert.equal(quickRead(text), undefined, what);
    // Where it gives up, `readPlanText` answers from the full parse, or says the text is not readable.
    assert.deepEqual(readPlanText('owner: &o hr\nother: *o\n')?.value, { owner: 'hr', other: 'hr' });
    assert.equal(readPlanText('a: "open\nb: 2\n'), undefined);
  });

  it('resolves plain values by YAML 1.2 core rules, as parsePlan does', () => {
    const text = 'a: [~, null, Null, "", true, False, yes, no, 0o17, 017, 0x1F, 1_000, 12, -3, +4, .5, 1., 1e3, -.inf, .NaN, 2023-04-01, "1", \'true\', 08]\n';
    assert.deepEqual(quickRead(text)?.value, parsePlan(text).value);
  });

  it('gives the same diff as full parses: every change, message and range', () => {
    const before = generatePlan(4, 20);
    let n = 0;
    const after = before
      .replace(/due: (\d{4})-(\d{2})/g, (m, y: string, mo: string) => (n++ % 7 === 0 ? `due: ${Number(y) + 1}-${mo}` : m))
      .replace(/rag: green/, 'rag: red')
      .replace(/\n {6}- id: 2-3\n[\s\S]*?(?=\n {6}- id: 2-4)/, '');
    assert.ok(quickRead(before) && quickRead(after));
    const quick = diffPlans(before, after).changes;
    // An anchor at the end makes both versions read by `parsePlan`; it changes nothing the diff compares.
    const anchored = (text: string) => `${text}x-anchored: &a yes\n`;
    assert.equal(quickRead(anchored(before)), undefined);
    const full = diffPlans(anchored(before), anchored(after)).changes;
    assert.ok(quick.length > 10, `${quick.length} changes`);
    assert.ok(quick.some((c) => c.kind === 'action-removed') && quick.some((c) => c.kind === 'rag-worsened') && quick.some((c) => c.kind === 'deadline-slipped'));
    assert.deepEqual(quick, full);
  });
});
