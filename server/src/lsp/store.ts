/**
 * The document store: parses each document version once and keeps one check
 * per (document, version, options), shared by every feature. Only plans are
 * served: `*.eqplan.yaml|yml`, and YAML whose top level has `eqplan: 1`.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, checkParsed, isPlanDocument as isPlanText, optionsKey, parsePlan, type CheckInput, type CheckResult, type ParsedPlan, type PlanModel } from '../core';
import { trySplice } from '../core/reparse';
import { LineIndex, textShift } from '../core/text';
import { planSnapshot, type PlanContext } from '../features/context';

/** What the store spent time on, for the server's trace (`$/logTrace`) and the benchmark. */
export interface StoreWork {
  kind: 'parse' | 'splice' | 'check';
  uri: string;
  version: number;
  ms: number;
}

/** Is this document a plan the server should serve? The one answer of `core/planFiles.ts`, as the extension and `eqplan check` give it. */
export function isPlanDocument(uri: string, languageId: string, text: string): boolean {
  return isPlanText(uri, languageId, text);
}

interface Entry {
  version: number;
  isPlan: boolean;
  parsed?: ParsedPlan;
  /**
   * The parse of the newest earlier version that read as a plan: the base
   * for parsing this version incrementally (`trySplice`), and the model
   * completion offers while this version does not read. A splice consumes
   * it (its tree is reused), after which this version's parse takes over.
   */
  base?: ParsedPlan;
  check?: { key: string; result: CheckResult };
  /** The last check of an earlier version, until this version is checked: the check reuses what it can of it. */
  previousCheck?: CheckResult;
  /** An incremental parse of this version from `base` was tried and is not possible (not tried again). */
  spliceFailed?: boolean;
}

/** Can later versions be spliced into this parse? */
function spliceable(parsed: ParsedPlan | undefined): parsed is ParsedPlan {
  return !!parsed && parsed.readable && parsed.syntax.length === 0 && !!parsed.doc;
}

export class PlanStore {
  private readonly entries = new Map<string, Entry>();
  /** The plan model of each parse, built once. */
  private readonly models = new WeakMap<ParsedPlan, PlanModel | undefined>();
  /** Checks run (not served from cache): for tests and the benchmark. */
  checksRun = 0;
  /** Whole texts parsed, and parses made by splicing an edit into the last one. */
  parsesRun = 0;
  splicesRun = 0;

  /** `onWork` hears of every whole parse, splice and check, with its time. */
  constructor(private readonly onWork?: (work: StoreWork) => void) {}

