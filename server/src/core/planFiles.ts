/**
 * What a plan file is: the one answer the CLI, the language server's
 * workspace scan, its document store and the VS Code extension all use.
 *
 * - a file named `*.eqplan.yaml` / `*.eqplan.yml` is a plan, whatever is in it;
 * - another YAML file is a plan when one of its first lines is the marker
 *   `eqplan: 1` at the top level (see `hasPlanMarker` for the one look-ahead);
 * - a plan file bigger than `MAX_PLAN_BYTES` is not read;
 * - plan bytes are read strictly as UTF-8; anything else (UTF-16, Windows-1252,
 *   binary) gets a plain-English message saying how to save it as UTF-8.
 *
 * Pure: bytes and names in, answers out. No fs (the walk over folders is
 * `node/planDiscovery.ts`), no Node `Buffer`, no `TextDecoder` (so this file
 * needs no DOM or Node types and bundles into the extension as it is).
 */
import type { Finding } from './types';

/** File names of a project config, in the order they are looked for in each folder. Never plans. */
export const CONFIG_FILE_NAMES = ['.eqplanrc.yaml', '.eqplanrc.yml', 'eqplan.config.json'] as const;

/** Plan file names: `*.eqplan.yaml` and `*.eqplan.yml`, any case. */
export const PLAN_NAME_PATTERNS = ['*.eqplan.yaml', '*.eqplan.yml'] as const;

const PLAN_NAME = /\.eqplan\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES.map((n) => n.toLowerCase()));

/**
 * Folders a search for plans never enters, whatever `.gitignore` says:
 * installed packages and version-control internals. Every other folder,
 * hidden (dot) folders included, is searched unless a `.gitignore` ignores it,
 * so the editor and `eqplan check` in CI see the same plans.
 */
export const NEVER_SCANNED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The size limit for a plan file, in bytes (10 MB). A real plan is a few
 * hundred kilobytes at most; a bigger file is a wrong file (an export, a log),
 * and reading it would stall the editor. Bigger files are neither read nor
 * searched for the marker.
 */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/**
 * Is this text, saved as UTF-8, over the size limit? The limit for text
 * already in memory (a document open in an editor), so that it is the same
 * as for a file on disk. Counts bytes only when the length alone cannot tell.
 */
