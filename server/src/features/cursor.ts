/**
 * Where the cursor is in the plan's structure, read from indentation rather
 * than from the YAML tree: while someone types, the line they are on is
 * usually not valid YAML yet (`    ow`), but its indentation still says which
 * item it belongs to.
 */

export interface CursorContext {
  /**
   * Keys and `*` (a list item) from the root to the mapping or list that holds
   * the cursor, e.g. ['objectives', '*', 'actions', '*'] inside an action.
   */
  path: string[];
  /** A key of `path`'s mapping; the value of `key`; or a plain entry of the list at `path`. */
  kind: 'key' | 'value' | 'item';
  /** For `value`: the key whose value is being typed. */
  key?: string;
  /** The word typed so far, and the column where it starts (what a completion replaces). */
  word: string;
  wordStart: number;
  /** Column of the keys of the mapping the cursor is in. */
  keyColumn: number;
  /** The cursor line starts a list item (`- `) that holds the cursor. */
  onDashLine: boolean;
  /** The value is inside a flow list (`[race, dis|`). */
  inFlowList: boolean;
  /** Keys already present in the cursor's mapping (not counting the cursor line). */
  siblings: Set<string>;
}

interface LineShape {
  indent: number;
  /** Column of the last `- ` of the line, or -1. */
  dashColumn: number;
  /** Column where the line's content (after indentation and dashes) starts. */
  keyColumn: number;
  rest: string;
  /** The key when the content is `key:` or `key: value`. */
  key?: string;
}

