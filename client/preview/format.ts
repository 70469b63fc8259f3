/** Date and number wording for the preview and the report: UK forms ("30 Nov 2022"). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022-11-30` -> `30 Nov 2022`; `2022-11` -> `Nov 2022`; anything else unchanged. */
export function ukDate(iso: string | undefined): string {
  if (!iso) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) {
    const m = Number(day[2]);
    if (m >= 1 && m <= 12) return `${Number(day[3])} ${MONTHS[m - 1]} ${day[1]}`;
  }
  return ukMonth(iso);
}

/** `2022-11` -> `Nov 2022`; anything else unchanged. */
export function ukMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const n = Number(m[2]);
  return n >= 1 && n <= 12 ? `${MONTHS[n - 1]} ${m[1]}` : month;
}

/** Days since 1 Jan 1970 of a `YYYY-MM-DD` date (NaN when it is not one). */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** The inverse of `dayNumber`, in UK form: 19326 -> `30 Nov 2022`. */
export function ukDateOfDay(day: number): string {
  const d = new Date(Math.round(day) * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `1 action`, `2 actions`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A value with its unit: `31.6%`, `£120`, `12 days`. */
export function withUnit(value: number, unit: string | undefined): string {
  const v = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (!unit) return v;
  if (unit === '%') return `${v}%`;
  if (unit === '£' || unit === '$' || unit === '€') return `${unit}${v}`;
  return `${v} ${unit}`;
}
