/**
 * Dates as councils write them. Canonical forms are ISO-like strings; a
 * deadline that names a month, quarter or year means its last day. Council
 * phrases ("Nov 22", "31.3.23", "end July 2019", "2023/24") are recognised so
 * that a quick fix can rewrite them. All arithmetic is on whole days (UTC day
 * numbers), so time zones and clock changes never move a deadline.
 */
import { MONTH_NAMES, shortMonthName } from './words';

export type DuePrecision = 'day' | 'month' | 'quarter' | 'year';

export type DueInfo =
  | { kind: 'missing' }
  | { kind: 'open'; word: 'ongoing' | 'tbc' }
  | { kind: 'date'; iso: string; precision: DuePrecision; day: number }
  | { kind: 'invalid'; raw: string; suggestion?: string; reason?: string };

/**
 * Month words as councils write them, in lower case -> month number: the full
 * name, its first three letters, and "sept". A Map, because the word comes
 * from the plan ("5 constructor 2023" must not find Object's constructor).
 */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.flatMap((name, i): [string, number][] => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]]),
  ['sept', 9],
]);

const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole-day number of a calendar date (days since 1970-01-01). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoFromDay(dayNo: number): string {
  const d = new Date(dayNo * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parses a strict `YYYY-MM-DD` that names a real calendar day; else undefined. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

/** "30 Nov 2022": the UK form used in every message. */
export function formatUk(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${shortMonthName(Number(m[2]))} ${m[1]}`;
}

/** The local calendar date of a JS Date, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last day of the month, as a day number. */
export function endOfMonth(year: number, month: number): number {
  return dayNumber(year, month, daysInMonth(year, month));
}

/** The calendar quarter (1 to 4) a month (1 to 12) is in: the one quarter formula. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** The last day of a calendar quarter, as a day number: quarter 1 ends on 31 March. */
export function endOfQuarter(year: number, quarter: number): number {
  return endOfMonth(year, quarter * 3);
}

/** The last day of the calendar quarter that contains a day. */
export function endOfQuarterOf(dayNo: number): number {
  const iso = isoFromDay(dayNo);
  return endOfQuarter(Number(iso.slice(0, 4)), quarterOfMonth(Number(iso.slice(5, 7))));
}

/** The canonical deadline of the quarter a `YYYY-MM-DD` day is in: "2024-Q1" for 2024-02-10. */
export function quarterDueOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${quarterOfMonth(Number(iso.slice(5, 7)))}`;
}

/**
 * Reads a deadline (`due`). Accepts the canonical forms of the plan format and
 * the YAML number a bare year becomes; anything else is `invalid`, with a
 * canonical `suggestion` when it is a council phrase eqplan recognises.
 */
export function parseDue(value: unknown): DueInfo {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2999) {
      return { kind: 'date', iso: `${value}-12-31`, precision: 'year', day: dayNumber(value, 12, 31) };
    }
    return { kind: 'invalid', raw: String(value), reason: 'it is a number, not a date' };
  }
  // A list or a set of fields is named, never turned into text: `{ toString: x }` would make String() throw.
  if (typeof value !== 'string') return { kind: 'invalid', raw: Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a set of fields' : String(value) };
  const raw = value;
  if (raw.trim() === '') return { kind: 'missing' };
  if (raw === 'ongoing' || raw === 'tbc') return { kind: 'open', word: raw };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (m) {
    const day = parseIsoDay(raw);
    if (day === undefined) return { kind: 'invalid', raw, reason: notARealDay(Number(m[1]), Number(m[2]), Number(m[3])) };
    return { kind: 'date', iso: raw, precision: 'day', day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) {
      // `2022-23` is how councils write the financial year 2022/23, not month 23.
      const suggestion = suggestCanonicalDue(raw);
      return suggestion ? { kind: 'invalid', raw, suggestion } : { kind: 'invalid', raw, reason: `there is no month ${mo}` };
    }
    const day = endOfMonth(y, mo);
    return { kind: 'date', iso: isoFromDay(day), precision: 'month', day };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(raw);
  if (m) {
    const day = endOfQuarter(Number(m[1]), Number(m[2]));
    return { kind: 'date', iso: isoFromDay(day), precision: 'quarter', day };
  }
  m = /^(\d{4})$/.exec(raw);
  if (m) {
    const y = Number(m[1]);
    return { kind: 'date', iso: `${m[1]}-12-31`, precision: 'year', day: dayNumber(y, 12, 31) };
  }
  return { kind: 'invalid', raw, suggestion: suggestCanonicalDue(raw) };
}

function notARealDay(y: number, mo: number, d: number): string {
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  if (d < 1) return `there is no day ${d}`;
  return `${shortMonthName(mo)} ${y} has ${daysInMonth(y, mo)} days, not ${d}`;
}

/**
 * Why a `YYYY-MM-DD` string names no real day ("there is no month 13",
 * "Feb 2023 has 28 days, not 30"); undefined when it is a real day or not
 * written YYYY-MM-DD at all.
 */
export function whyNotARealDay(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || parseIsoDay(text) !== undefined) return undefined;
  return notARealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function dayForm(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** A council date phrase read into the canonical deadline form. */
export interface CouncilDue {
  /** The canonical deadline: `2022-11`, `2023-Q2`, `ongoing`. */
  due: string;
  /** How a financial-year phrase was read: "when the 2023/24 financial year ends", "quarter 1 of the 2023/24 financial year". */
  note?: string;
}

/** "April–June" for quarter 2. */
function quarterMonths(quarter: number): string {
  return `${MONTH_NAMES[quarter * 3 - 3]}–${MONTH_NAMES[quarter * 3 - 1]}`;
}
/** "Q1 2023/24", "Q1 FY23/24", "q2 of 2023-24" (lower case, as `readCouncilDue` compares). */
const FINANCIAL_QUARTER_FIRST = /^q([1-4])\s*(?:of\s+)?[-,]?\s*(?:(?:fy|financial year)\s*'?)?(\d{4}|\d{2})\s*[-–/]\s*(\d{2}|\d{4})$/;
/** "2023/24 Q1", "FY23/24 Q1" */
const FINANCIAL_QUARTER_LAST = /^((?:fy|financial year)\s*'?)?(\d{4}|\d{2})\s*[-–/]\s*(\d{2}|\d{4})\s*[-,]?\s*q([1-4])$/;
/** "FY 2023/24", "FY23/24", "financial year 2023-24" */
const FINANCIAL_YEAR_NAMED = /^(?:fy|financial year)\s*'?(\d{4}|\d{2})\s*[-–/]\s*(\d{2}|\d{4})$/;
/** "2023/24", "2023-24", "2019/2020" */
const FINANCIAL_YEAR_BARE = /^(\d{4})\s*([-–/])\s*(\d{2}|\d{4})$/;

/**
 * The calendar year a financial year starts in, from its two written parts
 * (`2023` + `24`, `23` + `24`, `2019` + `2020`); undefined unless the second
 * is the year after the first.
 */
function financialYearStart(first: string, second: string): number | undefined {
  const start = fullYear(first);
  const next = second.length === 2 ? Number(second) === (start + 1) % 100 : Number(second) === start + 1;
  return next ? start : undefined;
}

/** "2023/24", the way councils name a financial year in words. */
function financialYearName(start: number): string {
  return `${start}/${pad((start + 1) % 100)}`;
}

/** A financial year (1 April to 31 March) ends with March of the following year. */
function financialYearDue(start: number): CouncilDue {
  return { due: `${start + 1}-03`, note: `when the ${financialYearName(start)} financial year ends` };
}

/** Financial quarter 1 is April–June, the calendar quarter 2; financial quarter 4 is January–March of the next year. */
function financialQuarterDue(start: number, quarter: number): CouncilDue {
  const due = quarter === 4 ? `${start + 1}-Q1` : `${start}-Q${quarter + 1}`;
  return { due, note: `quarter ${quarter} of the ${financialYearName(start)} financial year` };
}

/**
 * Reads a council date phrase into the canonical deadline form, or returns
 * undefined when the phrase is not one eqplan can read with confidence.
 *
 *   "Nov 22" -> "2022-11"      "Sept 2022" -> "2022-09"   "31.3.23" -> "2023-03-31"
 *   "end July 2019" -> "2019-07"   "Nov 2022 & Ongoing" -> "2022-11"   "Ongoing" -> "ongoing"
 *   Financial years (1 April to 31 March): "2023/24", "2023-24", "FY 2023/24", "FY23/24" -> "2024-03";
 *   their quarters: "Q1 2023/24" (April–June 2023) -> "2023-Q2", "Q4 2023/24" -> "2024-Q1".
 *   "2011-12" stays the month it is written as, December 2011.
 */
export function readCouncilDue(phrase: string): CouncilDue | undefined {
  let s = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(on-?going|continuous|continual)$/.test(s)) return { due: 'ongoing' };
  if (/^(tbc|tba|tbd|to be confirmed|to be agreed|to be decided)\.?$/.test(s)) return { due: 'tbc' };
  s = s
    .replace(/\s*(?:&|and|\+|\/|-|,)\s*(?:on-?going|onwards|continuous)$/, '')
    .replace(/\s+onwards$/, '')
    .replace(/^(?:by|before|due|from)\s+/, '')
    .replace(/^(?:the\s+)?(?:end\s+of|end|eo)\s+(?:the\s+)?/, '')
    .replace(/\.$/, '')
    .trim();
  const day = (y: number, mo: number, d: number): CouncilDue | undefined => {
    const form = dayForm(y, mo, d);
    return form ? { due: form } : undefined;
  };
  let m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) return day(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([a-z]+)\.?,?\s*'?(\d{2}|\d{4})$/.exec(s);
  const dayMonth = m ? MONTH_WORDS.get(m[2]) : undefined;
  if (m && dayMonth) return day(fullYear(m[3]), dayMonth, Number(m[1]));
  m = /^([a-z]+)\.?[\s,'’-]*(\d{2}|\d{4})$/.exec(s);
  const month = m ? MONTH_WORDS.get(m[1]) : undefined;
  if (m && month) return { due: `${pad(fullYear(m[2]), 4)}-${pad(month)}` };
  m = /^(\d{4})-(\d)$/.exec(s);
  if (m && Number(m[2]) >= 1) return { due: `${m[1]}-0${m[2]}` };
  // A quarter of a financial year: "Q1 2023/24" is April–June 2023.
  m = FINANCIAL_QUARTER_FIRST.exec(s);
  if (m) {
    const start = financialYearStart(m[2], m[3]);
    return start === undefined ? undefined : financialQuarterDue(start, Number(m[1]));
  }
  m = FINANCIAL_QUARTER_LAST.exec(s);
  if (m && (m[1] !== undefined || m[2].length === 4)) {
    const start = financialYearStart(m[2], m[3]);
    return start === undefined ? undefined : financialQuarterDue(start, Number(m[4]));
  }
  m = FINANCIAL_YEAR_NAMED.exec(s);
  if (m) {
    const start = financialYearStart(m[1], m[2]);
    return start === undefined ? undefined : financialYearDue(start);
  }
  m = FINANCIAL_YEAR_BARE.exec(s);
  // "2011-12" is December 2011 (a canonical month), so only a slash makes it a financial year.
  if (m && !(m[2] === '-' && m[3].length === 2 && Number(m[3]) <= 12)) {
    const start = financialYearStart(m[1], m[3]);
    if (start !== undefined) return financialYearDue(start);
  }
  m = /^q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(s);
  if (m) return { due: `${m[2]}-Q${m[1]}` };
  m = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/.exec(s);
  if (m) return { due: `${m[1]}-Q${m[2]}` };
  if (/^\d{4}$/.test(s)) return { due: s };
  return undefined;
}

/**
 * Rewrites a council date phrase into the canonical deadline form, or returns
 * undefined when the phrase is not one eqplan can read with confidence (see
 * `readCouncilDue` for the phrases it knows).
 */
export function suggestCanonicalDue(phrase: string): string | undefined {
  return readCouncilDue(phrase)?.due;
}

/**
 * What a canonical deadline means, in words: "30 Nov 2022", "the end of Nov 2022",
 * "the end of July–September 2023", "the end of 2023".
 */
export function describeDue(due: Extract<DueInfo, { kind: 'date' }>): string {
  const uk = formatUk(due.iso);
  switch (due.precision) {
    case 'day':
      return uk;
    case 'month':
      return `the end of ${uk.replace(/^\d+ /, '')}`;
    case 'quarter':
      return `the end of ${quarterMonths(quarterOfMonth(Number(due.iso.slice(5, 7))))} ${due.iso.slice(0, 4)}`;
    case 'year':
      return `the end of ${due.iso.slice(0, 4)}`;
  }
}

/**
 * A deadline as short as it was written, for lists of changes: "30 Nov 2022",
 * "Nov 2022", "Q2 2024", "2020", "ongoing", "no deadline", or the phrase in
 * quotes when it is not a deadline eqplan reads.
 */
export function dueShortWords(due: DueInfo): string {
  switch (due.kind) {
    case 'missing':
      return 'no deadline';
    case 'open':
      return due.word;
    case 'invalid':
      return `"${due.raw}"`;
    case 'date': {
      const uk = formatUk(due.iso);
      if (due.precision === 'day') return uk;
      if (due.precision === 'month') return uk.replace(/^\d+ /, '');
      if (due.precision === 'quarter') return `Q${quarterOfMonth(Number(due.iso.slice(5, 7)))} ${due.iso.slice(0, 4)}`;
      return due.iso.slice(0, 4);
    }
  }
}

/**
 * Suggests a full `YYYY-MM-DD` day for a phrase in a field that needs one
 * (a milestone or update date): "31.3.23" -> "2023-03-31", "March 2023" ->
 * "2023-03-31" (the end of the month).
 */
export function suggestIsoDay(phrase: string): string | undefined {
  const canonical = suggestCanonicalDue(phrase);
  if (!canonical) return undefined;
  const due = parseDue(canonical);
  return due.kind === 'date' ? due.iso : undefined;
}
