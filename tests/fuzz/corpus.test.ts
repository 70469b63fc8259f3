/**
 * Replays every input the fuzzer saved (tests/fuzz/corpus/) against the
 * fuzzer's properties, so that a bug it found stays fixed.
 */
import assert from 'node:assert/strict';
import { batchProperties, caseProperties, corpusCases } from './harness';

describe('fuzz corpus', () => {
  const cases = corpusCases();
  it('has cases', () => assert.ok(cases.length > 0));
  for (const { name, text } of cases) {
    it(`${name} keeps every property`, () => {
      const failures = [...caseProperties(text), ...batchProperties([text, ...text.split('\n# ---- next file ----\n')])];
      assert.deepEqual(failures, []);
    });
  }
});
