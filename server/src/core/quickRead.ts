/**
 * A fast reading of a plan's values and where each value and key is, for
 * comparing versions (`diff/`) and for `checkPlan`: no YAML tree.
 *
 * `parsePlan` builds the `yaml` library's full document: every node, its
 * comments and its source tokens, which the editor features and quick fixes
 * need. Comparing two versions of a plan (and walking its git history)
 * needs only the values and the ranges of what changed; for a plan of 5,000
 * actions the full document takes about 1.4 s to build, this reading about
 * 0.15 s. It reads the event stream of `js-yaml` (offsets into the text, no
 * tree) and builds the plain value itself with the `yaml` library's YAML 1.2
 * core schema, so the value is the one `parsePlan` gives.
 *
 * It gives up (returns undefined, and the caller uses `parsePlan`) on
 * anything where the two readers could disagree or where `parsePlan` has
 * more to say: a syntax error, anchors, aliases, tags, directives, a second
 * document, a repeated key, a key that is not plain text, a file too large
 * or with control characters. `tests/core/quickRead.test.ts` and the fuzzer
 * hold it to `parsePlan`'s value and ranges.
 */
import { CHOMPING_MODE, COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { locate, locateInTree, MAX_NESTING_DEPTH, parsePlan, type Located, type NodePath, type ParsedPlan } from './parse';
import { textOverSizeLimit } from './planFiles';
import { LineIndex } from './text';

/** What comparing versions needs of a plan text: its value, its lines, and where the value at a path is. */
export interface PlanReading {
  text: string;
  lines: LineIndex;
  value: unknown;
  /**
   * [start, end) of the value at a path, exactly as `nodeSpan(findNode(doc,
   * path).node)` gives it; undefined when there is none. Where a list or
   * mapping ends is sometimes not known from the events (an empty last
   * value, comment lines after it): for those few, the text is parsed whole
   * once, on first need.
   */
  spanAt(path: NodePath): [number, number] | undefined;
}

/** Where a value is: a scalar's [start, end), or a list's or mapping's start, end and children. */
interface Place {
  start: number;
  end: number;
  /** A list's items. */
  items?: Place[];
  /** A mapping's values by key. */
  keys?: Map<string, Place>;
  /** A mapping's keys: where each is written. */
  keyAt?: Map<string, Place>;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;
/** Line breaks the two readers may count differently (a lone CR, NEL, U+2028/U+2029), and a byte order mark past the start. */
const ODD_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]|(?<!^)\uFEFF/;
/** A tab in a line's indentation: YAML does not allow it, and the two readers do not report it alike. */
const TAB_INDENT = /(?:^|\n)[ ]*\t/;

/**
 * A document marker the two readers may count differently: any `...` line, or
 * a `---` line after content or after another `---` (an empty document before
 * it is one `yaml` counts and js-yaml may not).
 */
function documentMarkers(text: string): boolean {
  const marker = /(?:^|\n)(---|\.\.\.)(?=[ \t\r\n#]|$)/g;
  let seen = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m[1] === '...' || seen++ > 0) return true;
    if (/\S/.test(text.slice(0, m.index).replace(/#[^\n]*/g, ''))) return true;
  }
  return false;
}

/** The value and places of a text read from the events; undefined when it is left to `parsePlan`. */
function readEvents(text: string): { value: unknown; place: Place | undefined } | undefined {
  if (textOverSizeLimit(text) || CONTROL.test(text) || ODD_BREAKS.test(text) || TAB_INDENT.test(text) || documentMarkers(text)) return undefined;
  try {
    return build(text, parseEvents(text, { maxDepth: MAX_NESTING_DEPTH }));
  } catch {
    return undefined; // not YAML js-yaml can read: the full parse says what is wrong
  }
}

/** Reads a plan text fast, or undefined when only `parsePlan` can say what it holds. Never throws. */
export function quickRead(text: string): PlanReading | undefined {
  const built = readEvents(text);
  if (!built) return undefined;
  const root = built.place;
  let full: ParsedPlan | undefined;
  return {
    text,
    lines: new LineIndex(text),
    value: built.value,
    spanAt: (path) => {
      const place = locatePlace(root, path)?.place;
      if (!place) return undefined;
      if (place.end >= 0) return [place.start, place.end];
      // Rare: where a list or mapping ends was not known from the events (see `blockEnd`).
      full ??= parsePlan(text);
      return spanInParse(full, path);
    },
  };
}

/**
 * A plan read quickly, as the check takes it: the `ParsedPlan` that
 * `parsePlan` would give (same value, no syntax problems), with places
 * answered from the reading (`locate`) and the YAML tree built only when
 * something asks for `doc` (a quick fix, the tree's own places where the
 * reading does not know where a list ends). Undefined when the text is left
 * to `parsePlan` (see `quickRead`). The command line and the workspace scan
 * check plans this way; the editor keeps full parses, which it edits.
 */
export function quickParsePlan(text: string): ParsedPlan | undefined {
  const built = readEvents(text);
  if (!built) return undefined;
  const root = built.place;
  let full: ParsedPlan | undefined;
  const tree = () => (full ??= parsePlan(text)).doc;
  return {
    text,
    lines: new LineIndex(text),
    value: built.value,
    syntax: [],
    readable: true,
    lineage: { origin: {}, changes: [] },
    get doc() {
      return tree();
    },
    locateQuickly: (path) => {
      const found = locatePlace(root, path);
      if (!found) return undefined;
      const located = locatedPlace(found.place, found.key);
      // Rare: a place the events do not tell (see `blockEnd`): the tree's answer.
      return located ?? locateInTree(tree(), path);
    },
  };
}

/** The place at a path and, in a mapping, its key's. */
function locatePlace(root: Place | undefined, path: NodePath): { place: Place; key?: Place } | undefined {
  let place = root;
  let key: Place | undefined;
  for (const step of path) {
    if (!place) return undefined;
    if (place.keys) {
      key = place.keyAt?.get(String(step));
      place = place.keys.get(String(step));
    } else if (place.items && typeof step === 'number') {
      key = undefined;
      place = place.items[step];
    } else return undefined;
  }
  return place && { place, key };
}

/** `Located` from places, as `locateInTree` gives it; undefined when one it needs is not known (-1). */
function locatedPlace(place: Place, key: Place | undefined): Located | undefined {
  const span = (p: Place): [number, number] | undefined => (p.start >= 0 && p.end >= 0 ? [p.start, p.end] : undefined);
  const value = span(place);
  const keySpan = key && span(key);
  if (!value || (key && !keySpan)) return undefined;
  let item = value;
  const first = place.keys?.keys().next();
  if (first && !first.done) {
    const k = place.keyAt?.get(first.value);
    const v = place.keys?.get(first.value);
    const kSpan = k && span(k);
    if (!kSpan || !v) return undefined;
    const scalar = !v.items && !v.keys;
    if (scalar && !span(v)) return undefined;
    item = [kSpan[0], scalar ? v.end : kSpan[1]];
  }
  return { value, key: keySpan, item };
}

/** The same questions answered from a full parse, for texts `quickRead` leaves to `parsePlan`; undefined when it is not readable. */
export function readingOfParse(parsed: ParsedPlan): PlanReading | undefined {
  if (!parsed.readable) return undefined;
  return { text: parsed.text, lines: parsed.lines, value: parsed.value, spanAt: (path) => spanInParse(parsed, path) };
}

/** A value's span in a parse (quick or full); for a key written with no value at all (`? key`), the key's. */
function spanInParse(parsed: ParsedPlan, path: NodePath): [number, number] | undefined {
  const at = locate(parsed, path);
  return at?.value ?? at?.key;
}

/** A plan text read for checking: quickly when it can be (no YAML tree until one is asked for), else by `parsePlan`. */
export function readPlanForCheck(text: string): ParsedPlan {
  return quickParsePlan(text) ?? parsePlan(text);
}

/** A plan text read for comparing versions: quickly when it can be, else by `parsePlan`; undefined when it does not read as YAML. */
export function readPlanText(text: string): PlanReading | undefined {
  return quickRead(text) ?? readingOfParse(parsePlan(text));
}

/** An open list or mapping while the events are read. */
interface Frame {
  place: Place;
  value: unknown[] | Record<string, unknown>;
  flow: boolean;
  /** The last value added was empty (`due:` and nothing after it). */
  lastEmpty?: boolean;
  /** Where the last value added is. */
  last?: Place;
  /** A mapping's key waiting for its value, and where that key is. */
  key?: string;
  keyEnd?: number;
  keyPlace?: Place;
}

/** Builds the value and its places from the events; undefined when the text uses what only `parsePlan` reads the same way. */
function build(text: string, events: readonly Event[]): { value: unknown; place: Place | undefined } | undefined {
  const stack: Frame[] = [];
  let documents = 0;
  let done: { value: unknown; place: Place | undefined } | undefined;

  const add = (value: unknown, place: Place, empty = false): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      done = { value, place };
      return true;
    }
    top.place.end = place.end;
    top.lastEmpty = empty || place.end < 0;
    top.last = place;
    if (Array.isArray(top.value)) {
      top.value.push(value);
      (top.place.items as Place[]).push(place);
      return true;
    }
    if (top.key === undefined) return false; // a list or mapping used as a key
    const key = top.key;
    top.key = undefined;
    const keys = top.place.keys as Map<string, Place>;
    if (keys.has(key)) return false; // a repeated key: `parsePlan` reports it
    keys.set(key, place);
    (top.place.keyAt as Map<string, Place>).set(key, top.keyPlace as Place);
    if (key in top.value) Object.defineProperty(top.value, key, { value, writable: true, enumerable: true, configurable: true });
    else top.value[key] = value;
    return true;
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || e.directives.length > 0 || e.explicitEnd) return undefined;
        break;
      case EVENT_ID.SCALAR: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const top = stack[stack.length - 1];
        const isKey = top !== undefined && !Array.isArray(top.value) && top.key === undefined;
        const raw = getScalarValue(text, e);
        const value = e.style === SCALAR_STYLE.PLAIN ? coreScalar(raw) : raw;
        const place = scalarPlace(text, e, top);
        if (!place) return undefined;
        if (isKey) {
          // A key: plain text only (a number, `true` or an empty key reads differently as a property name).
          if (typeof value !== 'string') return undefined;
          top.key = value;
          top.keyEnd = place.end;
          top.keyPlace = place;
          break;
        }
        if (!add(value, place, e.valueStart < 0)) return undefined;
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const top = stack[stack.length - 1];
        if (top && !Array.isArray(top.value) && top.key === undefined) return undefined; // a list or mapping as a key
        const isList = e.type === EVENT_ID.SEQUENCE;
        const place: Place = isList ? { start: e.start, end: e.start, items: [] } : { start: e.start, end: e.start, keys: new Map(), keyAt: new Map() };
        stack.push({ place, value: isList ? [] : {}, flow: e.style === COLLECTION_STYLE.FLOW });
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (!frame) break; // the end of a document
        if (frame.key !== undefined) return undefined;
        frame.place.end = frame.flow ? flowEnd(text, frame.place) : frame.lastEmpty ? -1 : blockEnd(text, frame.place, frame.last);
        if (!add(frame.value, frame.place)) return undefined;
        break;
      }
      default:
        return undefined; // an alias
    }
  }
  if (documents === 0) return { value: null, place: undefined };
  return done ?? { value: null, place: undefined };
}

