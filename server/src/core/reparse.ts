import { isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { duplicateKeys, PARSE_OPTIONS, parsePlan, parseWithinDepth, type NodePath, type ParsedPlan, type ParseLineage } from './parse';
import { textOverSizeLimit } from './planFiles';
import { textShift, type LineIndex } from './text';

/**
 * Incremental parsing for the editor. A keystroke in a 10,000-line plan
 * changes one line; parsing the whole text again takes over a tenth of a
 * second, parsing the few lines around the edit well under a millisecond.
 *
 * `reparsePlan` finds the smallest part of the plan that holds the whole
 * edit and can be read on its own, parses just that part's lines, and
 * splices the result into the previous parse: later nodes' ranges shift by
 * the edit's length and the plan value gets the new part. A part is a list
 * item (an action, an objective, a target, an update) or a `field: value`
 * line with what is under it (a title, an owner entry, `asOf`). An edit that
 * only adds, changes or removes comment lines or blank lines between fields
 * changes no value at all: only the ranges after it move.
 *
 * Whenever the edit could change anything beyond that part (it touches the
 * part's first key or dash, adds a second item or field, breaks the syntax,
 * ends in a `|` / `>` text that could run on, the plan uses anchors or
 * aliases), the next larger part is tried, and in the end the whole plan is
 * parsed, so the result is always what `parsePlan(newText)` would give.
 *
 * The previous parse is consumed when a splice succeeds: its tree and value
 * are reused and changed in place, so callers must not use `previous`
 * afterwards. When no splice is possible, `previous` is left as it was.
 */
export function reparsePlan(previous: ParsedPlan | undefined, newText: string): ParsedPlan {
  if (!previous) return parsePlan(newText);
  return trySplice(previous, newText) ?? parsePlan(newText);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;

/** The parse of `newText` made by splicing into `previous`, or undefined when only a full parse will do. */
export function trySplice(previous: ParsedPlan, newText: string): ParsedPlan | undefined {
  const doc = previous.doc;
  const oldText = previous.text;
  if (!doc || !previous.readable || previous.syntax.length > 0 || !isMap(doc.contents)) return undefined;
  if (newText === oldText || textOverSizeLimit(newText)) return undefined;

  // The changed region: [start, oldEnd) in the old text became [start, newEnd) in the new one.
  const { start, oldEnd, newEnd } = textShift(oldText, newText);
  const edit: Edit = { start, oldEnd, newEnd, delta: newText.length - oldText.length };
  // A parse made by a splice had no aliases: then only the edit can have brought one in.
  if (withoutAliases.has(previous) ? aliasNear(newText, edit) : mayHaveAliases(newText)) return undefined;
  // Control characters make the whole file unreadable (see `parsePlan`).
  if (CONTROL.test(newText.slice(edit.start, edit.newEnd))) return undefined;

  if (commentLinesOnly(previous, newText, edit)) return finish(previous, newText, edit);

  const parts = partsHolding(doc, edit.start, edit.oldEnd);
  let gaveUpAtEnd = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    // A part as large as much of the plan is parsed no faster than the whole plan.
    if ((part.end - part.start) * 3 > oldText.length) break;
    // An edit at the very end of a part (a line break after an objective's last line) changes how the part
    // ends; the parts around it that end at the same place end the same way, so parsing them (each as long
    // as an objective) would only give up again.
    if (part.end === gaveUpAtEnd) continue;
    const spliced = splicePart(previous, newText, edit, part);
    if (spliced === undefined && edit.start >= part.end) gaveUpAtEnd = part.end;
    // A part that does not read as YAML is (almost always) in a larger part
    // that does not read either: leave it to the full parse.
    if (spliced === 'broken') return undefined;
    if (spliced) return spliced;
  }
  return undefined;
}

interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

/** A part of the plan that can be parsed on its own: a block list item, or a `key: value` pair of a block mapping. */
interface Part {
  kind: 'item' | 'pair';
  /** The list's items or the mapping's pairs. */
  siblings: unknown[];
  index: number;
  /** Keys and indexes from the plan's top to the list or mapping holding the part. */
  path: (string | number)[];
  /** The pair's key, for pairs. */
  key?: string;
  /** [start, end] of the item's value, or from the pair's key to the end of its value. */
  start: number;
  end: number;
}

/** Anchors (`&a`) and aliases (`*a`) can tie one part to another; such plans are always parsed whole. */
function mayHaveAliases(text: string): boolean {
  return /(^|[\s:[{,-])[&*][^\s*&,\]}]/.test(text);
}

/** Parses known to have no anchor or alias (`mayHaveAliases` false): every parse a splice made. */
const withoutAliases = new WeakSet<ParsedPlan>();

/** Marks a spliced parse: its text was checked for anchors and aliases before the splice. */
function noAliases(parsed: ParsedPlan): ParsedPlan {
  withoutAliases.add(parsed);
  return parsed;
}

/** Could the edit have made an anchor or alias? (`mayHaveAliases` over the three characters' reach around it.) */
function aliasNear(text: string, edit: Edit): boolean {
  const from = Math.max(0, edit.start - 2);
  const window = text.slice(from, edit.newEnd + 2);
  return from === 0 ? mayHaveAliases(window) : /[\s:[{,-][&*][^\s*&,\]}]/.test(window);
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return node && typeof node === 'object' && 'range' in node ? ((node as Node).range ?? undefined) : undefined;
}

/** [start, end] of a block mapping's pair: from its key to the end of its value. */
function pairSpan(pair: Pair): [number, number] | undefined {
  const k = rangeOf(pair.key);
  if (!k) return undefined;
  return [k[0], rangeOf(pair.value)?.[1] ?? k[1]];
}

/** The block list items and mapping pairs holding [start, end), outermost first. */
function partsHolding(doc: Document.Parsed, start: number, end: number): Part[] {
  const parts: Part[] = [];
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node) && !node.flow) {
      const index = search(node.items, (p) => pairSpan(p as Pair), start, end);
      if (index < 0) break;
      const pair = node.items[index] as Pair;
      const key = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
      if (key === undefined) break;
      const [s, e] = pairSpan(pair) as [number, number];
      parts.push({ kind: 'pair', siblings: node.items, index, path: [...path], key, start: s, end: e });
      path.push(key);
      node = pair.value;
    } else if (isSeq(node) && !node.flow) {
      const index = search(node.items, rangeOf, start, end);
      if (index < 0) break;
      const r = rangeOf(node.items[index]) as [number, number, number];
      parts.push({ kind: 'item', siblings: node.items, index, path: [...path], start: r[0], end: r[1] });
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return parts;
}

