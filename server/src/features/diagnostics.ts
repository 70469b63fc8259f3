/**
 * Diagnostics: the engine's findings as LSP diagnostics, and the debouncer
 * that keeps typing from running one check per keystroke.
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

/**
 * Runs a task per key once input has paused for `delay` ms: each new call
 * for a key restarts its timer, so 100 keystrokes make one check.
 */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly waiters = new Map<string, (() => void)[]>();

  constructor(private delay: number) {}

  setDelay(ms: number): void {
    this.delay = Math.max(0, Math.min(ms, 10_000));
  }

  schedule(key: string, task: () => void): void {
    const old = this.timers.get(key);
    if (old !== undefined) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        task();
      } finally {
        this.settle(key);
      }
    }, this.delay);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
    this.settle(key);
  }

  /**
   * Resolves once no task is waiting for `key` (at once when none is). Requests that read the
   * whole check (code lens, the preview's summary) wait for the pause in typing instead of
   * checking every intermediate version themselves.
   */
  whenSettled(key: string): Promise<void> {
    if (!this.timers.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }

  private settle(key: string): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    list?.forEach((resolve) => resolve());
  }

  isPending(key: string): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const key of [...this.waiters.keys()]) this.settle(key);
    this.timers.clear();
  }
}