/**
 * Where a scalar is, as the `yaml` library gives it: quotes included; a `|` /
 * `>` text from its indicator to the end of its last line that is not blank;
 * an empty value just after its `:` or `-` and the spaces after it.
 * Undefined where that cannot be told for certain from the events.
 */
function scalarPlace(text: string, e: ScalarEvent, parent: Frame | undefined): Place | undefined {
  switch (e.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return { start: e.valueStart - 1, end: e.valueEnd + 1 };
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK: {
      if (e.chomping === CHOMPING_MODE.KEEP) return undefined;
      const at = afterIndicator(text, parent);
      if (at === undefined || (text[at] !== '|' && text[at] !== '>')) return undefined;
      let end = e.valueEnd;
      while (end > at && /[ \t\r\n]/.test(text[end - 1])) end--;
      // A `|` with no text under it: where it ends depends on the blank lines after it (see `blockEnd`).
      if (text.lastIndexOf('\n', end - 1) < at) return { start: at, end: -1 };
      return { start: at, end: lineEnd(text, end) };
    }
    default: {
      if (e.valueStart >= 0) return { start: e.valueStart, end: e.valueEnd };
      const at = afterIndicator(text, parent);
      return at === undefined ? undefined : { start: at, end: at };
    }
  }
}

/** Just past the `:` of the pending key, or the `-` of the next list item, and the spaces after it; undefined in `[ ]` / `{ }`. */
function afterIndicator(text: string, parent: Frame | undefined): number | undefined {
  if (!parent || parent.flow) return undefined;
  let i: number;
  if (Array.isArray(parent.value)) {
    const items = parent.place.items as Place[];
    i = items.length === 0 ? parent.place.start : skipBlank(text, items[items.length - 1].end);
    if (text[i] !== '-') return undefined;
  } else {
    if (parent.keyEnd === undefined) return undefined;
    i = parent.keyEnd;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== ':') return undefined;
  }
  i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** The next character that is not a space, a line break or in a comment. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else break;
  }
  return i;
}

