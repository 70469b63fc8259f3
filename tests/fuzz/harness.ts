/**
 * The fuzzer's parts, shared by the fuzzer (`npm run fuzz`) and the corpus
 * test: seed plans, mutations (structure-aware and byte-level), and the
 * properties every input must keep. Properties, not fixed outputs: a failure
 * is a sentence saying which property broke.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, Lexer, parseDocument, type Document, type Node } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkParsed, checkPlan, LineIndex, RULES, type CheckInput, type CheckResult, type Finding, type TextEdit } from '../../server/src/core';
import { reparsePlan } from '../../server/src/core/reparse';
import { findNode, nodeSpan, parsePlan } from '../../server/src/core/parse';
import { quickParsePlan, quickRead } from '../../server/src/core/quickRead';
import { fixPlanText } from '../../server/src/cli/fix';
import type { FormatContext } from '../../server/src/cli/formatters';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import type { FileResult } from '../../server/src/cli/results';
import { PlanStore } from '../../server/src/lsp/store';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS = path.join(__dirname, 'corpus');
/** A fixed "today", so that a case gives the same findings on any day. */
export const OPTIONS: CheckInput = { localToday: '2024-01-15' };

/** A small, fast, seedable generator (mulberry32). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Every plan of the samples and fixtures, and smaller plans cut from them (one objective each), so that cases run fast. */
export function seedTexts(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) files.push(full);
    }
  };
  walk(path.join(ROOT, 'samples'));
  walk(path.join(ROOT, 'tests', 'cli', 'fixtures'));
  const texts = files.sort().map((f) => readFileSync(f, 'utf8'));
  const cut: string[] = [];
  for (const text of texts) {
    const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
    if (doc.errors.length > 0) continue;
    const objectives = isMap(doc.contents) ? doc.contents.get('objectives') : undefined;
    if (!isSeq(objectives) || objectives.items.length < 2) continue;
    for (let i = 0; i < Math.min(objectives.items.length, 4); i++) {
      const one = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
      const list = (one.contents as { get(k: string): unknown }).get('objectives');
      if (!isSeq(list)) continue;
      list.items = [list.items[i]];
      cut.push(one.toString({ lineWidth: 0 }));
    }
  }
  return [...texts, ...cut];
}

/** Names an object inherits, plan field names, and odd keys: keys a mutation may give a field. */
const KEYS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'Constructor', 'prototype', 'toJSON', 'then', 'length', '0', '',
  'id', 'title', 'action', 'owner', 'lead', 'support', 'due', 'rag', 'status', 'measure', 'updates', 'date', 'note', 'value',
  'objectives', 'actions', 'targets', 'milestones', 'actuals', 'baseline', 'direction', 'unit', 'tolerance', 'owners', 'name',
  'characteristics', 'asOf', 'period', 'start', 'end', 'eqplan', 'organisation', 'x-local', 'deadline', 'Due', 'RAG',
];

/** Odd scalars, written as YAML. */
const SCALARS = [
  '2023-02-30', '2023-13-01', '2023-00-10', '0000-01-01', '9999-12-31', '2024-02-29', '2023-02-29', '2022-23', '2023-Q5', '2023-Q2', '2023',
  'Nov 22', 'Sept 2019', 'end of Q3 2023/24', 'March 2024', '31/03/2024', '31.3.23', 'ongoing', 'tbc', 'TBC', 'Ongoing',
  '1e400', '-1e400', '99999999999999999999999', '0x1F', '.nan', '-.inf', '.inf', '1.10', '007', '-0', '1_000', '0o17',
  '"a\u2028b"', '"line\u2029para"', 'text\u0085next', '"\t"', "'it''s'", '""', '~', 'null', 'yes', 'no', 'on', 'true', 'false',
  'red', 'Red', 'AMBER', 'gren', 'r', 'done', 'Complete', 'in progress', 'up', 'down', 'sideways',
  '[]', '{}', '[red]', '{name: red}', '[1, [2, [3]]]', '&a x', '*a', '!!str 5', '!custom x', '|\n  block\n  text', '>-\n  folded',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', '[object Object]', 'undefined', 'NaN', 'x #not a comment', 'a: b', '- item',
  '\uFEFFbom', 'emoji 😀', '\u00A0nbsp', 'a\tb', 'key:value',
];

