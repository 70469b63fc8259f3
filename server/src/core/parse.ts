import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Parser, visit, YAMLParseError, type Alias, type CST, type Document, type DocumentOptions, type ErrorCode, type Node, type Pair, type ParseOptions, type SchemaOptions, type YAMLError, type YAMLMap } from 'yaml';
import { MAX_PLAN_BYTES, textOverSizeLimit } from './planFiles';
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
  /**
   * For a readable parse: which whole parse it descends from by splicing
   * edits in (`reparse.ts`), and what each splice changed. The check reuses
   * what an earlier check of the same lineage found outside those changes.
   */
  lineage?: ParseLineage;
  /**
   * Set when the plan was read quickly (`quickRead.ts`) rather than parsed
   * whole: where each value and key is, without the YAML tree. `doc` is then
   * built on first use, by something that needs the tree (a quick fix).
   * Ask `locate`, which uses this when it is there.
   */
  locateQuickly?: (path: NodePath) => Located | undefined;
}

/** Where the node at a path is in the text: [start, end) of its value, of its key (in a mapping), and of its first line as an item. */
export interface Located {
  value?: [number, number];
  key?: [number, number];
  /** An item's first line: its first field, key through value when that value is a scalar; else the value. */
  item?: [number, number];
}

/** Where the node at a path is (undefined when there is none), from the quick reading or the YAML tree. */
export function locate(parsed: ParsedPlan, path: NodePath): Located | undefined {
  if (parsed.locateQuickly) return parsed.locateQuickly(path);
  return locateInTree(parsed.doc, path);
}

/** `locate` in the YAML tree. */
export function locateInTree(doc: Document.Parsed | undefined, path: NodePath): Located | undefined {
  const found = findNode(doc, path);
  if (!found) return undefined;
  return { value: nodeSpan(found.node), key: found.pair ? keySpan(found.pair) : undefined, item: itemSpan(found.node) };
}

/** The first line of an item: its first field, key through value. */
function itemSpan(node: Node | null | undefined): [number, number] | undefined {
  if (isMap(node) && node.items.length > 0) {
    const first = node.items[0];
    const k = nodeSpan(first.key);
    const v = nodeSpan(first.value);
    if (k) return [k[0], v && isScalar(first.value) ? v[1] : k[1]];
  }
  return nodeSpan(node);
}

/** One edit spliced into a parse: the text [start, oldEnd) became [start, oldEnd + delta). */
export interface SpliceChange {
  /** The value that was replaced (an item or a `key: value` pair); undefined when only comment or blank lines changed. */
  path: NodePath | undefined;
  start: number;
  oldEnd: number;
  delta: number;
  /** How many lines the text gained (negative: lost). */
  lineDelta: number;
}

/** The parses made from one whole parse by splicing: `origin` names it, `changes` are the splices since, oldest first. */
export interface ParseLineage {
  origin: object;
  changes: readonly SpliceChange[];
}

const MAX_SYNTAX_PROBLEMS = 50;
/**
 * How many values aliases (`*name`) may add when they are written out. Each
 * alias repeats its anchored value; an "alias bomb" nests them so that a few
 * lines stand for billions of values. Real plans that reuse an owner name or
 * a list thousands of times stay far below this.
 */
export const MAX_ALIAS_EXPANSION = 100_000;
/**
 * How many lists and mappings may nest inside each other, the plan itself
 * included. A plan needs about eight (objectives, an objective, its actions,
 * an action, its updates, an update...). The depth is counted before the
 * YAML tree is built, so the answer never depends on how much of the
 * JavaScript stack is in use: the same file gets the same findings checked
 * alone or after many others.
 */
export const MAX_NESTING_DEPTH = 100;
const TOO_DEEP = 'The file is nested too deeply to be a plan. Check the indentation and brackets.';

/** A syntax message, and where to show it when that is not where the parser noticed the problem. */
interface PlainSyntax {
  message: string;
  span?: [number, number];
}

const PUT_IN_QUOTES = 'Put the whole value in quotes';

