import type { Position, Range } from './types';

/**
 * Maps offsets in a text to LSP positions (0-based line, UTF-16 column) and
 * back. Built once per text; lookups are a binary search.
 *
 * A byte order mark (U+FEFF, saved at the start by Notepad and Excel) is kept
 * in the text, so offsets and edits still cover it, but it takes no column:
 * editors do not show it, and `eqplan: 1` on line 1 starts at column 1.
 */
export class LineIndex {
  /** The offset each line starts at (a typed array: a 50,000-line plan's index is 200 KB, not 400 KB of boxed numbers). */
  private readonly starts: Int32Array;
  /** 1 when the text starts with a byte order mark, else 0. */
  private readonly bom: number;

  /** `starts` is for `edited` only: the line starts of `text`, worked out by the caller. */
  constructor(
    readonly text: string,
    starts?: Int32Array,
  ) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (starts) {
      this.starts = starts;
      return;
    }
    const found: number[] = [0];
    scanLines(text, 0, text.length, found);
    this.starts = Int32Array.from(found);
  }

  /**
   * The index of a text that differs from this one in one region: [start,
   * oldEnd) of this text became [start, newEnd) of `text`. Only the lines
   * around the region are read again; the others are copied (moved by the
   * edit's length), so a keystroke in a 50,000-line plan costs a copy of its
   * line starts, not a scan of its 2 MB of text.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    // Read again from the start of the line holding the character before the edit: a `\r` just before it may now pair with a `\n`.
    const first = this.positionAt(Math.max(0, start - 1)).line;
    const from = this.starts[first];
    const middle: number[] = [];
    // Through `newEnd` itself: the character just after the edit decides whether a `\r` the edit ends with starts a line.
    scanLines(text, from, Math.min(text.length, newEnd + 1), middle);
    const lastNew = middle.length > 0 ? middle[middle.length - 1] : from;
    // Old starts after the region are line starts of the new text too (the characters around them did not change).
    const bound = Math.max(lastNew, newEnd + 1) - delta;
    let tail = first + 1;
    let hi = this.starts.length;
    while (tail < hi) {
      const mid = (tail + hi) >> 1;
      if (this.starts[mid] > bound) hi = mid;
      else tail = mid + 1;
    }
    const starts = new Int32Array(first + 1 + middle.length + (this.starts.length - tail));
    starts.set(this.starts.subarray(0, first + 1));
    starts.set(middle, first + 1);
    const moved = this.starts.subarray(tail);
    const at = first + 1 + middle.length;
    for (let i = 0; i < moved.length; i++) starts[at + i] = moved[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of an offset; offsets past the end clamp to the end. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const skip = lo === 0 && o > 0 ? this.bom : 0;
    // Between the `\r` and `\n` of a CRLF is still the end of the line, not a column past it.
    const inLineBreak = o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10 ? 1 : 0;
    return { line: lo, character: o - this.starts[lo] - skip - inLineBreak };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] + (position.line === 0 ? this.bom : 0);
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** Offset of the start of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

/** Adds the line starts found in text[from, to) to `starts` (a `\r\n` is one line break; the `\n` may lie at `to`). */
function scanLines(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

/** Maps offsets between two versions of a text that differ in one region (see `textShift`). */
export interface TextShift {
  /** The changed region: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
  start: number;
  oldEnd: number;
  newEnd: number;
  /** The offset in the old text of an offset in the new one; undefined inside the changed region. */
  toOld(offset: number): number | undefined;
  /** The offset in the new text of an offset in the old one; undefined inside the changed region. */
  toNew(offset: number): number | undefined;
  /** Does the span [start, end] of the old text touch the changed region (overlap it, or end or start where it does)? */
  touchesChange(start: number, end: number): boolean;
}

/**
 * The one region where `newText` differs from `oldText` (their longest common
 * start and end), as a map between their offsets. While someone types, the
 * server can read the last parse that made sense everywhere outside the line
 * being typed (the server answers hovers so), and the incremental parse re-reads
only the part of the plan that holds it. Linear in the length of the texts; no parse.
 */
export function textShift(oldText: string, newText: string): TextShift {
  const shortest = Math.min(oldText.length, newText.length);
  // Whole chunks first (a string comparison, no copy), then characters: a keystroke in a 2 MB plan compares in well under a millisecond.
  const CHUNK = 4096;
  let head = 0;
  while (head + CHUNK <= shortest && oldText.slice(head, head + CHUNK) === newText.slice(head, head + CHUNK)) head += CHUNK;
  while (head < shortest && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail + CHUNK <= shortest - head && oldText.slice(oldText.length - tail - CHUNK, oldText.length - tail) === newText.slice(newText.length - tail - CHUNK, newText.length - tail)) tail += CHUNK;
  while (tail < shortest - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const oldEnd = oldText.length - tail;
  const newEnd = newText.length - tail;
  const delta = newText.length - oldText.length;
  return {
    start: head,
    oldEnd,
    newEnd,
    toOld: (offset) => (offset <= head ? offset : offset >= newEnd ? offset - delta : undefined),
    toNew: (offset) => (offset <= head ? offset : offset >= oldEnd ? offset + delta : undefined),
    touchesChange: (start, end) => start <= oldEnd && end >= head,
  };
}
