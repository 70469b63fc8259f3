/**
 * The document store: parses each document version once and keeps one check
 * per (document, version, options), shared by every feature. Only plans are
 * served: `*.eqplan.yaml|yml`, and YAML whose top level has `eqplan: 1`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, checkParsed, looksLikePlan, parsePlan, type CheckOptions, type CheckResult, type ParsedPlan, type PlanModel } from '../core';
import { trySplice } from '../core/reparse';
import { createPlanContext, type PlanContext } from '../features/context';

const PLAN_NAME = /\.eqplan\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;

/** Is this document a plan the server should serve? */
export function isPlanDocument(uri: string, languageId: string, text: string): boolean {
  const name = uri.replace(/[?#].*$/, '');
  if (PLAN_NAME.test(name)) return true;
  if (languageId !== 'yaml' && !YAML_NAME.test(name)) return false;
  return looksLikePlan(text);
}

/** A stable key for a set of options (they are plain JSON). */
export function optionsKey(options: CheckOptions): string {
  const sorted = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]))
      : v;
  return JSON.stringify(sorted(options));
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

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e || e.version !== doc.version) {
      e = { version: doc.version, isPlan: isPlanDocument(doc.uri, doc.languageId, doc.getText()), base: spliceable(e?.parsed) ? e.parsed : e?.base };
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
    return this.spliced(doc, e) ?? (e.parsed = this.countFull(parsePlan(doc.getText())));
  }

  /** The current version's parse if it exists or an incremental parse makes it; never a full parse. */
  private spliced(doc: TextDocument, e: Entry): ParsedPlan | undefined {
    if (!e.parsed && e.base) {
      const spliced = trySplice(e.base, doc.getText());
      if (spliced) {
        e.parsed = spliced;
        e.base = undefined;
        this.splicesRun++;
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
  check(doc: TextDocument, options: CheckOptions): CheckResult {
    const e = this.entry(doc);
    const key = optionsKey(options);
    if (e.check?.key !== key) {
      const parsed = this.parsed(doc);
      this.checksRun++;
      e.check = { key, result: checkParsed(parsed, options) };
    }
    return e.check.result;
  }

  /** Has the current version already been checked with these options? */
  hasCheck(doc: TextDocument, options: CheckOptions): boolean {
    return this.entries.get(doc.uri)?.version === doc.version && this.entries.get(doc.uri)?.check?.key === optionsKey(options);
  }

  /** A feature context of the current version; undefined when the document is not a plan. Nothing is parsed until a feature asks. */
  context(doc: TextDocument, options: CheckOptions): PlanContext | undefined {
    if (!this.isPlan(doc)) return undefined;
    return createPlanContext(doc.uri, doc.version, doc.getText(), options, {
      parsed: () => this.parsed(doc),
      check: () => this.check(doc, options),
      model: (parsed) => this.modelOf(parsed),
      typing: () => this.typingModel(doc),
    });
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
