/**
 * Date and number wording for the preview and the report: UK forms ("30 Nov
 * 2022"). The words themselves (month names, plurals, units, quarters) are
 * the engine's (`core/words.ts`, `core/dates.ts`): pure modules with no
 * imports of their own, bundled into the page, so the preview says a date or
 * a count exactly as the messages and hovers do.
 */
import { formatUk, isoFromDay, parseIsoDay, quarterOfMonth } from '../../server/src/core/dates';
import { plural, shortMonthName, withUnit as unitWords } from '../../server/src/core/words';

/** `2022-11-30` -> `30 Nov 2022`; `2022-11` -> `Nov 2022`; anything else unchanged. */
export function ukDate(iso: string | undefined): string {
  if (!iso) return '';
  if (parseIsoDay(iso) !== undefined) return formatUk(iso);
  return ukMonth(iso);
}

/** `2022-11` -> `Nov 2022`; anything else unchanged. */
export function ukMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const n = Number(m[2]);
  return n >= 1 && n <= 12 ? `${shortMonthName(n)} ${m[1]}` : month;
}

/** `2024-05` -> 2 (calendar quarters). */
export function quarterOfIsoMonth(month: string): number {
  return quarterOfMonth(Number(month.slice(5, 7)));
}

/** Days since 1 Jan 1970 of a `YYYY-MM-DD` date (NaN when it is not one). */
export function dayNumber(iso: string): number {
  return parseIsoDay(iso) ?? Number.NaN;
}

/** The inverse of `dayNumber`, in UK form: 19326 -> `30 Nov 2022`. */
export function ukDateOfDay(day: number): string {
  return formatUk(isoFromDay(Math.round(day)));
}

/** `Nov 2022` for a day number. */
export function ukMonthOfDay(day: number): string {
  return ukDateOfDay(day).replace(/^\d+ /, '');
}

/** `1 action`, `2 actions`. */
export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return plural(n, singular, pluralForm);
}

/** A value with its unit: `31.6%`, `£120`, `12 days`. */
export function withUnit(value: number, unit: string | undefined): string {
  return unitWords(value, unit);
}
