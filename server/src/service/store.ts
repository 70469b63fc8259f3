/**
 * The document store: parses each document version once and keeps one check
 * per (document, version, options), shared by every feature. Only plans are
 * served: `*.eqplan.yaml|yml`, and YAML whose top level has `eqplan: 1`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkParsed, looksLikePlan, type CheckOptions, type CheckResult, type ParsedPlan } from '../core';
import { reparsePlan } from '../core/reparse';
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
   * The previous version's parse, kept until this version is parsed: an edit
   * inside one action is then parsed incrementally (`reparsePlan`), which
   * consumes it.
   */
  previous?: ParsedPlan;
  check?: { key: string; result: CheckResult };
}

export class PlanStore {
  private readonly entries = new Map<string, Entry>();
  /** Checks run (not served from cache): for tests and the benchmark. */
  checksRun = 0;
  parsesRun = 0;

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e || e.version !== doc.version) {
      e = { version: doc.version, isPlan: isPlanDocument(doc.uri, doc.languageId, doc.getText()), previous: e?.parsed ?? e?.previous };
      this.entries.set(doc.uri, e);
    }
    return e;
  }

  isPlan(doc: TextDocument): boolean {
    return this.entry(doc).isPlan;
  }

  /** The parse of the document's current version (parsed once). */
  parsed(doc: TextDocument): ParsedPlan {
    const e = this.entry(doc);
    if (!e.parsed) {
      e.parsed = reparsePlan(e.previous, doc.getText());
      e.previous = undefined;
      this.parsesRun++;
    }
    return e.parsed;
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

  /** A feature context of the current version; undefined when the document is not a plan. */
  context(doc: TextDocument, options: CheckOptions): PlanContext | undefined {
    if (!this.isPlan(doc)) return undefined;
    const version = doc.version;
    return createPlanContext(doc.uri, version, this.parsed(doc), options, () => this.check(doc, options));
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
