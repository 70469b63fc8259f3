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

/** The link a diagnostic's rule id opens: the rule's section of the README (`#rule-<id>`). */
export type RuleDocsLink = (ruleId: string) => string;

export function ruleDocsLink(readmeUrl: string): RuleDocsLink {
  return (ruleId) => `${readmeUrl}#rule-${ruleId}`;
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
