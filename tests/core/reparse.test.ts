import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { checkParsed, parsePlan, type ParsedPlan } from '../../server/src/core';
import { reparsePlan, trySplice } from '../../server/src/core/reparse';
import { generatePlan } from '../bench/generate';

/** A small deterministic random generator, so failures repeat. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every node's kind and [start, end) in document order: what the editor features read from the tree. */
function shape(parsed: ParsedPlan): string[] {
  const out: string[] = [];
  if (!parsed.doc) return out;
  visit(parsed.doc as Document, {
    Node(_key, node) {
      const kind = isMap(node) ? 'map' : isSeq(node) ? 'seq' : isScalar(node) ? `scalar:${String(node.value)}` : 'other';
      out.push(`${kind} ${node.range?.[0]}-${node.range?.[1]}`);
    },
    Pair(_key, pair) {
      if (!isPair(pair)) out.push('not a pair');
    },
  });
  return out;
}

function sameAsFullParse(text: string, previousText: string): void {
  const incremental = reparsePlan(parsePlan(previousText), text);
  const full = parsePlan(text);
  assert.deepEqual(incremental.value, full.value);
  assert.equal(incremental.readable, full.readable);
  assert.deepEqual(incremental.syntax, full.syntax);
  assert.deepEqual(shape(incremental), shape(full));
  const a = checkParsed(incremental, { asOf: '2024-01-31' });
  const b = checkParsed(full, { asOf: '2024-01-31' });
  assert.deepEqual(a.findings, b.findings);
  assert.deepEqual(a.summary, b.summary);
}