/** Turns a `yaml` library error into a plain message that says what to do. The library's own text is never shown. */
function plainSyntax(code: ErrorCode, message: string, text: string, lines: LineIndex, pos: number): PlainSyntax {
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: 'This field appears twice in the same item. Keep one of them: with two values nobody can tell which one counts.' };
    case 'MISSING_CHAR': {
      if (/quote/.test(message)) {
        const quote = /closing (\S+?)quote/.exec(message)?.[1] ?? '';
        return { message: `A ${quote ? `${quote} ` : ''}quote is not closed. Add the closing quote at the end of the value.` };
      }
      if (/Sequence item without - indicator/.test(message)) return { message: 'The indentation of this line does not match the fields around it. Line it up with the other fields of the same item (use spaces, the same number for each field).' };
      const bracket = /end with a ([\]}])/.exec(message)?.[1];
      if (bracket) return unclosedBracket(bracket, text, pos);
      if (/Comments must be separated/.test(message)) return { message: 'A `#` starts a comment only after a space. Put a space before the `#`, or, if the `#` is part of the text, put the whole value in quotes.' };
      if (/Missing space after :/.test(message)) return { message: 'Inside `{ }`, put a space after each `:`, for example `{ date: 2024-03-31, value: 30 }`.' };
      if (/Missing ,/.test(message)) return { message: 'Items inside `[ ]` or `{ }` must be separated by commas. Add the missing comma, or put text that contains a comma or `: ` in quotes.' };
      if (/Implicit map keys need to be followed by map values/.test(message)) return { message: 'This line is not a `field: value` pair. Add the field name and a colon, or, if the text belongs to the value above, indent it further than that field name.' };
      if (/Tags and anchors must be separated/.test(message)) return { message: 'Put a space after the `&name` or `!name` here, or, if the `&` or `!` is part of the text, put the whole value in quotes.' };
      if (/directives?-end/.test(message)) return { message: 'A line starting with `%` is read as a YAML directive, which plans do not use. Delete that line, or put its text in quotes.' };
      if (/more-indented leading empty lines/.test(message)) return { message: 'The first line of this `|` or `>` text is indented more than the lines after it. Indent all its lines by the same number of spaces.' };
      return { message: 'Something is missing here (a colon, dash or closing bracket). Check this line against the lines around it.' };
    }
    case 'BAD_INDENT': {
      const bracket = /end with a ([\]}])/.exec(message)?.[1];
      if (bracket) return unclosedBracket(bracket, text, pos);
      if (/Block scalar values in collections must be indented/.test(message)) return { message: 'The text under this `|` or `>` must be indented further than its field name. Add spaces at the start of those lines.' };
      return { message: 'The indentation here does not line up with the lines around it. Indent fields of the same item by the same number of spaces.' };
    }
    case 'TAB_AS_INDENT':
      return { message: 'A tab is used for indentation. YAML needs spaces: replace the tab with spaces.' };
    case 'MULTIPLE_DOCS':
      return { message: 'The file holds more than one YAML document (a `---` or `...` line after the start). Keep one plan per file: delete that line, or move what follows it into a file of its own.' };
    case 'RESOURCE_EXHAUSTION':
      return { message: TOO_DEEP };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Review policy: part 2`: a second `: ` on the line is read as a field inside the value.
      const line = lines.lineText(lines.positionAt(pos).line);
      // `s`: a line may hold U+2028 or U+2029, which are characters of the line, not line breaks.
      const m = /^([ \t]*(?:-[ \t]+)?)([^\s:#'"][^:#]*?):[ \t]+([^#]*?:(?:[ \t].*)?)$/s.exec(line);
      if (m && /: /.test(`${m[3]} `) && !/^["']/.test(m[3])) {
        const value = m[3].replace(/[ \t]+#.*$/s, '').trim();
        return { message: `This value contains \`: \` (a colon and a space), which YAML reads as the start of another field. ${PUT_IN_QUOTES}, for example \`${m[2].trim()}: ${JSON.stringify(value)}\`.` };
      }
      return { message: 'The indentation here does not line up with the lines around it: a line is indented further than the field above it, or a `- ` item is not lined up with the others. Indent fields of the same item by the same number of spaces.' };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'A field name runs over more than one line, or a value is missing its `key:`. Check the indentation and colons here.' };
    case 'KEY_OVER_1024_CHARS':
      return { message: 'This line reads as a field name over 1,024 characters long. Check that it has a colon and a space after a short field name (`name: value`).' };
    case 'BAD_DQ_ESCAPE': {
      const seq = /escape sequence (\S+)/.exec(message)?.[1];
      return { message: `In double quotes a backslash starts a special character, and \`${seq ?? '\\'}\` is not one. Use single quotes ('...') around this value instead, or write a backslash as \`\\\\\`.` };
    }
    case 'BAD_SCALAR_START': {
      const char = /(?:character|indicator) (\S)\s*$/.exec(message)?.[1] ?? text[pos];
      const shown = char && char.trim() !== '' && char !== '`' ? `\`${char}\`` : char === '`' ? 'a backtick (`` ` ``)' : 'this character';
      // The value as written, for the example: up to the end of the line or a comment.
      const lineEnd = lines.lineStart(lines.positionAt(pos).line + 1);
      const written = text.slice(pos, lineEnd > pos ? lineEnd : text.length).replace(/[\r\n]+$/, '').replace(/[ \t]+#.*$/s, '').trim();
      const example = written.length > 0 && written.length <= 60 && !/[`"\\]/.test(written) ? `, for example \`"${written}"\`` : ' ("...")';
      return { message: `A value cannot start with ${shown} unless it is in quotes. ${PUT_IN_QUOTES}${example}.` };
    }
    case 'MULTIPLE_ANCHORS':
      return { message: 'A value can have only one anchor (`&name`). Remove the extra one; if the `&` is part of the text, put the whole value in quotes.' };
    case 'MULTIPLE_TAGS':
      return { message: 'A value can have only one tag (`!name`). Remove the extra one; plans do not need tags. If the `!` is part of the text, put the whole value in quotes.' };
    case 'BAD_PROP_ORDER':
      return { message: 'An anchor (`&name`) or tag (`!name`) must come after the `-` or `?` at the start of the line, not before it.' };
    case 'ALIAS_PROPS':
      return { message: 'An alias (`*name`) cannot have its own anchor (`&name`) or tag (`!name`). Remove the `&` or `!` part before the alias.' };
    case 'BAD_ALIAS':
      return /Anchor/.test(message)
        ? { message: 'A `&` here starts an anchor, but no name follows it. Remove the `&`, or, if it is part of the text, put the whole value in quotes.' }
        : { message: 'A `*` here starts an alias, but no name follows it. Remove the `*`, or, if it is part of the text, put the whole value in quotes.' };
    case 'BLOCK_IN_FLOW':
      return { message: 'Inside `[ ]` or `{ }`, items are separated by commas and cannot be `- ` lines or `key: value` lines. Add the missing comma, or put text that contains `: ` or starts with `- ` in quotes.' };
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return { message: 'The `!name` here is a YAML tag, which plans do not use. Remove it, or, if the `!` is part of the text, put the whole value in quotes.' };
    case 'BAD_DIRECTIVE':
      return { message: 'A line starting with `%` is read as a YAML directive, which plans do not use. Delete that line, or put its text in quotes.' };
    case 'NON_STRING_KEY':
      return { message: 'Field names must be plain words, not lists or `{ }` groups. Check the line against the fields around it.' };
    case 'UNEXPECTED_TOKEN': {
      if (/Unexpected , in/.test(message)) return { message: 'There is an extra comma here: a list in `[ ]` has an empty item. Remove the comma, or put the text in quotes if the comma is part of it.' };
      if (/at node end/.test(message)) return { message: 'There is more text after a value that has already ended (after its closing quote or bracket). Put the whole value inside the quotes, or move the extra text onto its own line.' };
      if (/Block scalar header/.test(message)) return { message: 'After `|` or `>` only `-`, `+` or a number may follow on the same line. Move the text to the next line, indented further than the field name.' };
      const token = /"([^"]{1,20})"/.exec(message)?.[1];
      if (token === ']' || token === '}') return { message: `This \`${token}\` closes a \`${token === ']' ? '[' : '{'}\` that was never opened. Remove it, or, if it is part of the text, put the whole value in quotes.` };
      return { message: `${token ? `A \`${token}\` here is not expected.` : 'This line is not valid YAML.'} Check the colons, dashes, brackets and indentation.` };
    }
    default:
      return { message: 'This line is not valid YAML, so the plan cannot be read. Check its colons, dashes, quotes, brackets and indentation against the lines around it; text that contains `: `, ` #` or starts with a special character needs quotes.' };
  }
}