/** Text snippets for byte-level insertions. */
const SNIPPETS = [
  ':', ': ', '-', '- ', '[', ']', '{', '}', ',', '"', "'", '#', ' #', '\t', '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\uFEFF',
  ' ', '  ', '&', '*', '!', '|', '>', '%', '@', '`', '?', '---\n', '...\n', '\0', 'é', '\uD83D', 'x', '0', '9', '.',
  '\n# a comment\n', ' # trailing', '\n  - ', '\nconstructor: 1\n', '\n__proto__: {a: 1}\n', '{a: [b, {c: d}]}', 'due: Nov 22', 'rag: Red',
];

type Collection = Node & { items: unknown[] };

/** Every list and mapping of a document, with the collection holding it. */
function collections(doc: Document): Collection[] {
  const out: Collection[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isMap(n) || isSeq(n)) {
      out.push(n as unknown as Collection);
      for (const item of n.items as unknown[]) {
        if (isMap(n)) stack.push((item as { value: unknown }).value);
        else stack.push(item);
      }
    }
  }
  return out;
}

/** One structure-aware change to a parsed plan: drop, duplicate, swap, retype a node, or rename a key. False when there was nothing to change. */
function mutateTree(rng: Rng, doc: Document): boolean {
  const all = collections(doc);
  if (all.length === 0) return false;
  const c = rng.pick(all);
  if (c.items.length === 0) return false;
  const i = rng.int(c.items.length);
  const isMapping = isMap(c);
  switch (rng.int(6)) {
    case 0: // drop
      c.items.splice(i, 1);
      return true;
    case 1: // duplicate
      c.items.splice(i, 0, c.items[i]);
      return true;
    case 2: {
      // swap
      const j = rng.int(c.items.length);
      [c.items[i], c.items[j]] = [c.items[j], c.items[i]];
      return true;
    }
    case 3: {
      // retype: a value becomes an odd scalar, a list or a mapping
      const replacement = rng.pick(SCALARS);
      const node = doc.createNode(rng.chance(0.7) ? replacement : rng.chance(0.5) ? [replacement] : { [rng.pick(KEYS)]: replacement });
      if (isMapping) (c.items[i] as { value: unknown }).value = node;
      else c.items[i] = node;
      return true;
    }
    case 4: {
      // a key from the list
      if (!isMapping) return false;
      const key = (c.items[i] as { key: unknown }).key;
      if (isScalar(key)) key.value = rng.pick(KEYS);
      return true;
    }
    default: {
      // a new field with an odd value
      if (!isMapping) return false;
      c.items.push(doc.createPair(rng.pick(KEYS), rng.pick(SCALARS))); // a key already there is a repeated key: fine
      return true;
    }
  }
}

/** One byte-level change: truncate, flip (replace a character), insert a snippet, or change line ends. */
function mutateText(rng: Rng, text: string): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(8)) {
    case 0:
      return text.slice(0, at);
    case 1:
    case 2:
      return text.slice(0, at) + rng.pick(SNIPPETS) + text.slice(at + 1);
    case 3:
    case 4:
      return text.slice(0, at) + rng.pick(SNIPPETS) + text.slice(at);
    case 5: {
      // line ends: all CRLF, all lone CR, or one line's end changed
      const style = rng.pick(['\r\n', '\r', '\u2028']);
      if (rng.chance(0.5)) return text.replace(/\r\n|\r|\n/g, style === '\u2028' ? '\n' : style);
      const nl = text.indexOf('\n', at);
      return nl < 0 ? text : text.slice(0, nl) + style + text.slice(nl + 1);
    }
    case 6: {
      // a comment in an odd place: after a colon, inside brackets, after a dash
      const places = [...text.matchAll(/:(?= )|\[|\{|- |,/g)].map((m) => (m.index ?? 0) + m[0].length);
      if (places.length === 0) return text;
      const p = rng.pick(places);
      return text.slice(0, p) + rng.pick([' # note', ' #', '#x', ' # eqplan-disable-next-line overdue -- ok', '\n# comment\n']) + text.slice(p);
    }
    default: {
      // indentation: a tab, or one space more or less
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return text.slice(0, lineStart) + rng.pick(['\t', ' ', '']) + text.slice(lineStart + (rng.chance(0.5) ? 1 : 0));
    }
  }
}

/** A mutated plan: one to three changes, structure-aware or byte-level. */
export function mutate(rng: Rng, seeds: readonly string[]): string {
  // Mostly the small plans (one objective), so that many cases run.
  const small = seeds.filter((s) => s.length < 8000);
  let text = rng.chance(0.8) && small.length > 0 ? rng.pick(small) : rng.pick(seeds);
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    if (rng.chance(0.5)) {
      const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
      if (doc.errors.length === 0 && mutateTree(rng, doc)) {
        try {
          text = doc.toString({ lineWidth: 0 });
          continue;
        } catch {
          // a tree the library cannot write back (a duplicated anchor, say): change bytes instead
        }
      }
    }
    text = mutateText(rng, text);
  }
  return text;
}