export function textOverSizeLimit(text: string): boolean {
  if (text.length > MAX_PLAN_BYTES) return true;
  if (text.length * 3 <= MAX_PLAN_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > MAX_PLAN_BYTES;
}

/**
 * How far into a text the marker is looked for, in characters (UTF-16 code
 * units, as JavaScript counts them): only a marker line that ends within the
 * first 64 Ki characters counts. Far more than any plan's opening comments,
 * and cheap for a big YAML file that is not a plan.
 */
export const PLAN_MARKER_LOOKAHEAD = 64 * 1024;

/**
 * How many leading characters of a text a caller must pass to
 * `hasPlanMarker` for the same answer as passing the whole text (one more
 * than the look-ahead: it tells whether the last line in the look-ahead ends
 * there). An editor with a large document passes only these.
 */
export const PLAN_MARKER_HEAD_CHARS = PLAN_MARKER_LOOKAHEAD + 1;

/**
 * How many leading bytes of a file `planMarkerInHead` needs for the same
 * answer as the whole file: enough for `PLAN_MARKER_HEAD_CHARS` characters in
 * any encoding (UTF-8 takes at most 3 bytes per JavaScript character, UTF-16
 * 2), plus a byte order mark.
 */
export const PLAN_HEAD_BYTES = PLAN_MARKER_HEAD_CHARS * 3 + 3;

/**
 * The marker line: `eqplan: 1` at column 0, the 1 optionally quoted, an
 * optional comment (which YAML only allows after a space). Tested against
 * one line at a time, so `.` may match any character but a line break is
 * never inside.
 */
const MARKER_LINE = /^eqplan[ \t]*:[ \t]*(?:1|"1"|'1')(?:[ \t]+#.*)?[ \t]*$/s;

/** Is `name` (a file name, path or URI path) a plan by its name: `*.eqplan.yaml` / `*.eqplan.yml`? */
export function isPlanFileName(name: string): boolean {
  return PLAN_NAME.test(stripQueryAndFragment(name));
}

/**
 * Is `name` a YAML file that may hold the `eqplan: 1` marker? A `.yaml` /
 * `.yml` file, except eqplan's own config files (`.eqplanrc.yaml`), which
 * are never plans.
 */
export function mayHoldPlanMarker(name: string): boolean {
  return YAML_NAME.test(stripQueryAndFragment(name)) && !isConfigFileName(name);
}

/** Is `name` one of eqplan's config files (`.eqplanrc.yaml`, `.eqplanrc.yml`, `eqplan.config.json`)? */
function isConfigFileName(name: string): boolean {
  const path = stripQueryAndFragment(name);
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  return CONFIG_NAMES.has(base);
}

/**
 * Does this text carry the plan marker: a top-level `eqplan: 1` line that
 * ends within the first `PLAN_MARKER_LOOKAHEAD` characters? Lines end at
 * `\n`, `\r\n` or `\r`, as in the editor. Cheap: no YAML parse. The text may
 * be cut after `PLAN_MARKER_HEAD_CHARS` characters without changing the
 * answer. A leading byte order mark is ignored.
 */
export function hasPlanMarker(text: string): boolean {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = Math.min(text.length, PLAN_MARKER_LOOKAHEAD);
  while (start < end) {
    let lineEnd = start;
    // Stops one past the look-ahead: a huge one-line text is not scanned to its end.
    while (lineEnd < text.length && lineEnd <= end && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    // A line that runs past the look-ahead does not count (its end is not seen).
    if (lineEnd > end) return false;
    if (MARKER_LINE.test(text.slice(start, lineEnd))) return true;
    start = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
  }
  return false;
}

/**
 * Is this document a plan? By its name, or, for a YAML document (by language
 * or by name), by the marker. `languageId` is the editor's language of the
 * document, when there is one. `text` may be cut to its first
 * `PLAN_MARKER_HEAD_CHARS` characters.
 */
export function isPlanDocument(name: string, languageId: string | undefined, text: string): boolean {
  if (isPlanFileName(name)) return true;
  if (isConfigFileName(name)) return false;
  if (languageId !== 'yaml' && !YAML_NAME.test(stripQueryAndFragment(name))) return false;
  return hasPlanMarker(text);
}

/**
 * Does the start of a file carry the plan marker? `head` is the file's first
 * bytes (`PLAN_HEAD_BYTES` of them give the same answer as the whole file).
 * Decoded leniently, unlike `decodePlanBytes`: a UTF-16 or Windows-1252 file
 * with the marker is still found, so that checking it can say how to save it
 * as UTF-8 instead of passing over it in silence.
 */
export function planMarkerInHead(head: Uint8Array): boolean {
  return hasPlanMarker(decodeLeniently(head));
}

/** Why a file's bytes are not a plan's text. */
export type PlanFileProblemKind = 'too-big' | 'utf16' | 'binary' | 'not-utf8';

/** Why a file cannot be read as a plan, in words for the person who saved it. */
export interface PlanFileProblem {
  kind: PlanFileProblemKind;
  /** Plain English naming the file: what is wrong and how to save it so eqplan can read it. */
  message: string;
  /** The 0-based line the problem is on (the first byte that is not UTF-8); 0 otherwise. */
  line: number;
}

/** The text of a plan file, or why it has none. */
export type DecodedPlan = { ok: true; text: string } | { ok: false; problem: PlanFileProblem };

/**
 * The problem with a plan file of `size` bytes, when it is over the size
 * limit; undefined when its size is fine. Lets a caller refuse a big file
 * before reading it. `name` is how the message names the file.
 */
export function planSizeProblem(size: number, name: string): PlanFileProblem | undefined {
  if (size <= MAX_PLAN_BYTES) return undefined;
  const mb = (size / (1024 * 1024)).toFixed(1);
  const limit = MAX_PLAN_BYTES / (1024 * 1024);
  return {
    kind: 'too-big',
    line: 0,
    message: `${name} is not a text plan file eqplan can check: it is ${mb} MB, over the ${limit} MB limit. Check that you named the right file; a plan is a short YAML text file.`,
  };
}

/**
 * A plan file's bytes as text: strictly UTF-8, as `eqplan check`, `eqplan
 * report` and the language server all read plans. Strict because a
 * Windows-1252 `é` turned into U+FFFD would be saved by `--fix` and lost.
 * A UTF-8 byte order mark is kept in the text (the engine gives it no
 * column), so a fixed file keeps it. Too big, UTF-16 (with or without a byte
 * order mark), binary (a NUL byte, a PDF) and non-UTF-8 bytes each get their
 * own message; `name` is how the message names the file.
 */
export function decodePlanBytes(bytes: Uint8Array, name: string): DecodedPlan {
  const tooBig = planSizeProblem(bytes.length, name);
  if (tooBig) return { ok: false, problem: tooBig };
  if (utf16ByteOrder(bytes) !== undefined || looksLikeUtf16WithoutMark(bytes)) {
    return problem('utf16', 0, `${name} is saved as Unicode (UTF-16) text, and eqplan reads plans saved as UTF-8. In Notepad, Word or Excel choose Save As and pick UTF-8 as the encoding, then check it again.`);
  }
  if (bytes.includes(0) || startsWith(bytes, PDF_SIGNATURE)) {
    return problem('binary', 0, `${name} is not a text plan file: it contains binary data. Save the plan as plain text YAML (UTF-8), not as a Word, Excel or PDF file.`);
  }
  const decoded = decodeUtf8(bytes, true);
  if (typeof decoded === 'string') return { ok: true, text: decoded };
  const line = lineOfByte(bytes, decoded.invalidAt);
  return problem(
    'not-utf8',
    line,
    `${name} is not saved as UTF-8 text: line ${line + 1} has a character (often an accented letter, £ or a curly quote) saved in another encoding, such as Windows-1252 ("ANSI"). In Word, Notepad or Excel choose Save As and pick UTF-8 as the encoding, then check it again.`,
  );
}

/**
 * The finding that reports a plan file problem: an error at the start of
 * the problem's line, under the `yaml-syntax` rule (the file is not readable
 * YAML), with no fixes. The CLI and the language server show it like any
 * other finding.
 */
export function planFileProblemFinding(fileProblem: PlanFileProblem, message = fileProblem.message): Finding {
  const at = { line: fileProblem.line, character: 0 };
  return { rule: 'yaml-syntax', severity: 'error', message, range: { start: at, end: at }, offset: 0, endOffset: 0, path: '', fixes: [] };
}

// ---------------------------------------------------------------- decoding

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function problem(kind: PlanFileProblemKind, line: number, message: string): DecodedPlan {
  return { ok: false, problem: { kind, line, message } };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function stripQueryAndFragment(name: string): string {
  return name.replace(/[?#].*$/s, '');
}

/** 'le' / 'be' when the bytes start with a UTF-16 byte order mark. */
function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return undefined;
}

/**
 * UTF-16 saved without a byte order mark: in its first bytes, most pairs
 * are one zero byte and one non-zero byte, always the same way round (the
 * zero high byte of a Latin letter). Binary data and UTF-8 do not look so.
 */
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, 1024) / 2);
  if (pairs < 2) return false;
  let little = 0;
  let big = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i];
    const b = bytes[2 * i + 1];
    if (a !== 0 && b === 0) little++;
    else if (a === 0 && b !== 0) big++;
  }
  return little >= pairs * 0.75 || big >= pairs * 0.75;
}

