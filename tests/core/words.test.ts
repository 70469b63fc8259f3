import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan, yamlString } from '../../server/src/core';
import { describeDue, endOfQuarterOf, formatUk, isoFromDay, parseDue, parseIsoDay, quarterDueOf, quarterOfMonth, readCouncilDue } from '../../server/src/core/dates';
import { andList, compareCodeUnits, compareNames, formatCount, MONTH_NAMES, orList, plural, pluralWord, shortMonthName } from '../../server/src/core/words';

describe('words (core/words.ts)', () => {
  it('has one plural rule, with counts grouped by thousands', () => {
    assert.equal(plural(1, 'day'), '1 day');
    assert.equal(plural(0, 'day'), '0 days');
    assert.equal(plural(2, 'person', 'people'), '2 people');
    assert.equal(plural(72000, 'finding'), '72,000 findings');
    assert.equal(plural(-1200, 'day'), '-1,200 days');
    assert.equal(pluralWord(1, 'objective'), 'objective');
    assert.equal(pluralWord(3, 'objective'), 'objectives');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(2.5), '2.5');
  });

  it('joins lists as a sentence does', () => {
    assert.equal(andList(['a']), 'a');
    assert.equal(andList(['a', 'b', 'c']), 'a, b and c');
    assert.equal(orList(['a', 'b']), 'a or b');
    assert.equal(andList([]), '');
  });

  it('has one month-name table that dates are written and read with', () => {
    assert.equal(MONTH_NAMES.length, 12);
    assert.equal(shortMonthName(9), 'Sep');
    assert.equal(formatUk('2022-11-30'), '30 Nov 2022');
    assert.equal(readCouncilDue('Sept 2022')?.due, '2022-09');
    assert.equal(readCouncilDue('September 2022')?.due, '2022-09');
    assert.equal(readCouncilDue('5 February 2023')?.due, '2023-02-05');
    // Month words are looked up in a Map: a word from the plan never finds Object's own properties.
    assert.equal(readCouncilDue('5 constructor 2023'), undefined);
    assert.equal(readCouncilDue('toString 2023'), undefined);
  });

  it('orders ids by code units and names with case aside, with no locale data', () => {
    assert.deepEqual(['b', 'B', 'a', 'A', '10', '9'].sort(compareCodeUnits), ['10', '9', 'A', 'B', 'a', 'b']);
    assert.deepEqual(['Adult Services', 'adult social care', 'Chief Executive', 'Adult services'].sort(compareNames), ['Adult Services', 'Adult services', 'adult social care', 'Chief Executive']);
  });

  it('has one quarter formula', () => {
    assert.deepEqual([1, 3, 4, 6, 7, 9, 10, 12].map(quarterOfMonth), [1, 1, 2, 2, 3, 3, 4, 4]);
    assert.equal(quarterDueOf('2024-02-10'), '2024-Q1');
    assert.equal(quarterDueOf('2024-12-31'), '2024-Q4');
    assert.equal(isoFromDay(endOfQuarterOf(parseIsoDay('2024-05-01') as number)), '2024-06-30');
    const q3 = parseDue('2023-Q3');
    assert.ok(q3.kind === 'date');
    assert.equal(q3.iso, '2023-09-30');
    assert.equal(describeDue(q3), 'the end of July–September 2023');
  });

  it('writes a string as plain YAML only when YAML reads it back the same', () => {
    const cases: [string, string][] = [
      ['hr', 'hr'],
      ['Adult Social Care', 'Adult Social Care'],
      ['WF-03', 'WF-03'],
      ['Equality & Diversity', 'Equality & Diversity'],
      ['12', '"12"'],
      ['1.5', '"1.5"'],
      ['true', '"true"'],
      ['null', '"null"'],
      ['~', '"~"'],
      ['0x1F', '"0x1F"'],
      ['1e3', '"1e3"'],
      ['yes', '"yes"'],
      ['Off', '"Off"'],
      ['HR: People', '"HR: People"'],
      ['Comms # web', '"Comms # web"'],
      ['- list', '"- list"'],
      ['[hr]', '"[hr]"'],
      ['trailing ', '"trailing "'],
      ['', '""'],
    ];
    for (const [value, written] of cases) assert.equal(yamlString(value), written, JSON.stringify(value));
    // Written into a plan, every one reads back as the string it was.
    for (const [value] of cases) {
      const model = checkPlan(`eqplan: 1\norganisation: ${yamlString(value)}\n`, { localToday: '2024-01-15' }).parsed.value as Record<string, unknown>;
      assert.equal(model.organisation, value, JSON.stringify(value));
    }
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.ts') ? [p] : [];
  });
}

describe('core has no clock', () => {
  const core = path.join(__dirname, '..', '..', 'server', 'src', 'core');

  it('no core file reads the time: no `new Date()` without an argument, no `Date.now()`', () => {
    const files = sources(core);
    assert.ok(files.length > 10, 'the core sources are found');
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split(/\r\n|\r|\n/)
        .map((line, i) => ({ line, at: `${path.relative(core, file)}:${i + 1}` }))
        .filter(({ line }) => /\bnew\s+Date\s*\(\s*\)|\bDate\.now\s*\(|\bperformance\.now\s*\(/.test(line))
        .map(({ at }) => at),
    );
    assert.deepEqual(offenders, [], 'today comes in as `localToday` from the node layer (server/src/node/clock.ts)');
  });

  it('checks against the local date it is given, and refuses to guess one', () => {
    const plan = 'eqplan: 1\norganisation: Test\ntitle: Plan\nobjectives: []\n';
    assert.deepEqual([checkPlan(plan, { localToday: '2024-02-29' }).today, checkPlan(plan, { localToday: '2024-02-29' }).todaySource], ['2024-02-29', 'local']);
    assert.equal(checkPlan(plan, { asOf: '2023-03-31' }).today, '2023-03-31');
    assert.equal(checkPlan(`${plan}asOf: 2022-01-31\n`, { asOf: 'not a date', localToday: '2024-02-29' }).today, '2022-01-31');
    assert.throws(() => checkPlan(plan, { localToday: '29/02/2024' }), /no date to check against/);
  });
});