/** What broke, for one case. */
export interface Failure {
  property: string;
  detail: string;
}

const BAD_TEXT = /\[object|undefined|NaN|\bat [^\s]+ \(|\.ts:\d+|\.js:\d+|Error:/g;

/** The engine's properties for one text: never throws, ranges on the lines they name, plain messages. */
export function engineProperties(text: string): { failures: Failure[]; result?: CheckResult } {
  let result: CheckResult;
  try {
    result = checkPlan(text, OPTIONS);
  } catch (e) {
    return { failures: [{ property: 'the engine never throws', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }] };
  }
  const failures: Failure[] = [];
  const lines = new LineIndex(text);
  const lspLines = text.split(/\r\n|\r|\n/);
  for (const f of result.findings) {
    const where = `${f.rule} "${f.message.slice(0, 80)}"`;
    // Words the plan itself holds may be quoted back (a value written `undefined`); anything else is a JavaScript artefact.
    const artefacts = [...f.message.matchAll(BAD_TEXT)].filter((m) => !text.includes(m[0]));
    if (artefacts.length > 0) failures.push({ property: 'no message holds [object, undefined, NaN or a stack frame', detail: f.message });
    if (!(f.offset >= 0 && f.offset <= f.endOffset && f.endOffset <= text.length)) failures.push({ property: 'every range lies inside the document', detail: `${where}: offsets ${f.offset}-${f.endOffset} of ${text.length}` });
    const { start, end } = f.range;
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lspLines.length && p.character >= 0 && p.character <= lspLines[p.line].length + (p.line === 0 && text.charCodeAt(0) === 0xfeff ? -1 : 0);
    if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
      failures.push({ property: 'every range lies inside the document, on the lines it names', detail: `${where}: ${JSON.stringify(f.range)}` });
    } else {
      const s = lines.positionAt(f.offset);
      const e = lines.positionAt(f.endOffset);
      if (s.line !== start.line || s.character !== start.character || e.line !== end.line || e.character !== end.character) {
        failures.push({ property: 'a range names the lines of its offsets', detail: `${where}: ${JSON.stringify(f.range)} but offsets ${f.offset}-${f.endOffset}` });
      }
    }
  }
  return { failures, result };
}

/** The comments of a text, in order, as the YAML tokenizer reads them. */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#'));
}

/** `--fix` keeps every comment, changes only the values its fixes name, to the values their messages propose, and is idempotent. */
export function fixProperties(text: string, result: CheckResult): Failure[] {
  if (!result.findings.some((f) => f.fixes.some((x) => x.safe))) return [];
  const applied: { edit: TextEdit; message: string }[] = [];
  const outcome = fixPlanText(text, OPTIONS, (r) => {
    const edits: TextEdit[] = [];
    for (const f of r.findings) {
      const safe = f.fixes.filter((x) => x.safe);
      const fix = safe.find((x) => x.preferred) ?? safe[0];
      if (!fix) continue;
      for (const edit of fix.edits) applied.push({ edit, message: f.message });
      edits.push(...fix.edits);
    }
    return edits;
  });
  const failures: Failure[] = [];
  if (outcome.brokeSyntax || outcome.refused) return failures; // the safety net fired: nothing was written
  if (outcome.text === text) return failures;
  const before = comments(text);
  const after = comments(outcome.text);
  if (JSON.stringify(before) !== JSON.stringify(after)) failures.push({ property: '--fix keeps every comment', detail: `${JSON.stringify(before).slice(0, 300)} became ${JSON.stringify(after).slice(0, 300)}` });
  for (const { edit, message } of applied) {
    if (!message.includes(edit.newText)) failures.push({ property: '--fix writes the values its messages propose', detail: `wrote ${JSON.stringify(edit.newText)} for "${message}"` });
  }
  const again = fixPlanText(outcome.text, OPTIONS);
  if (again.text !== outcome.text) failures.push({ property: '--fix is idempotent', detail: `a second run changed ${JSON.stringify(outcome.text.slice(0, 200))}` });
  return failures;
}

