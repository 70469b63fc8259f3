/**
 * Dates as councils write them. Canonical forms are ISO-like strings; a
 * deadline that names a month, quarter or year means its last day. Council
 * phrases ("Nov 22", "31.3.23", "end July 2019", "2023/24") are recognised so
 * that a quick fix can rewrite them. All arithmetic is on whole days (UTC day
 * numbers), so time zones and clock changes never move a deadline.
 */

export type DuePrecision = 'day' | 'month' | 'quarter' | 'year';

export type DueInfo =
  | { kind: 'missing' }
  | { kind: 'open'; word: 'ongoing' | 'tbc' }
  | { kind: 'date'; iso: string; precision: DuePrecision; day: number }
  | { kind: 'invalid'; raw: string; suggestion?: string; reason?: string };

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_WORDS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

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
  return `${Number(m[3])} ${MONTHS_SHORT[Number(m[2]) - 1]} ${m[1]}`;
}

/** The local calendar date of a JS Date, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last day of the month, as a day number. */
export function endOfMonth(year: number, month: number): number {
  return dayNumber(year, month, daysInMonth(year, month));
}

/** The last day of the calendar quarter that contains a day. */
export function endOfQuarterOf(dayNo: number): number {
  const iso = isoFromDay(dayNo);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return endOfMonth(year, Math.ceil(month / 3) * 3);
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
  if (typeof value !== 'string') return { kind: 'invalid', raw: String(value) };
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
    if (mo < 1 || mo > 12) return { kind: 'invalid', raw, reason: `there is no month ${mo}` };
    const day = endOfMonth(y, mo);
    return { kind: 'date', iso: isoFromDay(day), precision: 'month', day };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(raw);
  if (m) {
    const day = endOfMonth(Number(m[1]), Number(m[2]) * 3);
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
  return `${MONTHS_SHORT[mo - 1]} ${y} has ${daysInMonth(y, mo)} days, not ${d}`;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function dayForm(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/**
 * Rewrites a council date phrase into the canonical deadline form, or returns
 * undefined when the phrase is not one eqplan can read with confidence.
 *
 *   "Nov 22" -> "2022-11"      "Sept 2022" -> "2022-09"   "31.3.23" -> "2023-03-31"
 *   "end July 2019" -> "2019-07"   "Nov 2022 & Ongoing" -> "2022-11"
 *   "2023/24" -> "2024-03" (a financial year ends on 31 March)   "Ongoing" -> "ongoing"
 */
export function suggestCanonicalDue(phrase: string): string | undefined {
  let s = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(on-?going|continuous|continual)$/.test(s)) return 'ongoing';
  if (/^(tbc|tba|tbd|to be confirmed|to be agreed|to be decided)\.?$/.test(s)) return 'tbc';
  s = s
    .replace(/\s*(?:&|and|\+|\/|-|,)\s*(?:on-?going|onwards|continuous)$/, '')
    .replace(/\s+onwards$/, '')
    .replace(/^(?:by|before|due|from)\s+/, '')
    .replace(/^(?:the\s+)?(?:end\s+of|end|eo)\s+(?:the\s+)?/, '')
    .replace(/\.$/, '')
    .trim();
  let m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) return dayForm(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return dayForm(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([a-z]+)\.?,?\s*'?(\d{2}|\d{4})$/.exec(s);
  if (m && MONTH_WORDS[m[2]]) return dayForm(fullYear(m[3]), MONTH_WORDS[m[2]], Number(m[1]));
  m = /^([a-z]+)\.?[\s,'’-]*(\d{2}|\d{4})$/.exec(s);
  if (m && MONTH_WORDS[m[1]]) return `${pad(fullYear(m[2]), 4)}-${pad(MONTH_WORDS[m[1]])}`;
  m = /^(\d{4})-(\d)$/.exec(s);
  if (m && Number(m[2]) >= 1) return `${m[1]}-0${m[2]}`;
  m = /^(\d{4})\s*\/\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const first = Number(m[1]);
    const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (second === first + 1) return `${second}-03`;
  }
  m = /^q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(s);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/.exec(s);
  if (m) return `${m[1]}-Q${m[2]}`;
  if (/^\d{4}$/.test(s)) return s;
  return undefined;
}

/** What a canonical deadline means, in words: "30 Nov 2022", "the end of Nov 2022", "the end of 2023-Q3 (30 Sep 2023)". */
export function describeDue(due: Extract<DueInfo, { kind: 'date' }>): string {
  const uk = formatUk(due.iso);
  switch (due.precision) {
    case 'day':
      return uk;
    case 'month':
      return `the end of ${uk.replace(/^\d+ /, '')}`;
    case 'quarter':
      return `the end of ${due.iso.slice(0, 4)} quarter ${Math.ceil(Number(due.iso.slice(5, 7)) / 3)} (${uk})`;
    case 'year':
      return `the end of ${due.iso.slice(0, 4)}`;
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
