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
  private readonly starts: number[];
  /** 1 when the text starts with a byte order mark, else 0. */
  private readonly bom: number;

  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
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
  let head = 0;
  while (head < shortest && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
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
