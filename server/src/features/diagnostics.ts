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

export function toDiagnostic(finding: Finding, docs: RuleDocsLink): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docs(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

export function diagnostics(ctx: PlanContext, docs: RuleDocsLink): Diagnostic[] {
  return ctx.result.findings.map((f) => toDiagnostic(f, docs));
}
