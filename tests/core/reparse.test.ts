import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkParsed, parsePlan } from '../../server/src/core';
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

function sameAsFullParse(text: string, previousText: string): void {
  const incremental = reparsePlan(parsePlan(previousText), text);
  const full = parsePlan(text);
  assert.deepEqual(incremental.value, full.value);
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

  it('gives exactly what a full parse gives, for 120 random edits (some spliced, some not)', () => {
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