  private timed<T>(kind: StoreWork['kind'], doc: TextDocument, run: () => T): T {
    if (!this.onWork) return run();
    const started = performance.now();
    const value = run();
    this.onWork({ kind, uri: doc.uri, version: doc.version, ms: performance.now() - started });
    return value;
  }

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e || e.version !== doc.version) {
      e = { version: doc.version, isPlan: isPlanDocument(doc.uri, doc.languageId, doc.getText()), base: spliceable(e?.parsed) ? e.parsed : e?.base, previousCheck: e?.check?.result ?? e?.previousCheck };
      this.entries.set(doc.uri, e);
    }
    return e;
  }

  isPlan(doc: TextDocument): boolean {
    return this.entry(doc).isPlan;
  }

  /** The parse of the document's current version (parsed once: by splicing the edit into the last parse when it can, else in full). */
  parsed(doc: TextDocument): ParsedPlan {
    const e = this.entry(doc);
    return this.spliced(doc, e) ?? (e.parsed = this.countFull(this.timed('parse', doc, () => parsePlan(doc.getText()))));
  }

  /** The current version's parse if it exists or an incremental parse makes it; never a full parse. */
  private spliced(doc: TextDocument, e: Entry): ParsedPlan | undefined {
    if (!e.parsed && e.base && !e.spliceFailed) {
      const base = e.base;
      const spliced = this.timed('splice', doc, () => trySplice(base, doc.getText()));
      if (spliced) {
        e.parsed = spliced;
        e.base = undefined;
        this.splicesRun++;
      } else {
        e.spliceFailed = true;
      }
    }
    return e.parsed;
  }

  private countFull(parsed: ParsedPlan): ParsedPlan {
    this.parsesRun++;
    return parsed;
  }

  /** The plan model of a parse (built once per parse). */
  modelOf(parsed: ParsedPlan): PlanModel | undefined {
    if (!this.models.has(parsed)) this.models.set(parsed, parsed.readable ? buildModel(parsed) : undefined);
    return this.models.get(parsed);
  }

  /**
   * The model to offer while someone types: the current version's when it
   * reads as a plan (parsed incrementally when it can be), else the last
   * readable version's, so a half-typed line costs no whole-text parse.
   */
  typingModel(doc: TextDocument): { model: PlanModel; parsed: ParsedPlan } | undefined {
    const e = this.entry(doc);
    const current = this.spliced(doc, e);
    for (const parsed of [current, e.base]) {
      const model = parsed ? this.modelOf(parsed) : undefined;
      if (parsed && model) return { model, parsed };
    }
    // No version has read yet (the document was opened broken): the current parse it is.
    const parsed = this.parsed(doc);
    const model = this.modelOf(parsed);
    return model ? { model, parsed } : undefined;
  }

  /** The check of the current version with these options (run once, on first use). */
  check(doc: TextDocument, options: CheckInput): CheckResult {
    const e = this.entry(doc);
    const key = optionsKey(options);
    if (e.check?.key !== key) {
      const parsed = this.parsed(doc);
      this.checksRun++;
      const previous = e.previousCheck;
      e.previousCheck = undefined;
      const result = this.timed('check', doc, () => checkParsed(parsed, options, previous));
      e.check = { key, result };
      // The check's model is the parse's model (built from the earlier check's where it could be).
      if (result.model && !this.models.has(parsed)) this.models.set(parsed, result.model);
    }
    return e.check.result;
  }

  /** Has the current version already been checked with these options? */
  hasCheck(doc: TextDocument, options: CheckInput): boolean {
    return this.entries.get(doc.uri)?.version === doc.version && this.entries.get(doc.uri)?.check?.key === optionsKey(options);
  }

  /** The snapshot features read of the current version; undefined when the document is not a plan. The check runs when a feature first reads it. */
  snapshot(doc: TextDocument, options: CheckInput): PlanContext | undefined {
    if (!this.isPlan(doc)) return undefined;
    const parsed = this.parsed(doc);
    return planSnapshot({ uri: doc.uri, version: doc.version, text: doc.getText(), options, parsed, model: this.modelOf(parsed), check: () => this.check(doc, options) });
  }

  /**
   * The snapshot completion reads while someone types: its parse and model
   * are `typingModel`'s (this version's when it reads, else the last
   * readable version's), so a half-typed line costs no whole-text parse.
   * Its model is undefined when no version has read as a plan.
   */
  typingSnapshot(doc: TextDocument, options: CheckInput): PlanContext | undefined {
    if (!this.isPlan(doc)) return undefined;
    const typing = this.typingModel(doc);
    const parsed = typing?.parsed ?? this.parsed(doc);
    return planSnapshot({ uri: doc.uri, version: doc.version, text: doc.getText(), options, parsed, model: typing?.model, check: () => this.check(doc, options) });
  }

  /**
   * Answers a request at a position without parsing the whole text: on this
   * version when it is parsed or an incremental parse makes it; else (a line
   * half typed, a new list item) on the last version that read as a plan,
   * with the position and the answer's range mapped across the one region
   * the two texts differ in. A position inside that region gets null: it is
   * the text being typed. Hovers use this, so hovering while typing in a
   * 10,000-line plan never waits for a whole parse.
   */
  answerQuickly<R extends { range?: Range }>(doc: TextDocument, options: CheckInput, position: Position, answer: (ctx: PlanContext, position: Position) => R | null): R | null {
    const e = this.entry(doc);
    const base = e.base;
    if (this.spliced(doc, e) || !base || !this.modelOf(base)) {
      const ctx = this.snapshot(doc, options);
      return ctx ? answer(ctx, position) : null;
    }
    const text = doc.getText();
    const shift = textShift(base.text, text);
    // Positions as the engine counts them (a byte order mark takes no column), as in `ParsedPlan.lines`.
    const lines = new LineIndex(text);
    const offset = shift.toOld(lines.offsetAt(position));
    if (offset === undefined) return null;
    // A snapshot of the base text (with this version's number: hovers do not read it), answered in the base's positions.
    const ctx = planSnapshot({ uri: doc.uri, version: doc.version, text: base.text, options, parsed: base, model: this.modelOf(base) });
    const result = answer(ctx, base.lines.positionAt(offset));
    if (!result?.range) return result;
    const oldStart = base.lines.offsetAt(result.range.start);
    const oldEnd = base.lines.offsetAt(result.range.end);
    // An answer about a value that is being edited (`lead: h|equalities-team`) would describe its old text.
    if (shift.touchesChange(oldStart, oldEnd)) return null;
    const start = shift.toNew(oldStart);
    const end = shift.toNew(oldEnd);
    return { ...result, range: start === undefined || end === undefined ? undefined : lines.range(start, end) };
  }

  /** Drops everything kept for a document (its parses, checks and what the next check would reuse): on close and reopen. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /**
   * What the store keeps for a document: 0 when nothing, else how many
   * parses of it (the current version's, and the base of the next splice)
   * and checks (the current one, and the one the next check reuses) it holds.
   * For tests: typing must not make it grow.
   */
  held(uri: string): number {
    const e = this.entries.get(uri);
    if (!e) return 0;
    const parses = new Set([e.parsed, e.base, e.check?.result.parsed, e.previousCheck?.parsed].filter((p) => p !== undefined));
    return 1 + parses.size + (e.check ? 1 : 0) + (e.previousCheck ? 1 : 0);
  }
}