/**
 * An unclosed `[` or `{`: the parser notices where the list should have
 * ended (often the next field's line), but the officer needs the bracket
 * that was opened.
 */
function unclosedBracket(closer: string, text: string, pos: number): PlainSyntax {
  const opener = closer === ']' ? '[' : '{';
  const what = closer === ']' ? 'list' : 'group of fields';
  const message = `This ${what} opened with \`${opener}\` is not closed with \`${closer}\`. Add \`${closer}\` at the end of the ${what}, on the same line or indented further than the field name.`;
  const at = openingBracket(text, pos, opener, closer);
  return at === undefined ? { message } : { message, span: [at, at + 1] };
}

/** The unmatched `opener` before `before` (a plain scan: quotes and comments are not skipped, so it is only a hint). */
function openingBracket(text: string, before: number, opener: string, closer: string): number | undefined {
  let depth = 0;
  const stop = Math.max(0, before - 64 * 1024);
  for (let i = Math.min(before, text.length) - 1; i >= stop; i--) {
    const c = text[i];
    if (c === closer) depth++;
    else if (c === opener) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/**
 * Parses a plan text. Never throws: syntax errors, duplicate keys, alias bombs,
 * binary content and deep nesting all come back as `syntax` problems.
 */
export function parsePlan(text: string): ParsedPlan {
  const lines = new LineIndex(text);
  // Texts over the one plan size limit are refused rather than parsed (a plan of 5,000 actions is about 2 MB).
  if (textOverSizeLimit(text)) {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: `The file is over ${MAX_PLAN_BYTES / 1048576} MB, too large to be a plan. Split it into smaller plans.`, offset: 0, endOffset: 0 }] };
  }
  // eslint-disable-next-line no-control-regex
  const binary = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  if (binary) {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: 'The file contains binary data (control characters), so it is not a text plan. Check that this is the right file and that it was saved as plain text (UTF-8).', offset: binary.index, endOffset: binary.index + 1 }] };
  }
  let doc: Document.Parsed;
  try {
    // `uniqueKeys: false`: the library's own check compares each key with every key before it in its
    // mapping, which takes half a minute on a mapping of 40,000 keys. `duplicateKeys` does the same check in one pass.
    const read = parseWithinDepth(text, PARSE_OPTIONS);
    if (typeof read === 'number') return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: TOO_DEEP, offset: read, endOffset: Math.min(text.length, read + 1) }] };
    doc = read;
  } catch {
    return { text, lines, doc: undefined, value: undefined, readable: false, syntax: [{ message: 'The file could not be read as YAML. Check the indentation and brackets.', offset: 0, endOffset: 0 }] };
  }
  const syntax: SyntaxProblem[] = [];
  const seen = new Set<string>();
  // A repeated key is reported, but the plan can still be read (the last value wins), so the other checks go on.
  const blocking = doc.errors.length > 0;
  const duplicates = duplicateKeys(doc, text);
  let errors: readonly SyntaxError[] = doc.errors;
  if (duplicates.found.length > 0) {
    // Rare (a mistake in the file): when the library's own check is quick, it reports the repeated
    // keys, in its order among the other errors; only a huge mapping gets the one-pass report.
    const exact = duplicates.comparisons <= MAX_LIBRARY_KEY_COMPARISONS ? parseDocument(text, { ...PARSE_OPTIONS, uniqueKeys: true }) : undefined;
    errors = exact ? exact.errors : withDuplicateKeys(doc.errors, duplicates.found);
  }
  // The library reports a repeated key at its first character, or, after an empty value (`due:`), at the end
  // of the line before; the officer needs the whole repeated key marked.
  const repeatedKeys = new Map<number, [number, number][]>();
  for (const d of duplicates.found) repeatedKeys.set(d.offset, [...(repeatedKeys.get(d.offset) ?? []), d.key]);
  for (const error of errors) {
    let [start, end] = error.pos ?? [0, 0];
    const plain = plainSyntax(error.code, error.message, text, lines, start);
    if (plain.span) [start, end] = plain.span;
    if (error.code === 'DUPLICATE_KEY') [start, end] = repeatedKeys.get(start)?.shift() ?? [start, end];
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) [start, end] = openingQuote(text, start) ?? [start, end];
    // One problem, one finding: the parser often reports a slip twice on the same line.
    const key = `${lines.positionAt(start).line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The parser may report a problem just past the end of the text (an unclosed quote or bracket at the end).
    start = Math.min(Math.max(0, start), text.length);
    syntax.push({ message: plain.message, offset: start, endOffset: Math.min(Math.max(start, end), text.length) });
    if (syntax.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  let value: unknown;
  let aliasesReadable = true;
  if (!blocking) {
    const aliasProblems = text.includes('*') ? checkAliases(doc) : [];
    if (aliasProblems.length > 0) {
      aliasesReadable = false;
      syntax.push(...aliasProblems.slice(0, MAX_SYNTAX_PROBLEMS));
    } else {
      try {
        // Expansion is bounded by `checkAliases`, so the library's own alias-count limit (a flat count, which rejects a plan naming one owner 101 times) is off.
        value = doc.toJS({ maxAliasCount: -1 });
      } catch {
        aliasesReadable = false;
        syntax.push({ message: 'The file could not be read as YAML. Check the indentation, brackets and any aliases (`*name`) in it.', offset: 0, endOffset: 0 });
      }
    }
  }
  const readable = !blocking && aliasesReadable;
  return { text, lines, doc, value, syntax, readable, lineage: readable ? { origin: {}, changes: [] } : undefined };
}

/**
 * `parseDocument` of the `yaml` library, with the nesting depth measured
 * first: the offset of the first list or mapping nested more than
 * `maxDepth` deep (counting from `baseDepth`), or the document. The library's
 * tokenizer keeps its own stack, so only building the tree (which recurses)
 * is skipped for a file that is too deep.
 */
export function parseWithinDepth(text: string, options: ParseOptions & DocumentOptions & SchemaOptions, baseDepth = 0, maxDepth = MAX_NESTING_DEPTH): Document.Parsed | number {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeepAt(tokens, baseDepth, maxDepth);
  if (deep !== undefined) return deep;
  // As `parseDocument` does: the first document, and an error for a second one.
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc as Document.Parsed;
}

/** The offset of the first collection token nested deeper than `maxDepth`, walking with an explicit stack. */
function tooDeepAt(tokens: readonly CST.Token[], baseDepth: number, maxDepth: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, baseDepth]);
  stack.reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > maxDepth) return token.type === 'flow-collection' ? token.start.offset : token.offset;
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i] as { key?: CST.Token | null; value?: CST.Token };
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return undefined;
}

/** How plans are parsed, here and by the incremental parse (`reparse.ts`). Duplicate keys are found by `duplicateKeys`. */
// `logLevel: 'error'`: the library's warnings (a `{ }` used as a key) would go to the console, where officers see a JavaScript artefact; problems come back as findings instead.
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** A repeated key, as the `yaml` library's `uniqueKeys` check would report it. */
export interface DuplicateKey {
  /** Where the library reports it: the start of the repeated key (see `keyStart`). */
  offset: number;
  /** Library errors at or after this offset were reported after this one (used to merge the two lists in the library's order). */
  after: number;
  /** [start, end) of the repeated key itself: where the finding is shown. */
  key: [number, number];
}

/**
 * The repeated keys of every mapping in a document (parsed with `uniqueKeys:
 * false`), in the order the `yaml` library's own check reports them: the same
 * keys (two scalars with the same value, `===`), at the same offsets. One pass
 * with a `Map` per mapping, where the library compares each key with every
 * key before it.
 *
 * The library checks a key of a block mapping (`key: value` lines) as soon as
 * it has read the key, before its value; a key of a `{ }` mapping after its
 * value. The walk below visits the tree in that order, with its own stack so
 * that deep nesting cannot overflow the call stack. `comparisons` is how
 * many key comparisons the library's check would have made.
 */
export function duplicateKeys(doc: Document.Parsed, text: string): { found: DuplicateKey[]; comparisons: number } {
  const found: DuplicateKey[] = [];
  let comparisons = 0;
  type Step = { node: unknown } | { check: YAMLMap; index: number; keys: Map<unknown, true> };
  const stack: Step[] = [{ node: doc.contents }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('check' in step) {
      const { check: map, index, keys } = step;
      const pair = map.items[index] as Pair;
      const key = pair.key;
      if (!isScalar(key)) continue; // the library compares other keys (lists, `{ }`, aliases) by identity: never equal
      const value = key.value;
      if (typeof value === 'number' && Number.isNaN(value)) continue; // NaN !== NaN
      if (!keys.has(value)) {
        keys.set(value, true);
        continue;
      }
      const r = key.range as [number, number, number];
      const pairEnd = (pair.value as Node | null)?.range?.[1] ?? r[1];
      found.push({ offset: map.flow ? r[0] : keyStart(map, index, text), after: map.flow ? pairEnd : r[1], key: [r[0], r[1]] });
      continue;
    }
    const node = step.node;
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] });
    } else if (isMap(node)) {
      const keys = new Map<unknown, true>();
      comparisons += (node.items.length * (node.items.length - 1)) / 2;
      // Pushed in reverse: popped as key, [check], value, [check] (block / flow) per pair, pair by pair.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i] as Pair;
        if (node.flow) stack.push({ check: node, index: i, keys });
        stack.push({ node: pair.value });
        if (!node.flow) stack.push({ check: node, index: i, keys });
        stack.push({ node: pair.key });
      }
    }
  }
  return { found, comparisons };
}

/**
 * Where the library reports a repeated key of a block mapping: where its
 * `start` tokens end. That is the key itself, except when the line before
 * ends with an empty value (`field:`): the line break and indentation after
 * it then belong to that item, and the report comes where its empty value is.
 */
function keyStart(map: YAMLMap, index: number, text: string): number {
  const key = map.items[index].key as Node;
  const at = (key.range as [number, number, number])[0];
  if (index === 0) return at;
  const prev = map.items[index - 1] as Pair;
  if (!isScalar(prev.value) || !endsEmpty(prev.value)) {
    if (!isMap(prev.value) && !isSeq(prev.value)) return at;
    let last: unknown = prev.value;
    while ((isMap(last) || isSeq(last)) && !last.flow && last.items.length > 0) {
      const item = last.items[last.items.length - 1];
      last = isPair(item) ? (item.value ?? item.key) : item;
    }
    if (!isScalar(last) || !endsEmpty(last)) return at;
  }
  const prevEnd = (prev.value as Node).range?.[2];
  if (prevEnd === undefined || prevEnd >= at) return at;
  // An empty value followed by comment lines is placed after them; the next line break then starts the next item.
  const lineStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  if (/^[ \t]*#/.test(text.slice(lineStart, prevEnd))) return at;
  return /^\r?\n[ \t]*$/.test(text.slice(prevEnd, at)) ? prevEnd : at;
}

/** An empty value (`field:` with nothing after it, or only an anchor or tag). */
function endsEmpty(node: Node): boolean {
  const r = node.range;
  return !!r && r[0] === r[1];
}

/** Key comparisons the `yaml` library's `uniqueKeys` check may make on a document before it is too slow to run (a few milliseconds' worth). */
const MAX_LIBRARY_KEY_COMPARISONS = 1_000_000;

type SyntaxError = Pick<YAMLError, 'code' | 'message'> & { pos?: [number, number] };

/**
 * The library's errors with the repeated keys added as `DUPLICATE_KEY`
 * errors, in the order the library would have reported them: a repeated key
 * comes before the first error reported at or after its `after` offset.
 */
function withDuplicateKeys(errors: readonly SyntaxError[], duplicates: readonly DuplicateKey[]): SyntaxError[] {
  const merged: SyntaxError[] = [];
  const duplicateError = (d: DuplicateKey) => ({ code: 'DUPLICATE_KEY' as const, message: 'Map keys must be unique', pos: [d.offset, d.offset + 1] as [number, number] });
  let next = 0;
  for (const error of errors) {
    const at = error.pos?.[0] ?? 0;
    while (next < duplicates.length && duplicates[next].after <= at) merged.push(duplicateError(duplicates[next++]));
    merged.push(error);
  }
  while (next < duplicates.length) merged.push(duplicateError(duplicates[next++]));
  return merged;
}

/**
 * Checks the aliases (`*name`) of a document before it is turned into a
 * value: each must name an anchor (`&name`) set above it, must not sit inside
 * the value it repeats, and all together they must not expand the plan by
 * more than `MAX_ALIAS_EXPANSION` values. Linear in the size of the text.
 */
function checkAliases(doc: Document.Parsed): SyntaxProblem[] {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const problems: SyntaxProblem[] = [];
  // In document order, as `yaml` resolves them: an alias names the last anchor of that name before it.
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
        else if (problems.length < MAX_SYNTAX_PROBLEMS) {
          const [start, end] = node.range ?? [0, 0];
          problems.push({ message: `\`*${node.source}\` refers to an anchor \`&${node.source}\` that is not defined above it. An alias (\`*name\`) repeats a value marked \`&name\` earlier in the file: add \`&${node.source}\` before that value, or write the value out here.`, offset: start, endOffset: end });
        }
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  if (problems.length > 0 || targets.size === 0) return problems;

  // How many values each node stands for once its aliases are written out (memoised, so shared anchors are counted once per node).
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  let loop: Alias | undefined;
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) return Infinity;
    inProgress.add(node);
    let size = 1;
    if (isAlias(node)) {
      size = sizeOf(targets.get(node));
      if (size === Infinity) loop ??= node;
    } else if (isPair(node)) {
      size = 1 + sizeOf(node.key) + sizeOf(node.value);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) size += sizeOf(item);
    }
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  let written = 0;
  visit(doc, { Node: () => void written++, Pair: () => void written++ });
  let expanded: number;
  try {
    expanded = sizeOf(doc.contents);
  } catch {
    expanded = Infinity; // nested too deeply to count: do not expand it either
  }
  if (loop) {
    const [start, end] = loop.range ?? [0, 0];
    return [{ message: `\`*${loop.source}\` is inside the value marked \`&${loop.source}\` that it repeats, so it would repeat itself forever. Write the values out instead of using this alias.`, offset: start, endOffset: end }];
  }
  if (expanded - written <= MAX_ALIAS_EXPANSION) return [];
  // Point at the alias that stands for the most.
  let worst: Alias | undefined;
  for (const alias of targets.keys()) if (!worst || (sizes.get(alias) ?? 0) > (sizes.get(worst) ?? 0)) worst = alias;
  const [start, end] = worst?.range ?? [0, 0];
  return [{ message: `The aliases (\`*name\`) in this file repeat other values so many times that it would grow to over ${MAX_ALIAS_EXPANSION.toLocaleString('en-GB')} values, far more than any plan, and reading it would take too long. Plans do not need aliases: write the values out.`, offset: start, endOffset: end }];
}

