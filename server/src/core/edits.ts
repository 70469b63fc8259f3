import { isMap, isScalar, isSeq, parse as parseYaml, type Node } from 'yaml';
import { findNode, keySpan, nodeSpan, ownSpan, type NodePath, type ParsedPlan } from './parse';
import type { Fix, TextEdit } from './types';

/**
 * Minimal text edits on a plan: replace one value, rename one key, add one
 * field. Nothing else in the text moves, so comments and layout survive.
 */
export class PlanEdits {
  private eolCache: string | undefined;

  constructor(private readonly parsed: ParsedPlan) {}

  /** The text's line break, looked up once (plans can be megabytes). */
  private get eol(): string {
    this.eolCache ??= this.parsed.text.includes('\r\n') ? '\r\n' : '\n';
    return this.eolCache;
  }

  edit(offset: number, length: number, newText: string): TextEdit {
    return { offset, length, newText, range: this.parsed.lines.range(offset, offset + length) };
  }

  /** Replaces the value at `path` with `newText` (written as YAML, e.g. `2022-11` or `"a: b"`). */
  replaceValue(path: NodePath, newText: string): TextEdit | undefined {
    const found = findNode(this.parsed.doc, path);
    const span = this.ownSpan(found?.node);
    if (span && span[1] > span[0]) return { ...this.edit(span[0], span[1] - span[0], newText), valuePath: path };
    // An empty value (`rag:`): write the new value straight after the colon.
    const key = found?.pair ? keySpan(found.pair) : undefined;
    if (!key) return undefined;
    const colon = this.parsed.text.indexOf(':', key[1]);
    if (colon < 0) return undefined;
    return { ...this.edit(colon + 1, 0, ` ${newText}`), valuePath: path };
  }

  /** Renames the key of the field at `path`. */
  renameKey(path: NodePath, newKey: string): TextEdit | undefined {
    const found = findNode(this.parsed.doc, path);
    const span = found?.pair ? keySpan(found.pair) : undefined;
    if (!span) return undefined;
    return this.edit(span[0], span[1] - span[0], newKey);
  }

  /**
   * Adds `key: value` as the last field of the mapping at `mapPath`, on its own
   * line with the indentation of the mapping's other keys (or inside the braces
   * of a flow mapping). An empty `key: {}` gets its first field as a block
   * under the key, unless it sits in a flow mapping or after an anchor or tag.
   */
  addField(mapPath: NodePath, key: string, valueText: string): TextEdit | undefined {
    const found = findNode(this.parsed.doc, mapPath);
    const map = found?.node;
    const entry = valueText === '' ? `${key}:` : `${key}: ${valueText}`;
    if (isMap(map) && map.items.length === 0 && map.flow) {
      const braces = nodeSpan(map);
      const holder = found?.pair ? keySpan(found.pair) : undefined;
      if (!braces || !holder) return undefined;
      const colon = this.parsed.text.indexOf(':', holder[1]);
      if (colon < 0 || colon > braces[0]) return undefined;
      // Inside a `{ }` mapping, or after an anchor or tag (`owners: &o {}`), the entry goes inside the braces.
      const inFlow = (isMap(found?.parent) || isSeq(found?.parent)) && (found?.parent as { flow?: boolean }).flow;
      if (inFlow || /\S/.test(this.parsed.text.slice(colon + 1, braces[0]))) return this.edit(braces[0], braces[1] - braces[0], `{ ${entry} }`);
      // `owners: {}`: the first entry, written as a block under the key.
      const indent = ' '.repeat(this.parsed.lines.positionAt(holder[0]).character + 2);
      return this.edit(colon + 1, braces[1] - colon - 1, `${this.eol}${indent}${entry}`);
    }
    if (!isMap(map) || map.items.length === 0) return undefined;
    const last = map.items[map.items.length - 1];
    const lastEnd = this.ownSpan(last.value)?.[1] ?? nodeSpan(last.key)?.[1];
    const firstKey = nodeSpan(map.items[0].key);
    if (lastEnd === undefined || !firstKey) return undefined;
    if (map.flow) return this.edit(lastEnd, 0, `, ${entry}`);
    const indent = ' '.repeat(this.parsed.lines.positionAt(firstKey[0]).character);
    const line = this.parsed.lines.positionAt(lastEnd).line;
    const eol = this.eol;
    if (line + 1 >= this.parsed.lines.lineCount) {
      return this.edit(this.parsed.text.length, 0, `${this.parsed.text.endsWith('\n') ? '' : eol}${indent}${entry}${eol}`);
    }
    return this.edit(this.parsed.lines.lineStart(line + 1), 0, `${indent}${entry}${eol}`);
  }

