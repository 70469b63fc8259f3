import assert from 'node:assert/strict';
import { checkPlan, historyIndex, planHistory, type KnownHistory, type PlanVersion } from '../../../server/src/core';
import { action, ofRule, planWith } from '../helpers';

/** A history in which action 1a had these deadlines, one commit each. */
function historyOf(dues: string[], fields: Record<string, string> = {}): KnownHistory {
  const versions: PlanVersion[] = dues.map((due, i) => ({ commit: `c${i}`, date: `2022-0${i + 1}-03`, author: 'Jo Bloggs', text: planWith(action({ due, ...fields })) }));
  return { at: 'test', actions: historyIndex(planHistory(versions)) };
}

function slipFindings(text: string, history: KnownHistory | undefined, extra: { repeatedSlipTimes?: number; repeatedSlipDays?: number } = {}) {
  return ofRule(checkPlan(text, { asOf: '2023-01-15', history, ...extra }).findings, 'repeated-slip');
}

describe('rule repeated-slip', () => {
  it('flags a deadline moved later three times, on the deadline, with its first date and how far it moved', () => {
    const history = historyOf(['2022-11', '2022-12', '2023-01', '2023-02']);
    const [f, ...rest] = slipFindings(planWith(action({ due: '2023-02' })), history);
    assert.equal(rest.length, 0);
    assert.equal(f.message, "Action 1a's deadline has been moved later 3 times, 3 months in all: first set to Nov 2022 on 3 Jan 2022, now Feb 2023. Agree a date the service can keep, and say in `updates:` why it moved.");
    assert.equal(f.severity, 'warning');
    assert.equal(f.path, '/objectives/0/actions/0/due');
  });

  it('flags one move of more than 180 days, and not two short ones', () => {
    assert.equal(slipFindings(planWith(action({ due: '2023-06' })), historyOf(['2022-11', '2023-06'])).length, 1);
    assert.equal(slipFindings(planWith(action({ due: '2023-01' })), historyOf(['2022-11', '2022-12', '2023-01'])).length, 0);
  });

  it('counts a move in the text being checked that is not in the history yet', () => {
    const history = historyOf(['2022-11', '2022-12', '2023-01']);
    assert.equal(slipFindings(planWith(action({ due: '2023-01' })), history).length, 0);
    const [f] = slipFindings(planWith(action({ due: '2023-03' })), history);
    assert.match(f.message, /moved later 3 times, 4 months in all: first set to Nov 2022 on 3 Jan 2022, now Mar 2023\./);
  });

  it('follows repeatedSlipTimes and repeatedSlipDays', () => {
    const history = historyOf(['2022-11', '2022-12', '2023-01']);
    const text = planWith(action({ due: '2023-01' }));
    assert.equal(slipFindings(text, history, { repeatedSlipTimes: 2 }).length, 1);
    assert.equal(slipFindings(text, history, { repeatedSlipDays: 30 }).length, 1);
    assert.equal(slipFindings(text, history, { repeatedSlipTimes: 5, repeatedSlipDays: 365 }).length, 0);
  });

  it('says nothing without a history, for a closed action, or for moves earlier', () => {
    const text = planWith(action({ due: '2023-02' }));
    assert.equal(slipFindings(text, undefined).length, 0);
    assert.equal(slipFindings(planWith(action({ due: '2023-02', status: 'done' })), historyOf(['2022-11', '2022-12', '2023-01', '2023-02'])).length, 0);
    assert.equal(slipFindings(planWith(action({ due: '2022-08' })), historyOf(['2022-11', '2022-10', '2022-09', '2022-08'])).length, 0);
  });

  it('is turned off like any rule', () => {
    const history = historyOf(['2022-11', '2022-12', '2023-01', '2023-02']);
    const findings = checkPlan(planWith(action({ due: '2023-02' })), { asOf: '2023-01-15', history, rules: { 'repeated-slip': 'off' } }).findings;
    assert.equal(ofRule(findings, 'repeated-slip').length, 0);
  });
});
