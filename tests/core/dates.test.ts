import assert from 'node:assert/strict';
import { describeDue, formatUk, parseDue, suggestCanonicalDue } from '../../server/src/core';
import { readCouncilDue, whyNotARealDay } from '../../server/src/core/dates';

describe('dates', () => {
  it('reads canonical deadlines as the last day of what they name', () => {
    const cases: [unknown, string][] = [
      ['2022-11-30', '2022-11-30'],
      ['2022-11', '2022-11-30'],
      ['2024-02', '2024-02-29'],
      ['2023-02', '2023-02-28'],
      ['2023-Q1', '2023-03-31'],
      ['2023-Q3', '2023-09-30'],
      ['2023-Q4', '2023-12-31'],
      ['2024', '2024-12-31'],
      [2024, '2024-12-31'],
      ['2024-02-29', '2024-02-29'],
    ];
    for (const [input, iso] of cases) {
      const due = parseDue(input);
      assert.equal(due.kind, 'date', String(input));
      if (due.kind === 'date') assert.equal(due.iso, iso, String(input));
    }
  });

  it('keeps ongoing and tbc as open deadlines and empties as missing', () => {
    assert.deepEqual(parseDue('ongoing'), { kind: 'open', word: 'ongoing' });
    assert.deepEqual(parseDue('tbc'), { kind: 'open', word: 'tbc' });
    assert.equal(parseDue(null).kind, 'missing');
    assert.equal(parseDue(undefined).kind, 'missing');
    assert.equal(parseDue('  ').kind, 'missing');
  });

  it('rejects days that do not exist, with the reason', () => {
    const feb = parseDue('2023-02-29');
    assert.equal(feb.kind, 'invalid');
    assert.match(feb.kind === 'invalid' ? (feb.reason ?? '') : '', /Feb 2023 has 28 days/);
    assert.equal(parseDue('2023-13').kind, 'invalid');
  });

  it('rewrites council phrases into the canonical form', () => {
    const cases: [string, string | undefined][] = [
      ['Nov 22', '2022-11'],
      ['Sept 2022', '2022-09'],
      ['31.3.23', '2023-03-31'],
      ['31.03.19', '2019-03-31'],
      ['31/03/2024', '2024-03-31'],
      ['end July 2019', '2019-07'],
      ['by end August 2019', '2019-08'],
      ['End of March 2025', '2025-03'],
      ['March 2025', '2025-03'],
      ['Nov 2022 & Ongoing', '2022-11'],
      ['2023/24', '2024-03'],
      ['2019/2020', '2020-03'],
      ['Ongoing', 'ongoing'],
      ['TBC', 'tbc'],
      ['To be confirmed', 'tbc'],
      ['31st March 2023', '2023-03-31'],
      ['Q3 2023', '2023-Q3'],
      ['2024-3', '2024-03'],
      ['Mar-23', '2023-03'],
      ['Summer 2019', undefined],
      ['when funding allows', undefined],
      ['31.2.23', undefined],
      ['2023/25', undefined],
    ];
    for (const [phrase, expected] of cases) assert.equal(suggestCanonicalDue(phrase), expected, phrase);
  });

  it('reads financial years and their quarters, which run from April', () => {
    const cases: [string, string | undefined][] = [
      ['2022-23', '2023-03'],
      ['2023-24', '2024-03'],
      ['2019-2020', '2020-03'],
      ['2023–24', '2024-03'],
      ['FY 2023/24', '2024-03'],
      ['FY23/24', '2024-03'],
      ['fy 2023-24', '2024-03'],
      ['by end of 2023/24', '2024-03'],
      ['1999/00', '2000-03'],
      ['Q1 2023/24', '2023-Q2'],
      ['Q3 2023/24', '2023-Q4'],
      ['Q4 2023/24', '2024-Q1'],
      ['Q2 FY23/24', '2023-Q3'],
      ['2023/24 Q1', '2023-Q2'],
      ['Q3 2023', '2023-Q3'],
      ['2022-24', undefined],
      ['FY 2023/25', undefined],
      ['Q1 2023/25', undefined],
      ['2011-12', undefined],
    ];
    for (const [phrase, expected] of cases) assert.equal(suggestCanonicalDue(phrase), expected, phrase);
    assert.deepEqual(readCouncilDue('Q1 2023/24'), { due: '2023-Q2', note: 'quarter 1 of the 2023/24 financial year' });
    assert.deepEqual(readCouncilDue('FY23/24'), { due: '2024-03', note: 'when the 2023/24 financial year ends' });
  });

  it('reads `2022-23` as a financial year, not month 23, only when the years follow on', () => {
    assert.deepEqual(parseDue('2022-23'), { kind: 'invalid', raw: '2022-23', suggestion: '2023-03' });
    assert.deepEqual(parseDue('2022-24'), { kind: 'invalid', raw: '2022-24', reason: 'there is no month 24' });
    const dec = parseDue('2011-12');
    assert.ok(dec.kind === 'date' && dec.iso === '2011-12-31', 'a real month stays a month');
  });

  it('says why a YYYY-MM-DD day does not exist', () => {
    assert.equal(whyNotARealDay('2019-13-45'), 'there is no month 13');
    assert.equal(whyNotARealDay('2023-02-30'), 'Feb 2023 has 28 days, not 30');
    assert.equal(whyNotARealDay('2023-02-00'), 'there is no day 0');
    assert.equal(whyNotARealDay('2023-02-28'), undefined);
  });

  it('describes a quarter by its months, without brackets', () => {
    const q = parseDue('2023-Q3');
    assert.ok(q.kind === 'date');
    if (q.kind === 'date') assert.equal(describeDue(q), 'the end of July–September 2023');
  });

  it('describes dates the UK way', () => {
    assert.equal(formatUk('2022-11-30'), '30 Nov 2022');
    const month = parseDue('2022-11');
    assert.ok(month.kind === 'date');
    if (month.kind === 'date') assert.equal(describeDue(month), 'the end of Nov 2022');
  });
});