/** The 0-based line of byte `offset`: line breaks before it counted as the editor does (`\n`, `\r\n`, `\r`). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/**
 * Text for looking for the marker only: a byte order mark says UTF-8 or
 * UTF-16; otherwise UTF-8 with U+FFFD for bytes that are not. A character
 * cut in half at the end of `head` becomes U+FFFD, which is never part of a
 * marker line.
 */
function decodeLeniently(head: Uint8Array): string {
  const order = utf16ByteOrder(head);
  if (order === undefined) {
    const text = decodeUtf8(head, false);
    return typeof text === 'string' ? text : '';
  }
  const units = new Uint16Array(Math.floor((head.length - 2) / 2));
  for (let i = 0; i < units.length; i++) {
    const a = head[2 + 2 * i];
    const b = head[3 + 2 * i];
    units[i] = order === 'le' ? a | (b << 8) : (a << 8) | b;
  }
  return unitsToString(units, units.length);
}

/**
 * UTF-8 to text, written out here so the engine needs neither Node's Buffer
 * nor the DOM's TextDecoder. `fatal`: stop at the first byte that is not
 * part of a well-formed sequence (overlong forms, surrogates and code points
 * past U+10FFFF are not) and say where; otherwise put U+FFFD for each
 * maximal ill-formed part, as the Encoding Standard does. A byte order mark
 * is kept.
 */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | { invalidAt: number } {
  // The platform's decoder, where there is one (Node, browsers), is some fifty times faster; it decodes by
  // the same standard. Only a file it refuses is decoded here again, to say where the bad byte is.
  const platform = platformDecoder(fatal);
  if (platform) {
    try {
      return platform.decode(bytes);
    } catch {
      // not well-formed: found below
    }
  }
  return decodeUtf8Here(bytes, fatal);
}

