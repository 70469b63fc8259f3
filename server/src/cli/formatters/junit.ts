/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure):
 * a testsuite per plan, a testcase per finding; findings at or above
 * `--fail-severity` are failures, the others pass with the finding in
 * `system-out`. A plan without findings has one passing testcase.
 */
import type { FileResult } from '../results';
import { atLeast, oneBased } from './shared';
import type { Formatter } from './types';

export const formatJunit: Formatter = (results, ctx) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const totalTests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const totalFailures = results.reduce((n, r) => n + failures(r, ctx.failSeverity), 0);
  out.push(`<testsuites name="eqplan" tests="${totalTests}" failures="${totalFailures}" errors="0">`);
  for (const r of results) {
    const tests = Math.max(1, r.findings.length);
    out.push(`  <testsuite name="${xml(r.file)}" tests="${tests}" failures="${failures(r, ctx.failSeverity)}" errors="0" skipped="0">`);
    if (r.findings.length === 0) {
      out.push(`    <testcase classname="${xml(r.file)}" name="no problems found"/>`);
    }
    for (const f of r.findings) {
      const p = oneBased(f);
      const name = `${f.rule} at line ${p.line}, column ${p.column}`;
      out.push(`    <testcase classname="${xml(r.file)}" name="${xml(name)}" file="${xml(r.file)}" line="${p.line}">`);
      const body = `${f.severity}: ${f.message}\n${r.file}:${p.line}:${p.column} (${f.rule})`;
      if (atLeast(f.severity, ctx.failSeverity)) {
        out.push(`      <failure message="${xml(f.message)}" type="${xml(f.rule)}">${xml(body)}</failure>`);
      } else {
        out.push(`      <system-out>${xml(body)}</system-out>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};

function failures(r: FileResult, failSeverity: Parameters<typeof atLeast>[1]): number {
  return r.findings.filter((f) => atLeast(f.severity, failSeverity)).length;
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