/** The index of the sibling whose span holds [start, end), or -1 (siblings are in text order). */
function search(items: unknown[], span: (item: unknown) => readonly number[] | undefined, start: number, end: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = span(items[mid]);
    if (!r) return -1;
    if (start > r[1]) lo = mid + 1;
    else if (end < r[0]) hi = mid - 1;
    else return start >= r[0] && end <= r[1] ? mid : -1;
  }
  return -1;
}

/**
 * Parses one part of the new text on its own and splices it in; undefined
 * when that could differ from a full parse, 'broken' when the part does not
 * read as YAML.
 */
function splicePart(previous: ParsedPlan, newText: string, edit: Edit, part: Part): ParsedPlan | 'broken' | undefined {
  const oldText = previous.text;
  // An edit at the part's first character (its key, or just after its dash) could change what the part is.
  if (edit.start <= part.start) return undefined;
  const lineStart = previous.lines.lineStart(previous.lines.positionAt(part.start).line);
  const prefix = oldText.slice(lineStart, part.start);
  // The part must start its line, after indentation and the dashes of the list items it opens.
  const dashes = part.kind === 'item' ? /^([ ]*-[ ]+)*[ ]*-[ ]+$/ : /^([ ]*-[ ]+)*[ ]*$/;
  if (!dashes.test(prefix)) return undefined;
  // Dashes of enclosing items become spaces, so the part keeps its columns; an item keeps its own dash.
  const keep = part.kind === 'item' ? prefix.lastIndexOf('-') : prefix.length;
  const newPartEnd = part.end + edit.delta;
  const slice = ' '.repeat(keep) + newText.slice(lineStart + keep, newPartEnd);
  // A `\r` at the end of the slice is text on its own, a line break before a `\n`.
  if (slice.endsWith('\r')) return undefined;
  // A list or mapping that ends with a comment line runs on over the blank and
  // comment lines after it, which the slice does not have.
  const trimmed = slice.trimEnd();
  if (/^[ ]*#/.test(trimmed.slice(trimmed.lastIndexOf('\n') + 1))) return undefined;
  // The slice's top list or mapping stands for the one holding the part, `part.path.length` levels below the plan's.
  const sliceDoc = parseWithinDepth(slice, PARSE_OPTIONS, part.path.length);
  if (typeof sliceDoc === 'number') return undefined;
  if (sliceDoc.errors.length > 0 || duplicateKeys(sliceDoc, slice).found.length > 0) return 'broken';

  let newNode: Node | Pair;
  let newValue: unknown;
  let lastNode: unknown;
  let oldLast: unknown;
  const contents = sliceDoc.contents;
  if (part.kind === 'item') {
    if (!isSeq(contents) || contents.flow || contents.items.length !== 1) return undefined;
    const item = contents.items[0];
    const r = rangeOf(item);
    if (!r || r[1] + lineStart !== newPartEnd) return undefined;
    newNode = item as Node;
    newValue = (sliceDoc.toJS() as unknown[])[0];
    lastNode = item;
    oldLast = part.siblings[part.index];
  } else {
    if (!isMap(contents) || contents.flow || contents.items.length !== 1) return undefined;
    const pair = contents.items[0] as Pair;
    if (!isScalar(pair.key) || pair.key.value !== part.key) return undefined;
    const span = pairSpan(pair);
    if (!span || span[1] + lineStart !== newPartEnd) return undefined;
    newNode = pair;
    newValue = (sliceDoc.toJS() as Record<string, unknown>)[part.key as string];
    lastNode = pair.value ?? pair.key;
    const oldPair = part.siblings[part.index] as Pair;
    oldLast = oldPair.value ?? oldPair.key;
  }
  if (!endsAsBefore(newText, newPartEnd, oldLast, lastNode, keep)) return undefined;

  // Nothing can fail from here on: change the previous parse in place.
  const doc = previous.doc as Document.Parsed;
  shiftRanges(doc, edit.oldEnd, edit.delta);
  visit(sliceDoc, {
    Node(_key, node) {
      if (node.range) node.range = [node.range[0] + lineStart, node.range[1] + lineStart, node.range[2] + lineStart];
    },
  });
  part.siblings[part.index] = newNode;
  let container = previous.value as Record<string | number, unknown>;
  for (const step of part.path) container = container[step] as Record<string | number, unknown>;
  container[part.kind === 'item' ? part.index : (part.key as string)] = newValue;
  const lines = previous.lines.edited(newText, edit.start, edit.oldEnd, edit.newEnd);
  const path = [...part.path, part.kind === 'item' ? part.index : (part.key as string)];
  return noAliases({ text: newText, lines, doc, value: previous.value, syntax: [], readable: true, lineage: extend(previous, lines, edit, path) });
}

/** Splices in one lineage before it starts again (a full check): keeps the list of changes short. */
const MAX_LINEAGE = 10_000;

/** The lineage of a spliced parse: the previous parse's, with this edit added. */
function extend(previous: ParsedPlan, lines: LineIndex, edit: Edit, path: NodePath | undefined): ParseLineage {
  const change = { path, start: edit.start, oldEnd: edit.oldEnd, delta: edit.delta, lineDelta: lines.lineCount - previous.lines.lineCount };
  const before = previous.lineage;
  if (!before || before.changes.length >= MAX_LINEAGE) return { origin: {}, changes: [] };
  return { origin: before.origin, changes: [...before.changes, change] };
}

type Ending = 'block' | 'block-text' | 'flat' | 'empty';

/**
 * How a part ends, which decides where its range and its ancestors' ranges
 * end: a block list or mapping runs through the line break to the next
 * line's indentation, a `|` / `>` text also takes in following blank and
 * more-indented lines, a one-line value ends at its last character, and an
 * empty value is placed by the parser after any comments that follow it.
 */
function ending(last: unknown): Ending {
  let node = last;
  let block = false;
  for (;;) {
    if (isMap(node) || isSeq(node)) {
      if (!node.flow) block = true;
      if (node.flow || node.items.length === 0) break;
      const item = node.items[node.items.length - 1];
      node = isMap(node) ? ((item as Pair).value ?? (item as Pair).key) : item;
    } else {
      break;
    }
  }
  const r = rangeOf(node);
  if (!node || !r || r[0] === r[1]) return 'empty';
  if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) return 'block-text';
  return block ? 'block' : 'flat';
}