/** The platform's UTF-8 decoder, typed here: the engine's library types have neither Node's nor the DOM's. */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
type Utf8DecoderClass = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Utf8Decoder;

function platformDecoder(fatal: boolean): Utf8Decoder | undefined {
  const Decoder = (globalThis as { TextDecoder?: Utf8DecoderClass }).TextDecoder;
  // `ignoreBOM`: a byte order mark is kept in the text, as `decodeUtf8Here` keeps it.
  return typeof Decoder === 'function' ? new Decoder('utf-8', { fatal, ignoreBOM: true }) : undefined;
}

/** `decodeUtf8` without the platform's decoder (exported for the test that holds the two to the same answers). */
export function decodeUtf8Here(bytes: Uint8Array, fatal: boolean): string | { invalidAt: number } {
  const parts: string[] = [];
  const chunk = new Uint16Array(8192);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    if (n > chunk.length - 2) {
      parts.push(unitsToString(chunk, n));
      n = 0;
    }
    const first = bytes[i];
    if (first < 0x80) {
      chunk[n++] = first;
      i++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    let code: number;
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1;
      code = first & 0x1f;
    } else if (first >= 0xe0 && first <= 0xef) {
      needed = 2;
      code = first & 0x0f;
      if (first === 0xe0) low = 0xa0; // no overlong forms
      if (first === 0xed) high = 0x9f; // no surrogates
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3;
      code = first & 0x07;
      if (first === 0xf0) low = 0x90; // no overlong forms
      if (first === 0xf4) high = 0x8f; // nothing past U+10FFFF
    } else {
      if (fatal) return { invalidAt: i };
      chunk[n++] = 0xfffd;
      i++;
      continue;
    }
    let seen = 0;
    while (seen < needed) {
      const next = bytes[i + 1 + seen];
      if (next === undefined || next < low || next > high) break;
      code = (code << 6) | (next & 0x3f);
      low = 0x80;
      high = 0xbf;
      seen++;
    }
    if (seen < needed) {
      if (fatal) return { invalidAt: i };
      chunk[n++] = 0xfffd;
      i += 1 + seen; // the byte that broke the sequence starts the next one
      continue;
    }
    i += 1 + needed;
    if (code >= 0x10000) {
      code -= 0x10000;
      chunk[n++] = 0xd800 | (code >> 10);
      chunk[n++] = 0xdc00 | (code & 0x3ff);
    } else {
      chunk[n++] = code;
    }
  }
  parts.push(unitsToString(chunk, n));
  return parts.join('');
}

function unitsToString(units: Uint16Array, count: number): string {
  let out = '';
  // In slices: a spread of a whole file's units would overflow the call stack.
  // `apply`, not a spread: spreading a typed array goes through its iterator, several times slower.
  for (let at = 0; at < count; at += 8192) out += String.fromCharCode.apply(null, units.subarray(at, Math.min(count, at + 8192)) as unknown as number[]);
  return out;
}
