import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/core';
import { starterPlan } from '../../client/src/starterPlan';
import { isFromPreviewMessage } from '../../client/preview/messages';

describe('client: starter plan and preview messages', () => {
  it('writes a starter plan that has no errors or warnings on the day it is made', () => {
    for (const today of ['2025-05-10', '2026-01-15']) {
      const text = starterPlan(today);
      const result = checkPlan(text, { asOf: today });
      const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map((f) => f.message), [], `starter plan made on ${today}`);
      assert.equal(result.summary?.totals.actions, 2);
      assert.equal(result.summary?.targets.length, 1);
    }
  });

  it('runs the starter plan over the financial year that contains today', () => {
    assert.match(starterPlan('2025-05-10'), /period: \{ start: 2025-04-01, end: 2026-03-31 \}/);
    assert.match(starterPlan('2026-01-15'), /period: \{ start: 2025-04-01, end: 2026-03-31 \}/);
  });

  it('accepts only well-formed messages from the preview page', () => {
    assert.equal(isFromPreviewMessage({ type: 'ready' }), true);
    assert.equal(isFromPreviewMessage({ type: 'reveal', label: 'action 1a', source: { line: 3, character: 4, endLine: 9, endCharacter: 0 } }), true);
    assert.equal(isFromPreviewMessage({ type: 'reveal', label: 'x', source: { line: -1, character: 0, endLine: 0, endCharacter: 0 } }), false);
    assert.equal(isFromPreviewMessage({ type: 'reveal', label: 'x', source: { line: '3' } }), false);
    assert.equal(isFromPreviewMessage({ type: 'reveal', source: { line: 1, character: 0, endLine: 1, endCharacter: 0 } }), false);
    assert.equal(isFromPreviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }), false);
    assert.equal(isFromPreviewMessage(null), false);
    assert.equal(isFromPreviewMessage('ready'), false);
  });
});