/**
 * Where the part parsed alone ends must be where it would end in the whole
 * plan, for it and for the lists and mappings around it. So it must end the
 * way it ended before the edit (a one-line value cannot become a nested list,
 * say), and never with an empty value. A block list or mapping must end at
 * the indentation of the line after it. A `|` or `>` text runs on over every
 * following line indented further than its field, and over blank and
 * comment-looking lines, so after one the next line must be indented no
 * further than the part and not be a comment.
 */
function endsAsBefore(text: string, end: number, before: unknown, after: unknown, partColumn: number): boolean {
  const kind = ending(after);
  if (kind === 'empty' || kind !== ending(before)) return false;
  if (kind === 'flat' || end >= text.length) return true;
  // A block list or mapping ends at the next line's indentation.
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart === 0 || !/^[ ]*$/.test(text.slice(lineStart, end))) return false;
  if (kind === 'block') return true;
  const next = text[end];
  if (next === '#' || next === ' ' || next === '\t' || next === '\n' || next === '\r') return false;
  return end - lineStart <= partColumn;
}

/**
 * True when the edit only adds, changes or removes whole comment lines or
 * blank lines that lie between fields and items (never inside a value, where
 * a blank or `#` line can be part of a text), so no value changes.
 */
function commentLinesOnly(previous: ParsedPlan, newText: string, edit: Edit): boolean {
  const oldText = previous.text;
  const first = oldText.lastIndexOf('\n', edit.start - 1) + 1;
  const oldLines = oldText.slice(first, lineEnd(oldText, edit.oldEnd)).split('\n');
  const newLines = newText.slice(first, lineEnd(newText, edit.newEnd)).split('\n');
  // Lines after the edit that only moved are not changed lines.
  while (oldLines.length > 0 && newLines.length > 0 && oldLines[oldLines.length - 1] === newLines[newLines.length - 1]) {
    oldLines.pop();
    newLines.pop();
  }
  const quiet = (l: string) => /^[ ]*(#[^\r\n]*)?\r?$/.test(l);
  if (!oldLines.every(quiet) || !newLines.every(quiet)) return false;
  // A comment indented further than the line after it is kept in the list or
  // mapping before it (its range runs on), so it must be indented no further.
  const column = nextContentColumn(newText, lineEnd(newText, edit.newEnd) + 1);
  if (![...oldLines, ...newLines].every((l) => !l.includes('#') || l.indexOf('#') <= column)) return false;
  // [first, last]: the changed lines of the old text. No node may start or
  // end inside them (a list's range runs up to the next line's indentation),
  // and no value may span them.
  const last = first + oldLines.join('\n').length;
  const inside = (p: number, from: number) => p >= from && p <= last;
  let node: unknown = (previous.doc as Document.Parsed).contents;
  for (;;) {
    const r = rangeOf(node);
    if (r && (inside(r[0], first + 1) || inside(r[1], first))) return false;
    let children: unknown[];
    let span: (item: unknown) => readonly number[] | undefined;
    if (isMap(node) && !node.flow) {
      children = node.items;
      span = (p) => pairSpan(p as Pair);
    } else if (isSeq(node) && !node.flow) {
      children = node.items;
      span = rangeOf;
    } else {
      // A scalar or a `[ ]` / `{ }` value: the lines must be outside it.
      return !r || r[1] < first || r[0] > last;
    }
    const holding = search(children, span, first, last);
    if (holding >= 0) {
      node = isMap(node) ? (children[holding] as Pair).value : children[holding];
      continue;
    }
    // No child holds the lines: none may overlap them either.
    const clear = children.every((c) => {
      const s = span(c);
      return !!s && (s[1] < first || s[0] > last || (s[0] === first && oldLines.length === 0));
    });
    // The parser places an empty value, and ends a `|` / `>` text, after the
    // blank and comment lines that follow it: those may not come just before.
    const before = children.filter((c) => (span(c)?.[1] ?? Infinity) < first).pop();
    const value = before && isMap(node) ? ((before as Pair).value ?? (before as Pair).key) : before;
    return clear && (value === undefined || (ending(value) !== 'empty' && ending(value) !== 'block-text'));
  }
}

/** The indentation of the first line at or after `from` that is not blank or a comment (0 at the end of the text). */
function nextContentColumn(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    if (!/^[ ]*(#[^\r\n]*)?\r?$/.test(line)) return line.length - line.trimStart().length;
    at = end + 1;
  }
  return 0;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** A parse of the new text whose values are the previous ones, with ranges after the edit moved. */
function finish(previous: ParsedPlan, newText: string, edit: Edit): ParsedPlan {
  shiftRanges(previous.doc as Document.Parsed, edit.oldEnd, edit.delta);
  const lines = previous.lines.edited(newText, edit.start, edit.oldEnd, edit.newEnd);
  return noAliases({ text: newText, lines, doc: previous.doc, value: previous.value, syntax: [], readable: true, lineage: extend(previous, lines, edit, undefined) });
}

/**
 * The node classes, read once. In the bundle each use of a name imported from
 * `yaml` is a property read through a getter; the walk below tests every node
 * after an edit (100,000 of them in a 5,000-action plan), where those reads
 * were a quarter of its time.
 */
const PAIR = Pair;
const SCALAR = Scalar;
const YAML_MAP = YAMLMap;
const YAML_SEQ = YAMLSeq;

/**
 * Moves every range position at or after `from` by `delta` (positions before
 * it stay). Subtrees that end before `from` are skipped whole, so an edit near
 * the end of a large plan costs little.
 */
function shiftRanges(doc: Document.Parsed, from: number, delta: number): void {
  if (delta === 0) return;
  // One branch per node class (a generic property probe on every node is several times slower on 100,000 nodes).
  const shift = (node: unknown): void => {
    if (node instanceof PAIR) {
      shift(node.key);
      shift(node.value);
      return;
    }
    if (!(node instanceof SCALAR || node instanceof YAML_MAP || node instanceof YAML_SEQ)) return;
    const r = node.range;
    if (r) {
      if (r[2] < from) return;
      // In place: the previous parse is consumed, and a new array per node would be garbage by the thousand per keystroke.
      if (r[0] >= from) r[0] += delta;
      if (r[1] >= from) r[1] += delta;
      r[2] += delta;
    }
    if (node instanceof SCALAR) return;
    const items = node.items;
    // Items that end before the edit keep their ranges: start at the first that does not (items are in text order;
    // all of them when the list or mapping starts after the edit).
    let lo = 0;
    let hi = r && r[0] >= from ? 0 : items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endOf(items[mid]) < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < items.length; i++) shift(items[i]);
  };
  shift(doc.contents);
  if (doc.range) doc.range = [doc.range[0], doc.range[1] >= from ? doc.range[1] + delta : doc.range[1], doc.range[2] + delta];
}

/** Where an item of a list or mapping ends, for skipping the items before an edit (Infinity when unknown: then it is visited). */
function endOf(item: unknown): number {
  if (item instanceof PAIR) return rangeOf(item.value)?.[2] ?? rangeOf(item.key)?.[2] ?? Infinity;
  return rangeOf(item)?.[2] ?? Infinity;
}
