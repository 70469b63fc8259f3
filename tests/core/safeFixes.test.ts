/**
 * Only the rules marked `safeFixes` offer fixes safe to make without review:
 * the command line makes fixes only for their findings when it counts what
 * `--fix` would fix (`cli/checkFiles.ts`), so a safe fix from any other rule
 * would go uncounted.
 */
import { strict as assert } from 'node:assert';
import { checkPlan, RULES } from '../../server/src/core';
import { generatePlan } from '../bench/generate';
import { mutate, OPTIONS, Rng, seedTexts } from '../fuzz/harness';

describe('rules that offer safe fixes', () => {
  it('no finding of a rule without `safeFixes` has a safe fix, over every sample and fixture, generated plans and 1,000 mutated plans', function () {
    this.timeout(120_000);
    const marked = new Set(RULES.filter((r) => r.safeFixes).map((r) => r.id));
    assert.deepEqual([...marked], ['schema']);
    const seeds = seedTexts();
    const rng = new Rng(20261203);
    const texts = [...seeds, generatePlan(3, 20), generatePlan(5, 40), ...Array.from({ length: 1000 }, () => mutate(rng, seeds))];
    let safe = 0;
    for (const text of texts) {
      for (const f of checkPlan(text, OPTIONS).findings) {
        if (!f.fixes.some((x) => x.safe)) continue;
        safe++;
        assert.ok(marked.has(f.rule), `${f.rule} offered a safe fix: ${f.message}`);
      }
    }
    assert.ok(safe > 20, `${safe} safe fixes seen`);
  });
});