describe('incremental reparse', () => {
  const sample = readFileSync(join(__dirname, '../../samples/leicester-2019-20.eqplan.yaml'), 'utf8');

  it('splices an edit inside one action instead of parsing the whole plan', () => {
    const at = sample.indexOf('Targeted delivery of EIA workshops to procurement');
    const edited = sample.slice(0, at) + 'Extra ' + sample.slice(at);
    const spliced = trySplice(parsePlan(sample), edited);
    assert.ok(spliced, 'the edit was spliced');
    assert.deepEqual(spliced.value, parsePlan(edited).value);
  });

  it('falls back to a full parse for edits outside actions or that break the syntax', () => {
    const titleAt = sample.indexOf('title: Equality Action Plan');
    assert.equal(trySplice(parsePlan(sample), sample.slice(0, titleAt) + 'x' + sample.slice(titleAt)), undefined);
    const at = sample.indexOf('Targeted delivery of EIA');
    assert.equal(trySplice(parsePlan(sample), sample.slice(0, at) + '"' + sample.slice(at)), undefined);
  });

  // Property tests: each case is a full parse and check to compare with, so they are CPU-bound work (10-20 s on
  // one free core), not waiting; the budget leaves room for a busy machine rather than racing it.
  it('gives exactly what a full parse gives, for 120 random edits (some spliced, some not)', function () {
    this.timeout(180_000);
    const next = random(42);
    const alphabet = ['a', ' ', '\n', ':', '-', '#', '"', '1', '\n      - id: z', '\n        rag: red', '  '];
    let text = sample;
    let spliced = 0;
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(next() * text.length);
      const edited = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3)) : text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at);
      sameAsFullParse(edited, text);
      if (trySplice(parsePlan(text), edited)) spliced++;
      // Keep the text a readable plan most of the time, so later edits exercise splicing.
      if (parsePlan(edited).readable) text = edited;
    }
    assert.ok(spliced >= 10, `only ${spliced} of 120 edits were spliced`);
  });

  it('gives exactly what a full parse gives for 900 random keystrokes across the samples: values, every node range, findings', function () {
    this.timeout(180_000);
    // Keystrokes as an officer types them: characters, line breaks with indentation,
    // comment lines, `|` / `>` texts, dashes and colons that change the structure.
    const pieces = ['a', 'Z', ' ', '  ', '\n', '\n  ', '\n        ', ':', ': ', '-', '- ', '#', ' # note', '\n# comment', '\n    # c', '"', "'", '|', '>-', '\n          more text', '[', ']', '{', ',', '1', '2024-03', '\t', '\r\n', '&a', '*a', '\u0001'];
    const next = random(Number(process.env.FUZZ_SEED) || 7);
    let spliced = 0;
    let tried = 0;
    for (const name of ['leicester-2019-20', 'luton-workforce-2024', 'northfield-improvement-plan']) {
      let text = readFileSync(join(__dirname, `../../samples/${name}.eqplan.yaml`), 'utf8');
      for (let i = 0; i < (Number(process.env.FUZZ_EDITS) || 300); i++) {
        const at = Math.floor(next() * text.length);
        const roll = next();
        const edited =
          roll < 0.2
            ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4))
            : roll < 0.3
              ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + 1)
              : text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
        tried++;
        const previous = parsePlan(text);
        const incremental = reparsePlan(previous, edited);
        if (incremental.doc === previous.doc) spliced++;
        const full = parsePlan(edited);
        const where = `${name}, edit ${i} at ${at}: ${JSON.stringify(edited.slice(Math.max(0, at - 30), at + 30))}`;
        assert.deepEqual(incremental.value, full.value, where);
        assert.equal(incremental.readable, full.readable, where);
        assert.deepEqual(incremental.syntax, full.syntax, where);
        assert.deepEqual(shape(incremental), shape(full), where);
        if (i % 25 === 0) assert.deepEqual(checkParsed(incremental, { asOf: '2024-01-31' }).findings, checkParsed(full, { asOf: '2024-01-31' }).findings, where);
        // Keep the text a readable plan without anchors (which stop all splicing), so later edits exercise splicing.
        if (full.readable && !/[&*]a/.test(edited)) text = edited;
      }
    }
    if (process.env.FUZZ_SEED) console.log(`${spliced} of ${tried} spliced`);
    assert.ok(spliced >= tried * 0.2, `only ${spliced} of ${tried} edits were spliced`);
  });

  it('splices edits in titles, owners, targets and comments, not only in actions', () => {
    const big = generatePlan(10, 84);
    const cases: [string, string][] = [
      ['Objective number 5 about', 'x'],
      ['title: Equality Action Plan', ' more'],
      ['Human Resources', ' dept'],
      ['Workforce from ethnic', ' more'],
      ['asOf: 2024-01-3', '0'],
      ['eqplan: 1', '\n# a comment'],
      ['    lead: equalities-team', '\n    # who leads it'],
    ];
    for (const [anchor, typed] of cases) {
      const at = big.indexOf(anchor) + anchor.length;
      const edited = big.slice(0, at) + typed + big.slice(at);
      const spliced = trySplice(parsePlan(big), edited);
      assert.ok(spliced, `${anchor} + ${JSON.stringify(typed)} was spliced`);
      const full = parsePlan(edited);
      assert.deepEqual(spliced.value, full.value);
      assert.deepEqual(shape(spliced), shape(full));
    }
  });

  it('keeps ranges right after the edit in a large plan', () => {
    const big = generatePlan(5, 40);
    const at = big.indexOf('workshop series 17 ');
    const edited = big.slice(0, at) + 'extended ' + big.slice(at);
    sameAsFullParse(edited, big);
  });
});

describe('incremental reparse coverage', () => {
  it('splices most single-character edits inside the actions of a real plan', () => {
    const sample = readFileSync(join(__dirname, '../../samples/leicester-2019-20.eqplan.yaml'), 'utf8');
    let spliced = 0;
    let tried = 0;
    for (let at = sample.indexOf('objectives:'); at < sample.length; at += 97) {
      tried++;
      if (trySplice(parsePlan(sample), sample.slice(0, at) + 'a' + sample.slice(at))) spliced++;
    }
    assert.ok(spliced / tried > 0.7, `${spliced} of ${tried}`);
  });
});