/**
 * Where an unclosed quote was opened: the parser reports the end of the text,
 * but the officer needs the line where the quote starts. Returns the last
 * value before `before` that opens a quote and does not close it on its line.
 */
function openingQuote(text: string, before: number): [number, number] | undefined {
  // Lines end at `\n`, `\r\n` or `\r` only (the `m` flag would also end one at U+2028 or U+2029).
  const re = /(?<=^|[\r\n])[^#\r\n]*?(?::|-)[ \t]+(["'])([^\r\n]*)/g;
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
      const found = pairWithKey(node, String(step));
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

/** Mappings with at least this many pairs get an index from key to pair for `findNode`. */
const INDEXED_MAP_SIZE = 32;
const keyIndexes = new WeakMap<YAMLMap, { items: unknown[]; length: number; index: Map<string, number> }>();

/**
 * The first pair of a mapping with this key. A plain search for small
 * mappings; a large one (a plan with 40,000 owners, say) gets an index, so
 * that looking up each of its keys does not take time in the square of its
 * size. The incremental parse replaces pairs in place (with pairs of the
 * same key): the index is built again when the mapping's list of pairs, its
 * length or the key found at an indexed place has changed.
 */
function pairWithKey(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length < INDEXED_MAP_SIZE) return items.find((p) => keyText(p) === key);
  let cached = keyIndexes.get(map);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!cached || cached.items !== items || cached.length !== items.length || attempt === 1) {
      const index = new Map<string, number>();
      for (let i = 0; i < items.length; i++) {
        const k = keyText(items[i]);
        if (!index.has(k)) index.set(k, i);
      }
      cached = { items, length: items.length, index };
      keyIndexes.set(map, cached);
    }
    const at = cached.index.get(key);
    if (at === undefined) return undefined;
    if (keyText(items[at]) === key) return items[at];
    // A pair was replaced by one with another key since the index was built: build it again.
  }
  return undefined;
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

/**
 * [start, end) of a value's own text. The parser's range of a block scalar
 * (`>-` / `|`) or a block list runs through its last line break, up to the
 * next line's indentation; an edit over that range would join the next
 * field onto this line (`due: 2019-07        rag: amber`). So the end is
 * pulled back to the last character that is not a space or line break.
 */
export function ownSpan(text: string, node: unknown): [number, number] | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  let end = span[1];
  while (end > span[0] && /[ \t\r\n]/.test(text[end - 1])) end--;
  return [span[0], end];
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
