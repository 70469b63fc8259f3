/**
 * Diagnostics: the engine's findings as LSP diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core';
import type { PlanContext } from './context';

export const DIAGNOSTIC_SOURCE = 'eqplan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The link a diagnostic's rule id opens: the rule's page, `docs/rules/<id>.md`. */
export type RuleDocsLink = (ruleId: string) => string;

/**
 * Links to the rule pages beside the given README: `file:///…/eqplan/README.md`
 * gives `file:///…/eqplan/docs/rules/<id>.md` (the pages ship with the
 * extension, so the link works offline), and a README on the web gives the
 * pages next to it.
 */
export function ruleDocsLink(readmeUrl: string): RuleDocsLink {
  let folder: string;
  try {
    folder = new URL('docs/rules/', readmeUrl).href;
  } catch {
    // A URL with no path to resolve against (`urn:…`): keep it readable rather than fail.
    folder = `${readmeUrl.replace(/[^/]*$/, '')}docs/rules/`;
  }
  return (ruleId) => `${folder}${encodeURIComponent(ruleId)}.md`;
}

/**
 * The diagnostic last made for a finding's range. The check hands back the
 * same finding, or the same range object, for an item an edit did not touch,
 * so after a keystroke in a 5,000-action plan only the touched items'
 * diagnostics are made again. Weak: it goes with the findings.
 */
const made = new WeakMap<Finding['range'], { diagnostic: Diagnostic; finding: Finding; docs: RuleDocsLink }>();

export function toDiagnostic(finding: Finding, docs: RuleDocsLink): Diagnostic {
  const cached = made.get(finding.range);
  if (cached && cached.docs === docs && (cached.finding === finding || sameLook(cached.finding, finding))) {
    cached.finding = finding;
    return cached.diagnostic;
  }
  const diagnostic = makeDiagnostic(finding, docs);
  made.set(finding.range, { diagnostic, finding, docs });
  return diagnostic;
}

/** Do two findings read the same as diagnostics (their ranges are the one object)? */
function sameLook(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.severity === b.severity && a.message === b.message;
}

/**
 * A finding's diagnostic, frozen all the way down (its range is the
 * finding's, which nothing changes once made): the stdio writer then writes
 * each diagnostic's JSON once and keeps it (`lsp/encoder.ts`).
 */
function makeDiagnostic(finding: Finding, docs: RuleDocsLink): Diagnostic {
  const range = finding.range;
  Object.freeze(range.start);
  Object.freeze(range.end);
  return Object.freeze({
    range: Object.freeze(range),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: Object.freeze({ href: docs(finding.rule) }),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  });
}

export function diagnostics(ctx: PlanContext, docs: RuleDocsLink): Diagnostic[] {
  return ctx.result.findings.map((f) => toDiagnostic(f, docs));
}