const KEY = /^(["']?)([A-Za-z0-9_$][A-Za-z0-9_$.\- ]*?)\1[ \t]*:(?:[ \t]|$)/;

function shape(line: string): LineShape | undefined {
  if (/^[ \t]*(#.*)?$/s.test(line)) return undefined;
  const m = /^([ \t]*)((?:-(?:[ \t]+|$))*)(.*)$/s.exec(line) as RegExpExecArray;
  const indent = m[1].length;
  const dashes = m[2];
  const dashColumn = dashes ? indent + dashes.lastIndexOf('-') : -1;
  const rest = m[3];
  return { indent, dashColumn, keyColumn: indent + dashes.length, rest, key: KEY.exec(rest)?.[2] };
}

/** Lines that continue a block scalar (`>-`, `|`) or a long plain value belong to the key above; skip them by indentation. */
function ancestors(lines: readonly string[], fromLine: number, column: number, inList: boolean): string[] {
  const path: string[] = [];
  let col = column;
  let mode: 'map' | 'list' = inList ? 'list' : 'map';
  for (let l = fromLine; l >= 0; l--) {
    const s = shape(lines[l]);
    if (!s) continue;
    if (mode === 'map') {
      if (s.keyColumn > col) continue;
      if (s.keyColumn === col) {
        if (s.dashColumn >= 0) {
          path.push('*');
          mode = 'list';
          col = s.dashColumn;
        }
        continue;
      }
    } else {
      if (s.keyColumn > col) continue;
      if (s.dashColumn === col) continue;
      if (s.dashColumn > col) continue;
    }
    // A line to the left: the key that holds us.
    if (!s.key) return path.reverse();
    path.push(s.key);
    col = s.keyColumn;
    mode = 'map';
    if (s.dashColumn >= 0) {
      path.push('*');
      mode = 'list';
      col = s.dashColumn;
    }
  }
  return path.reverse();
}

/** Keys at `column` in the mapping around `line` (same item only). */
function siblingKeys(lines: readonly string[], line: number, column: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  // Upwards: until a line to the left, or the line that starts this item.
  if (!startsItem) {
    for (let l = line - 1; l >= 0; l--) {
      const s = shape(lines[l]);
      if (!s) continue;
      if (s.keyColumn < column) break;
      if (s.keyColumn === column && s.key) keys.add(s.key);
      if (s.keyColumn === column && s.dashColumn >= 0) break;
    }
  }
  for (let l = line + 1; l < lines.length; l++) {
    const s = shape(lines[l]);
    if (!s) continue;
    if (s.keyColumn < column || (s.dashColumn >= 0 && s.dashColumn < column)) break;
    if (s.keyColumn === column && s.key) keys.add(s.key);
  }
  return keys;
}

/** Reads the cursor's place in the plan from the lines of the text. */
export function cursorContext(lines: readonly string[], line: number, character: number): CursorContext {
  const text = lines[line] ?? '';
  const before = text.slice(0, character);
  const s = shape(before) ?? { indent: before.length, dashColumn: -1, keyColumn: before.length, rest: '', key: undefined };
  const onDashLine = s.dashColumn >= 0;
  const parentPath = ancestors(lines, line - 1, onDashLine ? s.dashColumn : s.keyColumn, onDashLine);
  const base = { keyColumn: s.keyColumn, onDashLine, inFlowList: false };
  const mapPath = onDashLine ? [...parentPath, '*'] : parentPath;

  // Inside a flow mapping: `- { date: 2020-01-31, ra|`
  const flowMap = /\{([^{}]*)$/.exec(s.rest);
  if (flowMap) {
    const holder = s.rest.slice(0, flowMap.index);
    const holderKey = KEY.exec(holder)?.[2];
    const path = holderKey ? [...mapPath, holderKey] : mapPath;
    const segment = flowMap[1].split(',').pop() as string;
    const kv = /^[ \t]*([A-Za-z0-9_$.-]+)[ \t]*:[ \t]*(.*)$/s.exec(segment);
    const siblings = new Set(flowMap[1].split(',').slice(0, -1).map((p) => /^\s*([^:]+?)\s*:/.exec(p)?.[1]).filter((k): k is string => !!k));
    if (kv) {
      const word = /[^\s,[\]{}"']*$/.exec(kv[2])?.[0] ?? '';
      return { ...base, path, kind: 'value', key: kv[1], word, wordStart: character - word.length, siblings };
    }
    const word = /[A-Za-z0-9_$.-]*$/.exec(segment)?.[0] ?? '';
    return { ...base, path, kind: 'key', word, wordStart: character - word.length, siblings };
  }

  if (s.key !== undefined) {
    const valueText = s.rest.replace(KEY, '');
    const flowList = /\[([^\]]*)$/.exec(valueText);
    const word = /[^\s,[\]{}"']*$/.exec(valueText)?.[0] ?? '';
    return { ...base, path: mapPath, kind: 'value', key: s.key, word, wordStart: character - word.length, inFlowList: !!flowList, siblings: siblingKeys(lines, line, s.keyColumn, onDashLine) };
  }

  const word = /[^\s,[\]{}:#]*$/.exec(s.rest)?.[0] ?? '';
  const wordStart = character - word.length;
  if (onDashLine && s.rest === word) {
    // `- ra|`: an entry of the list at parentPath; whether it is a value or the first key of a new item depends on the list.
    return { ...base, path: parentPath, kind: 'item', word, wordStart, siblings: siblingKeys(lines, line, s.keyColumn, true) };
  }
  return { ...base, path: mapPath, kind: 'key', word, wordStart, siblings: siblingKeys(lines, line, s.keyColumn, onDashLine) };
}

function unquote(text: string): string {
  const t = text.trim();
  return /^(["']).*\1$/s.test(t) ? t.slice(1, -1) : t;
}

/**
 * The entries a list already has around the cursor, not counting the one
 * being typed: `[age, ra|ce, sex]` -> age, sex; or the other `- entry` lines
 * of a block list. Completion leaves them out, so `age` is not offered twice.
 */
export function entriesAlreadyInList(lines: readonly string[], line: number, character: number, cursor: CursorContext): Set<string> {
  const found = new Set<string>();
  const text = lines[line] ?? '';
  if (cursor.inFlowList) {
    const open = text.lastIndexOf('[', character - 1);
    const close = text.indexOf(']', character);
    const inside = text.slice(open + 1, close < 0 ? text.length : close);
    let at = open + 1;
    for (const part of inside.split(',')) {
      const typing = character >= at && character <= at + part.length;
      if (!typing && part.trim()) found.add(unquote(part));
      at += part.length + 1;
    }
    return found;
  }
  if (cursor.kind !== 'item') return found;
  const dash = shape(text.slice(0, character))?.dashColumn ?? -1;
  if (dash < 0) return found;
  for (const step of [-1, 1]) {
    for (let l = line + step; l >= 0 && l < lines.length; l += step) {
      const s = shape(lines[l]);
      if (!s) continue;
      if (s.indent < dash) break;
      if (s.indent === dash && s.dashColumn === dash && s.rest.trim() && !/:([ \t]|$)/.test(s.rest)) found.add(unquote(s.rest.replace(/[ \t]+#.*$/s, '')));
      else if (s.indent === dash) break;
    }
  }
  return found;
}