  /** The source text of the value at a path, as written. */
  sourceText(path: NodePath): string {
    const span = this.ownSpan(findNode(this.parsed.doc, path)?.node);
    return span ? this.parsed.text.slice(span[0], span[1]) : '';
  }

  private ownSpan(node: unknown): [number, number] | undefined {
    return ownSpan(this.parsed.text, node);
  }

  /** A fix from edits, or undefined when an edit could not be made. */
  fix(title: string, edits: (TextEdit | undefined)[], safe: boolean, preferred = false): Fix | undefined {
    if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
    return { title, edits: edits as TextEdit[], safe, preferred };
  }

  /** The scalar node at a path, when there is one. */
  scalarAt(path: NodePath): Node | undefined {
    const node = findNode(this.parsed.doc, path)?.node;
    return isScalar(node) ? node : undefined;
  }
}

/** Words YAML 1.1 readers (other tools that open the plan) take as true or false. */
const YAML11_BOOLEANS = /^(y|yes|n|no|on|off)$/i;

/**
 * A string as YAML text: plain when YAML reads it back as the same string,
 * else double-quoted. Plain `12`, `1.5`, `true`, `null` or `~` would be read as
 * a number, true/false or nothing, `a: b` as a field, `x # y` as a comment;
 * `yes`/`no` are quoted too, because YAML 1.1 tools read them as true/false.
 */
export function yamlString(value: string): string {
  if (YAML11_BOOLEANS.test(value)) return JSON.stringify(value);
  let read: unknown;
  try {
    read = parseYaml(value, { logLevel: 'error' });
  } catch {
    read = undefined;
  }
  return read === value ? value : JSON.stringify(value);
}

/**
 * Applies edits to a text. Edits are applied from the end backwards; an edit
 * that overlaps one already taken is skipped (the next `--fix` round picks it up).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of editsApplied(edits)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The edits `applyEdits` applies, last first: those that overlap none taken before them. */
export function editsApplied(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  const taken: TextEdit[] = [];
  let floor = Infinity;
  for (const e of sorted) {
    if (e.offset + e.length > floor) continue;
    taken.push(e);
    floor = e.offset;
  }
  return taken;
}

/**
 * Checks the result of applying `edits` (as `applyEdits` does) to a plan
 * whose value was `before`: each edit that sets a value must leave the value
 * at its path reading as its new text does on its own, and no other value of
 * the plan may change. A fix that passes the YAML check can still go wrong
 * (a line break the editor does not show, before the value, can join it onto
 * its key), so `--fix` writes nothing unless this holds. Returns undefined
 * when it holds, else a sentence saying which value on which line went wrong.
 */
export function checkFixedValues(before: unknown, after: unknown, edits: readonly TextEdit[]): string | undefined {
  const proposed = new Map<string, { value: unknown; edit: TextEdit }>();
  for (const edit of editsApplied(edits)) {
    if (!edit.valuePath) return `the fix on line ${edit.range.start.line + 1} changes text that is not one value, so eqplan cannot check it`;
    let value: unknown;
    try {
      value = parseYaml(edit.newText);
    } catch {
      return `the fix on line ${edit.range.start.line + 1} writes \`${edit.newText}\`, which is not one value`;
    }
    proposed.set(JSON.stringify(edit.valuePath), { value, edit });
  }
  const path: (string | number)[] = [];
  const fieldOf = () => String([...path].reverse().find((s) => typeof s === 'string') ?? 'value');
  const compare = (a: unknown, b: unknown): string | undefined => {
    const fix = proposed.get(JSON.stringify(path));
    if (fix) {
      if (sameValue(fix.value, b)) return undefined;
      return `after the fix on line ${fix.edit.range.start.line + 1}, \`${fieldOf()}\` would not read as \`${fix.edit.newText}\`, the value the fix proposes`;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return `a fix would change the list \`${fieldOf()}\``;
      for (let i = 0; i < a.length; i++) {
        path.push(i);
        const found = compare(a[i], b[i]);
        path.pop();
        if (found) return found;
      }
      return undefined;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        path.push(k);
        // A field that is gone, or new: compared as an absent value, so a fix that names it says what it proposed.
        const found = Object.hasOwn(a, k) && Object.hasOwn(b, k) ? compare(a[k], b[k]) : compare(Object.hasOwn(a, k) ? a[k] : ABSENT, Object.hasOwn(b, k) ? b[k] : ABSENT);
        path.pop();
        if (found) return found;
      }
      return undefined;
    }
    return sameValue(a, b) ? undefined : `a fix would change \`${fieldOf()}\`, which no fix names`;
  };
  return compare(before, after);
}

/** A field missing on one side of a comparison. */
const ABSENT = Symbol('absent');

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Two scalar values read from YAML are the same (NaN, from `.nan`, equals itself). */
function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || a === b;
}
