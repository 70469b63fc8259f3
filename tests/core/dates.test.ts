import assert from 'node:assert/strict';
import { describeDue, formatUk, parseDue, suggestCanonicalDue } from '../../server/src/core';

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

  it('describes dates the UK way', () => {
    assert.equal(formatUk('2022-11-30'), '30 Nov 2022');
    const month = parseDue('2022-11');
    assert.ok(month.kind === 'date');
    if (month.kind === 'date') assert.equal(describeDue(month), 'the end of Nov 2022');
  });
});
