import assert from 'node:assert/strict';
import { parseConfigText } from '../../server/src/core';
import { action, check, ofRule, planWith } from './helpers';

describe('config', () => {
  it('reads severities and windows from YAML and JSON', () => {
    const yaml = parseConfigText('rules:\n  stale-update: off\n  due-soon: warn\ndueSoonDays: 21\n', '.eqplanrc.yaml');
    assert.deepEqual(yaml, { options: { rules: { 'stale-update': 'off', 'due-soon': 'warning' }, dueSoonDays: 21 }, errors: [] });
    const json = parseConfigText('{"rules": {"overdue": "error"}, "staleUpdateDays": 60}', 'eqplan.config.json');
    assert.deepEqual(json.options, { rules: { overdue: 'error' }, staleUpdateDays: 60 });
  });
  it('says what is wrong with a bad config', () => {
    const { errors } = parseConfigText('rules:\n  overdeu: off\n  overdue: loud\ndueSoonDays: soon\ncolour: red\n', '.eqplanrc.yaml');
    assert.equal(errors.length, 4);
    assert.match(errors[0], /`overdeu` is not an eqplan rule/);
    assert.match(errors[1], /severity of `overdue` must be one of off, hint, information, warning, error, not `loud`/);
    assert.match(errors[2], /`dueSoonDays` must be a whole number/);
    assert.match(errors[3], /`colour` is not a setting/);
    assert.match(parseConfigText('{bad', 'eqplan.config.json').errors[0], /could not be read/);
  });
  it('says a number of days written in quotes should be written without them', () => {
    assert.deepEqual(parseConfigText('dueSoonDays: "30"\n', '.eqplanrc.yaml').errors, [
      'In .eqplanrc.yaml, `dueSoonDays` is written as text in quotes (`"30"`). Write the number of days without quotes: `dueSoonDays: 30`.',
    ]);
    assert.deepEqual(parseConfigText('{"staleUpdateDays": "60"}', 'eqplan.config.json').errors, [
      'In eqplan.config.json, `staleUpdateDays` is written as text in quotes (`"60"`). Write the number of days without quotes: `"staleUpdateDays": 60`.',
    ]);
  });
  it('changes severities and turns rules off in a check', () => {
    const text = planWith(action({ due: '2023-01-01', rag: 'amber', measure: undefined }));
    const all = check(text, { asOf: '2024-01-01', rules: { overdue: 'error', 'missing-measure': 'off' } });
    assert.equal(ofRule(all, 'overdue')[0].severity, 'error');
    assert.equal(ofRule(all, 'missing-measure').length, 0);
  });
});
