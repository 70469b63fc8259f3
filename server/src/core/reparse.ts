import { isMap, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { parsePlan, type ParsedPlan } from './parse';
import { LineIndex } from './text';

/**
 * Incremental parsing for the editor. A keystroke in a 5,000-action plan
 * changes one action; parsing the whole 2 MB text again takes most of a
 * second, parsing the one action takes well under a millisecond.
 *
 * `reparsePlan` finds the action whose text holds the whole edit, parses just
 * that action's lines, and splices the result into the previous parse:
 * later nodes' ranges shift by the edit's length and the plan value gets the
 * new action. Whenever the edit could change anything beyond that action
 * (it touches the action's first line, adds a second list item, breaks the
 * syntax, the plan uses anchors or aliases), it falls back to a full parse,
 * so the result is always what `parsePlan(newText)` would give.
 *
 * The previous parse is consumed: its tree and value are reused and changed
 * in place, so callers must not use `previous` afterwards.
 */
export function reparsePlan(previous: ParsedPlan | undefined, newText: string): ParsedPlan {
  if (!previous) return parsePlan(newText);
  return trySplice(previous, newText) ?? parsePlan(newText);
}

/** True when a splice was possible; exported for tests and benchmarks. */
export function trySplice(previous: ParsedPlan, newText: string): ParsedPlan | undefined {
  const doc = previous.doc;
  const oldText = previous.text;
  if (!doc || !previous.readable || previous.syntax.length > 0 || !isMap(doc.contents)) return undefined;
  if (newText === oldText) return undefined;
  if (mayHaveAliases(newText)) return undefined;

  // The changed region: [start, oldEnd) in the old text became [start, newEnd) in the new one.
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const oldEnd = oldText.length - tail;
  const delta = newText.length - oldText.length;

  const located = findActionHolding(doc, start, oldEnd);
  if (!located) return undefined;
  const { seq, index, item } = located;
  const [itemStart, itemEnd] = item.range as [number, number, number];

  // The action's text: from the start of its `- ` line to the end of its last value.
  const lines = previous.lines;
  const lineStart = lines.lineStart(lines.positionAt(itemStart).line);
  if (!/^[ ]*-[ ]+$/.test(oldText.slice(lineStart, itemStart))) return undefined;
  if (start <= itemStart) return undefined;
  const newItemEnd = itemEnd + delta;
  const slice = newText.slice(lineStart, newItemEnd);
  const sliceDoc = parseDocument(slice, { prettyErrors: false, uniqueKeys: true });
  if (sliceDoc.errors.length > 0 || !isSeq(sliceDoc.contents) || sliceDoc.contents.items.length !== 1) return undefined;
  const newItem = sliceDoc.contents.items[0];
  if (!isMap(newItem) || !newItem.range) return undefined;
  // The new action must end where the old one's text ended, shifted: nothing after it may belong to it.
  if (newItem.range[1] + lineStart !== newItemEnd) return undefined;

  shiftRanges(doc, itemEnd, delta);
  visit(sliceDoc, {
    Node(_key, node) {
      if (node.range) node.range = [node.range[0] + lineStart, node.range[1] + lineStart, node.range[2] + lineStart];
    },
  });
  seq.items[index] = newItem;

  const value = previous.value as { objectives: { actions: unknown[] }[] };
  const newValue = (sliceDoc.toJS({ maxAliasCount: 100 }) as unknown[])[0];
  value.objectives[located.objectiveIndex].actions[index] = newValue;

  return { text: newText, lines: new LineIndex(newText), doc, value, syntax: [], readable: true };
}

/** Anchors (`&a`) and aliases (`*a`) can tie one action to another; such plans are always parsed whole. */
function mayHaveAliases(text: string): boolean {
  return /(^|[\s:[{,-])[&*][^\s*&,\]}]/.test(text);
}

interface Located {
  objectiveIndex: number;
  seq: { items: unknown[] };
  index: number;
  item: Node;
}

/** The action item (a block mapping) whose text holds [start, end). */
function findActionHolding(doc: Document.Parsed, start: number, end: number): Located | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const objectives = root.items.find((p) => (p.key as { value?: unknown })?.value === 'objectives')?.value;
  if (!isSeq(objectives)) return undefined;
  const objectiveIndex = binarySearch(objectives.items as Node[], start, end);
  if (objectiveIndex < 0) return undefined;
  const objective = objectives.items[objectiveIndex];
  if (!isMap(objective)) return undefined;
  const actions = objective.items.find((p) => (p.key as { value?: unknown })?.value === 'actions')?.value;
  if (!isSeq(actions) || actions.flow) return undefined;
  const index = binarySearch(actions.items as Node[], start, end);
  if (index < 0) return undefined;
  const item = actions.items[index];
  if (!isMap(item) || item.flow || !item.range) return undefined;
  return { objectiveIndex, seq: actions, index, item };
}

/** The index of the node whose value span holds [start, end), or -1. */
function binarySearch(items: Node[], start: number, end: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid]?.range;
    if (!r) return -1;
    if (start > r[1]) lo = mid + 1;
    else if (end < r[0]) hi = mid - 1;
    else return start >= r[0] && end <= r[1] ? mid : -1;
  }
  return -1;
}

/**
 * Moves every range position at or after `from` by `delta` (positions before
 * it stay). Subtrees that end before `from` are skipped whole, so an edit near
 * the end of a large plan costs little.
 */
function shiftRanges(doc: Document.Parsed, from: number, delta: number): void {
  if (delta === 0) return;
  const shift = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    const r = n.range;
    if (r) {
      if (r[2] < from) return;
      n.range = [r[0] >= from ? r[0] + delta : r[0], r[1] >= from ? r[1] + delta : r[1], r[2] + delta];
    }
    if (n.items) for (const item of n.items) shift(item);
    else if ('key' in n || 'value' in n) {
      shift(n.key);
      shift(n.value);
    }
  };
  shift(doc.contents);
  if (doc.range) doc.range = [doc.range[0], doc.range[1] >= from ? doc.range[1] + delta : doc.range[1], doc.range[2] + delta];
}
