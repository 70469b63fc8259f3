/**
 * Cell values as councils write them, read into the plan format's forms:
 * RAG words and colours, deadlines, status words, owner names.
 */
import { parseDue, readCouncilDue } from '../dates';
import { isPlaceholderOwner } from '../owners';
import { slugify } from './columns';

export type Rag = 'red' | 'amber' | 'green';

/** Words in a RAG or status cell that mean the action is finished. */
const DONE_WORDS = new Set(['complete', 'completed', 'published', 'done', 'achieved', 'closed', 'finished', 'blue', 'b']);
const RAG_WORDS: ReadonlyMap<string, Rag> = new Map<string, Rag>([
  ['r', 'red'], ['red', 'red'], ['a', 'amber'], ['amber', 'amber'], ['orange', 'amber'], ['yellow', 'amber'], ['y', 'amber'],
  ['g', 'green'], ['green', 'green'], ['on track', 'green'], ['off track', 'red'], ['at risk', 'amber'],
]);
const ORDER: readonly Rag[] = ['red', 'amber', 'green'];

export interface RagReading {
  rag?: Rag;
  done?: boolean;
  /** Why the value was read this way, for the report and the line comment. */
  note?: string;
}

/**
 * Reads a RAG cell's text: `G`, `Green`, `A/G` (two ratings: the more cautious
 * one is kept), `Complete` (done). Undefined when the text is not a rating.
 */
export function ragFromText(text: string): RagReading | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (s === '') return undefined;
  if (DONE_WORDS.has(s)) return { done: true, note: 'a word that means the action is finished' };
  const direct = RAG_WORDS.get(s);
  if (direct) return { rag: direct };
  const parts = s.split(/\s*(?:\/|-|–|to|and|&)\s*/).filter(Boolean);
  const ratings = parts.map((p) => RAG_WORDS.get(p));
  if (parts.length > 1 && ratings.every((r): r is Rag => r !== undefined)) {
    const worst = ORDER.find((r) => ratings.includes(r));
    if (worst) return { rag: worst, note: `two ratings; the more cautious one, ${worst}, is kept` };
  }
  const first = /^(red|amber|green)\b/.exec(s);
  if (first) {
    const rag = RAG_WORDS.get(first[1]);
    if (rag) return { rag, note: 'the rating at the start of the cell' };
  }
  return undefined;
}

/** The hue (degrees) of each rating's usual colour: Excel's red, amber (FFC000) and green (00B050). */
const HUES: readonly [Rag, number][] = [
  ['red', 0],
  ['amber', 45],
  ['green', 127],
];

/**
 * The RAG a cell's colour shows: the rating whose hue is nearest (so light and
 * dark greens are green, yellow and orange are amber); undefined for white,
 * black, greys, blues and purples, which carry no rating (header shading).
 */
export function ragFromColour(hex: string): Rag | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  // Greys and near-greys (white, black, the usual header shading) are not ratings.
  if (max - min < 64) return undefined;
  const d = max - min;
  const hue = max === r ? (60 * ((g - b) / d) + 360) % 360 : max === g ? 60 * ((b - r) / d) + 120 : 60 * ((r - g) / d) + 240;
  if (hue > 180 && hue < 320) return undefined;
  let best: Rag | undefined;
  let bestDistance = Infinity;
  for (const [rag, ref] of HUES) {
    const distance = Math.min(Math.abs(hue - ref), 360 - Math.abs(hue - ref));
    if (distance < bestDistance) {
      best = rag;
      bestDistance = distance;
    }
  }
  return best;
}

/** Status words of a separate status column. */
export function statusFromText(text: string): 'not-started' | 'in-progress' | 'done' | 'dropped' | undefined {
  const s = text.trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/\.$/, '');
  if (DONE_WORDS.has(s)) return 'done';
  if (/^(not started|not yet started|planned|to start)$/.test(s)) return 'not-started';
  if (/^(in progress|in-progress|ongoing|started|underway|under way|on track)$/.test(s)) return 'in-progress';
  if (/^(dropped|withdrawn|cancelled|canceled|no longer required|superseded)$/.test(s)) return 'dropped';
  return undefined;
}

export interface DueReading {
  /** The canonical deadline, when one could be read. */
  due?: string;
  /** Why or how it changed ("when the 2023/24 financial year ends"). */
  note?: string;
  /** True when the text was already canonical. */
  canonical: boolean;
}

/** Phrases of recurring or open-ended work: the action has no end date. */
const RECURRING = /^(bi-?annual(ly)?|annual(ly)?|yearly|quarterly|monthly|weekly|every (six|6|three|3|twelve|12) months|twice (a|per) year|regular(ly)?|as required|rolling( programme)?|continuous|throughout the year|each year|on-?going|business as usual|bau)$/;
/** Phrases of a date still to be agreed. */
const UNDECIDED = /^(under development|in development|to be developed|to be determined|to be agreed|to be confirmed|not yet (set|known|agreed)|tbc|tba|tbd|n\/?a)$/;

/**
 * Reads a "By when" cell: canonical forms as they are; council phrases
 * (`Nov 22`, `31.3.23`, `2023/24`, `Ongoing`, `Under development`,
 * `Bi-annual`) into the format's forms; undefined `due` when it cannot.
 */
export function readDeadline(text: string): DueReading {
  const s = text.trim();
  const parsed = parseDue(s);
  if (parsed.kind === 'date' || parsed.kind === 'open') return { due: s, canonical: true };
  const council = readCouncilDue(s);
  if (council) return { due: council.due, note: council.note, canonical: false };
  const words = s.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (RECURRING.test(words)) return { due: 'ongoing', note: 'recurring work has no end date', canonical: false };
  if (UNDECIDED.test(words)) return { due: 'tbc', note: 'the date is still to be agreed', canonical: false };
  return { canonical: false };
}

/** The owners registry the importer builds: one short id per distinct name (case-insensitive). */
export class OwnerRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly entries = new Map<string, string>();

  /** The id for a name, adding it when new; undefined for placeholders (`All`, `TBC`), which stay as written. */
  idFor(name: string): string | undefined {
    if (isPlaceholderOwner(name)) return undefined;
    const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = slugify(name, 32) || 'owner';
    let id = base;
    for (let n = 2; this.entries.has(id); n++) id = `${base}-${n}`;
    this.byKey.set(key, id);
    this.entries.set(id, name.trim());
    return id;
  }

  /** id -> name, in the order names were first seen. */
  all(): ReadonlyMap<string, string> {
    return this.entries;
  }
}

/** Splits a "Supporting services" cell into names: one per line, comma or semicolon. */
export function splitNames(lines: readonly string[]): string[] {
  return lines
    .flatMap((l) => l.split(/\s*[,;]\s*/))
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '');
}
