import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { LineIndex } from './text';

/** A path into the plan: keys and list indexes, e.g. ['objectives', 0, 'actions', 2, 'due']. */
export type NodePath = readonly (string | number)[];

export interface SyntaxProblem {
  message: string;
  offset: number;
  endOffset: number;
}

/** One plan text, parsed once and shared by every check and editor feature. */
export interface ParsedPlan {
  text: string;
  lines: LineIndex;
  /** The YAML document with source ranges; undefined when the text could not be read at all. */
  doc: Document.Parsed | undefined;
  /** The plain JS value; undefined when syntax problems stop the plan being read. */
  value: unknown;
  syntax: SyntaxProblem[];
  /** False when syntax problems stop the plan being read; only `yaml-syntax` findings are reported then. */
  readable: boolean;
}

/** Texts larger than this are refused rather than parsed (a plan of 5,000 actions is about 2 MB). */
export const MAX_TEXT_LENGTH = 20 * 1024 * 1024;
const MAX_SYNTAX_PROBLEMS = 50;
const MAX_ALIAS_COUNT = 100;

/** Turns a `yaml` library message into a plain one. */
function plainSyntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This field appears twice in the same item. Keep one of them: with two values nobody can tell which one counts.';
    case 'MISSING_CHAR': {
      if (/quote/.test(message)) {
        const quote = /closing (\S+?)quote/.exec(message)?.[1] ?? '';
        return `A ${quote ? `${quote} ` : ''}quote is not closed. Add the closing quote at the end of the value.`;
      }
      if (/Sequence item without - indicator/.test(message)) return 'The indentation of this line does not match the fields around it. Line it up with the other fields of the same item (use spaces, the same number for each field).';
      if (/flow/i.test(message) || /[\]}]/.test(message)) return 'A `[` or `{` is not closed. Add the closing bracket.';
      return 'Something is missing here (a colon, dash or closing bracket). Check this line against the lines around it.';
    }
    case 'BAD_INDENT':
      return 'The indentation here does not line up with the lines around it. Indent fields of the same item by the same number of spaces.';
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation. YAML needs spaces: replace the tab with spaces.';
    case 'MULTIPLE_DOCS':
      return 'The file holds more than one YAML document (a `---` line in the middle). Keep one plan per file.';
    case 'RESOURCE_EXHAUSTION':
      return 'The file is nested too deeply to be a plan. Check the indentation and brackets.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A field name runs over more than one line, or a value is missing its `key:`. Check the indentation and colons here.';
    case 'UNEXPECTED_TOKEN': {
      const token = /"([^"]{1,20})"/.exec(message)?.[1];
      return `${token ? `A \`${token}\` here is not expected.` : 'This line is not valid YAML.'} Check the colons, dashes, brackets and indentation.`;
    }
    default:
      return `This is not valid YAML: ${message.replace(/\s+at line.*$/s, '')}.`;
  }
}

/**
 * Parses a plan text. Never throws: syntax errors, duplicate keys, alias bombs,
 * binary content and deep nesting all come back as `syntax` problems.
 */
export function parsePlan(text: string): ParsedPlan {
  const lines = new LineIndex(text);
  if (text.length > MAX_TEXT_LENGTH) {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: `The file is ${(text.length / 1048576).toFixed(1)} MB, too large to be a plan (the limit is ${MAX_TEXT_LENGTH / 1048576} MB). Split it into smaller plans.`, offset: 0, endOffset: 0 }] };
  }
  // eslint-disable-next-line no-control-regex
  const binary = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  if (binary) {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: 'The file contains binary data (control characters), so it is not a text plan. Check that this is the right file and that it was saved as plain text (UTF-8).', offset: binary.index, endOffset: binary.index + 1 }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  } catch {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: 'The file could not be read as YAML. Check the indentation and brackets.', offset: 0, endOffset: 0 }] };
  }
  const syntax: SyntaxProblem[] = [];
  const seen = new Set<string>();
  // A repeated key is reported, but the plan can still be read (the last value wins), so the other checks go on.
  const blocking = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  for (const error of doc.errors) {
    let [start, end] = error.pos ?? [0, 0];
    const message = plainSyntaxMessage(error.code, error.message);
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) [start, end] = openingQuote(text, start) ?? [start, end];
    // One problem, one finding: the parser often reports a slip twice on the same line.
    const key = `${lines.positionAt(start).line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    syntax.push({ message, offset: start, endOffset: Math.max(start, end) });
    if (syntax.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  let value: unknown;
  let blockingAlias = false;
  if (!blocking) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      blockingAlias = true;
      syntax.push({ message: 'The file repeats aliases (`*name`) so many times that reading it would never finish. Plans do not need aliases: write the values out.', offset: 0, endOffset: 0 });
    }
  }
  return { text, lines, doc, value, syntax, readable: !blocking && !blockingAlias };
}

/**
 * Where an unclosed quote was opened: the parser reports the end of the text,
 * but the officer needs the line where the quote starts. Returns the last
 * value before `before` that opens a quote and does not close it on its line.
 */
function openingQuote(text: string, before: number): [number, number] | undefined {
  const re = /^[^#\n]*?(?::|-)[ \t]+(["'])(.*)$/gm;
  let found: [number, number] | undefined;
  for (let m = re.exec(text); m && m.index < before; m = re.exec(text)) {
    const quote = m[1];
    const rest = m[2];
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) {
      const at = m.index + m[0].length - rest.length - 1;
      found = [at, m.index + m[0].length];
    }
  }
  return found;
}

/** The YAML node at a path, with the pair that holds it when it is a map value. */
export interface NodeAtPath {
  node: Node | null | undefined;
  pair?: Pair;
  /** The nearest existing ancestor item (map or list node) on the way down. */
  parent?: Node;
}

/** Walks the YAML tree along a path. Stops at the first missing step. */
export function findNode(doc: Document.Parsed | undefined, path: NodePath): NodeAtPath | undefined {
  if (!doc) return undefined;
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let parent: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      parent = node;
      const found = node.items.find((p) => keyText(p) === String(step));
      if (!found) return undefined;
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof step === 'number') {
      parent = node;
      pair = undefined;
      node = node.items[step];
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { node: node as Node | null, pair, parent };
}

/** A map key as text (keys are scalars in plans). */
export function keyText(pair: Pair): string {
  const k = pair.key as { value?: unknown } | null;
  if (k && typeof k === 'object' && 'value' in k) return typeof k.value === 'string' ? k.value : String(k.value);
  return String(k);
}

/** [start, end) of a node's value (without trailing comments/space). */
export function nodeSpan(node: unknown): [number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const r = (node as Node).range;
    if (r) return [r[0], r[1]];
  }
  return undefined;
}

/** [start, end) of a pair's key. */
export function keySpan(pair: Pair): [number, number] | undefined {
  return nodeSpan(pair.key);
}

/**
 * Converts a JSON pointer (`/objectives/0/actions/2/due`) into path steps.
 * Numeric steps become numbers so they index lists.
 */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

export function pathToPointer(path: NodePath): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export { isMap, isPair, isScalar, isSeq };