/** The findings of a batch as each output format reports them: file, line, column, rule and message. */
function reported(results: readonly FileResult[]): Map<string, string> {
  const ctx: FormatContext = { failSeverity: 'error', color: false, cwd: ROOT, version: 'fuzz', rules: RULES };
  const json = JSON.parse(formatJson(results, ctx)) as { file: string; diagnostics: { rule: string; message: string; line: number; column: number }[] }[];
  const fromJson = json.flatMap((r) => r.diagnostics.map((d) => `${r.file}|${d.line}|${d.column}|${d.rule}|${d.message}`));
  type SarifResult = { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] };
  const sarif = JSON.parse(formatSarif(results, ctx)) as { runs: { results: SarifResult[] }[] };
  const fromSarif = sarif.runs[0].results.map((r) => {
    const loc = r.locations[0].physicalLocation;
    return `${decodeURIComponent(loc.artifactLocation.uri)}|${loc.region.startLine}|${loc.region.startColumn}|${r.ruleId}|${r.message.text}`;
  });
  return new Map([
    ['json', fromJson.sort().join('\n')],
    ['sarif', fromSarif.sort().join('\n')],
  ]);
}

/**
 * Every output format gives the same findings for a batch, and a file gives
 * the same findings alone as in the batch (checked again after the others).
 */
export function batchProperties(texts: readonly string[]): Failure[] {
  const failures: Failure[] = [];
  const alone = texts.map((t) => JSON.stringify(checkPlan(t, OPTIONS).findings));
  const results: FileResult[] = texts.map((t, i) => {
    const r = checkPlan(t, OPTIONS);
    return { file: `plans/case-${i}.eqplan.yaml`, findings: r.findings, summary: r.summary };
  });
  results.forEach((r, i) => {
    if (JSON.stringify(r.findings) !== alone[i]) failures.push({ property: 'a file gives the same findings alone or in a batch', detail: `file ${i}` });
  });
  const formats = reported(results);
  const json = formats.get('json');
  for (const [name, value] of formats) {
    if (value !== json) failures.push({ property: 'every output format gives the same findings', detail: `${name} differs from json` });
  }
  return failures;
}

/** Random edits of a text: a few characters typed, deleted or pasted at random places. */
function randomEdits(rng: Rng, text: string, n: number): { start: number; end: number; insert: string }[] {
  const out: { start: number; end: number; insert: string }[] = [];
  let length = text.length;
  for (let i = 0; i < n; i++) {
    const start = rng.int(length + 1);
    const end = Math.min(length, start + (rng.chance(0.5) ? 0 : rng.int(4)));
    const insert = rng.chance(0.3) ? '' : rng.pick([...SNIPPETS, 'a', 'b', ' ', '1', '\n      ']);
    out.push({ start, end, insert });
    length += insert.length - (end - start);
  }
  return out;
}

/**
 * After a random session of incremental edits, the last check (as the
 * language server makes it, from its document store and incremental parse)
 * equals a fresh check of the final text, and no check was served for a
 * version other than the one asked for.
 */