/** Just past the line break of the line `end` is on; `end` itself when it is already at a line's start. */
function lineEnd(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Where a block list or mapping ends, as the `yaml` library has it: at the
 * end of the line its last value ends on, unless comment lines follow it
 * that the library counts as part of that last value: comment lines more
 * indented than the list or mapping, right after a last value that is a
 * scalar or a `[ ]` / `{ }` (they become that value's trailing comments); or,
 * after a last value that is itself a block list or mapping, comment lines
 * that one keeps (it keeps them unless it starts at the left margin or every
 * one of them is less indented than it). In those cases, and after a `|` /
 * `>` text or an empty value, the end is not known here (-1).
 */
function blockEnd(text: string, place: Place, last: Place | undefined): number {
  if (place.end < 0 || !last) return -1;
  const end = lineEnd(text, place.end);
  const comments = commentIndents(text, end);
  if (comments.length === 0) return end;
  if ((last.items || last.keys) && text[last.start] !== '[' && text[last.start] !== '{') {
    const indent = column(text, last.start);
    return indent === 0 || comments.every((c) => c < indent) ? end : -1;
  }
  return comments[0] > column(text, place.start) ? -1 : end;
}

/** The indentation of each comment line from `from` (a line's start) up to the next line with content, blank lines skipped. */
function commentIndents(text: string, from: number): number[] {
  const indents: number[] = [];
  for (let i = from; i < text.length; ) {
    let j = i;
    while (text[j] === ' ') j++;
    if (text[j] === '#') indents.push(j - i);
    else if (j < text.length && text[j] !== '\n' && text[j] !== '\r') break;
    const nl = text.indexOf('\n', j);
    if (nl < 0) break;
    i = nl + 1;
  }
  return indents;
}

/** The column of an offset: how far it is from its line's start. */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Just past the `]` or `}` that closes a `[ ]` / `{ }`; the end of its value for a `key: value` written alone inside `[ ]`. */
function flowEnd(text: string, place: Place): number {
  const opening = text[place.start];
  if (opening !== '[' && opening !== '{') return place.end;
  for (let i = place.end; i < text.length; i++) {
    const c = text[i];
    if (c === ']' || c === '}') return i + 1;
    if (c === '#') while (i < text.length && text[i] !== '\n') i++;
  }
  return text.length;
}

/** A plain scalar's value under YAML 1.2's core schema, exactly as the `yaml` library resolves it. */
function coreScalar(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  const c = s.charCodeAt(0);
  // Anything else that could be a number starts with a digit, a sign or a dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
