/**
 * Machine-readable output: one entry per file, positions 1-based.
 * `[{"file","diagnostics":[{"rule","severity","message","line","column","endLine","endColumn","path"}]}]`
 */
import { oneBased } from './shared';
import type { Formatter } from './types';

export const formatJson: Formatter = (results) => {
  const out = results.map((r) => ({
    file: r.file,
    diagnostics: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, ...oneBased(f), path: f.path })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
};