export function sessionProperties(rng: Rng, text: string): Failure[] {
  const failures: Failure[] = [];
  const store = new PlanStore();
  let doc = TextDocument.create('file:///fuzz/plan.eqplan.yaml', 'yaml', 1, text);
  store.check(doc, OPTIONS);
  let previous = reparsePlan(undefined, text);
  for (const e of randomEdits(rng, text, 1 + rng.int(6))) {
    const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
    doc = TextDocument.update(doc, [{ range, text: e.insert }], doc.version + 1);
    previous = reparsePlan(previous, doc.getText());
    // The server checks some versions and skips others (typing faster than the debounce).
    if (rng.chance(0.5)) {
      const r = store.check(doc, OPTIONS);
      if (r.parsed.text !== doc.getText()) failures.push({ property: 'nothing is reported for a superseded version', detail: `version ${doc.version}` });
    }
  }
  const fresh = JSON.stringify(checkPlan(doc.getText(), OPTIONS).findings);
  const last = store.check(doc, OPTIONS);
  if (last.parsed.text !== doc.getText()) failures.push({ property: 'nothing is reported for a superseded version', detail: 'the last check is of another text' });
  if (JSON.stringify(last.findings) !== fresh) failures.push({ property: "after incremental edits the server's diagnostics equal a fresh check", detail: JSON.stringify(doc.getText()).slice(0, 300) });
  if (previous.text !== doc.getText()) failures.push({ property: 'the incremental parse follows the edits', detail: 'text differs' });
  else if (JSON.stringify(checkParsed(previous, OPTIONS).findings) !== fresh) failures.push({ property: 'an incremental parse checks as a full parse', detail: JSON.stringify(doc.getText()).slice(0, 300) });
  return failures;
}

/**
 * The fast reading used to compare versions (`core/quickRead.ts`) either gives
 * up or agrees with `parsePlan`: same value, and the same place for every
 * value in it. A text it reads must be one `parsePlan` reads without a problem.
 */
export function quickReadProperties(text: string): Failure[] {
  const quick = quickRead(text);
  if (!quick) return [];
  const full = parsePlan(text);
  const where = JSON.stringify(text).slice(0, 300);
  if (!full.readable || full.syntax.length > 0) return [{ property: 'the quick reading gives up on a text with syntax problems', detail: `${full.syntax[0]?.message ?? 'unreadable'}: ${where}` }];
  if (!isDeepStrictEqual(quick.value, full.value)) return [{ property: 'the quick reading gives the value parsePlan gives', detail: where }];
  const failures: Failure[] = [];
  const visit = (v: unknown, at: (string | number)[]): void => {
    if (failures.length > 0) return;
    const mine = quick.spanAt(at);
    const theirs = nodeSpan(findNode(full.doc, at)?.node);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) failures.push({ property: 'the quick reading places every value where parsePlan does', detail: `${JSON.stringify(at)}: ${JSON.stringify(mine)} against ${JSON.stringify(theirs)} in ${where}` });
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...at, i]));
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], [...at, k]);
  };
  visit(full.value, []);
  if (failures.length > 0) return failures;
  // The check reads plans this way (`checkPlan`): findings, their places and fixes, and the summary must be a full parse's.
  const quickly = quickParsePlan(text);
  if (!quickly) return [{ property: 'the check reads quickly every text the quick reading reads', detail: where }];
  const shown = (r: CheckResult) => JSON.stringify({ findings: r.findings.map((f) => ({ ...f, fixes: f.fixes })), summary: r.summary });
  if (shown(checkParsed(quickly, OPTIONS)) !== shown(checkParsed(full, OPTIONS))) failures.push({ property: 'a check of the quick reading equals a check of the full parse (findings, places, fixes, summary)', detail: where });
  return failures;
}

/** All properties of one case (the session is seeded from the text, so a corpus case replays the same edits). */
export function caseProperties(text: string, opts: { session?: boolean; fix?: boolean } = {}): Failure[] {
  const { failures, result } = engineProperties(text);
  failures.push(...quickReadProperties(text));
  if (!result) return failures;
  const safely = (name: string, run: () => Failure[]): Failure[] => {
    try {
      return run();
    } catch (e) {
      return [{ property: `${name} never throws`, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }];
    }
  };
  if (opts.fix !== false) failures.push(...safely('--fix', () => fixProperties(text, result)));
  if (opts.session !== false) failures.push(...safely('the incremental session', () => sessionProperties(new Rng(hash(text)), text)));
  return failures;
}

/** A stable number from a text (FNV-1a), to seed a case's own random edits. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The corpus: inputs that once broke a property, replayed by `corpus.test.ts`. */
export function corpusCases(): { name: string; text: string }[] {
  let names: string[] = [];
  try {
    names = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, text: readFileSync(path.join(CORPUS, name), 'utf8') }));
}
