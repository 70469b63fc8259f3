/**
 * Small wording helpers shared by every message, hover and report line: the
 * one plural rule, the one month-name table, numbers with units. Pure.
 */

/** A whole number as a person writes a count: 72,000 (digits grouped by threes). */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}

/** The word for a count: `action` for 1, `actions` (or the given plural) otherwise. */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count with its word: "1 day", "3 days", "1,200 actions", "2 people" with `many`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${pluralWord(n, one, many)}`;
}

/** The months in full, January first: the one month-name table. */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Nov" for 11: the short form used in "30 Nov 2022". */
export function shortMonthName(month: number): string {
  return (MONTH_NAMES[month - 1] ?? '').slice(0, 3);
}

/** A number as a person writes it: at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A value with its unit: 30%, £1,200, 8.5 days. */
export function withUnit(n: number, unit: unknown): string {
  const v = formatNumber(n);
  if (typeof unit !== 'string' || unit.trim() === '' || unit === 'count') return v;
  if (unit === '%') return `${v}%`;
  if (unit === '£' || unit === '$' || unit === '€') return `${unit}${v}`;
  return `${v} ${unit}`;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  return joinList(items, 'or');
}

/** "a, b and c" */
export function andList(items: readonly string[]): string {
  return joinList(items, 'and');
}

function joinList(items: readonly string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Levenshtein distance, capped for speed on short words. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate within `max` edits (case-insensitive), if any. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** "Action 1g's", "Action PP-care-leavers'" */
export function possessive(label: string): string {
  return /s$/i.test(label) ? `${label}'` : `${label}'s`;
}

/**
 * Orders texts by their UTF-16 code units: a fixed order for ids, keys and
 * ISO dates that needs no locale data (the first `localeCompare` of a process
 * loads ICU's collation, a seventh of a one-plan `eqplan check`).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders names for a list people read: letters' case aside, then by code units (so "adult social care" sits by "Adult Services"). */
export function compareNames(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}
