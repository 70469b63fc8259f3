/**
 * The standalone HTML progress report: one file a council can publish or
 * attach to a committee paper. It is drawn by the same script as the live
 * preview (dist/webview/preview.js, inlined), from the same plan summary, so the two
 * always agree. The file makes no network requests: the script and styles
 * are inline and allowed by a per-file nonce, and the CSP forbids anything
 * else.
 */
import { randomBytes } from 'node:crypto';
import type { FindingRow, PreviewState } from '../../../client/src/previewMessages';
import type { PlanSummary } from '../core/summary-types';
import type { Finding } from '../core/types';

export interface ReportOptions {
  /** The contents of dist/webview/preview.js. */
  previewScript: string;
  /** The page title; defaults to "<plan title> – progress report". */
  title?: string;
  /** Shown in the report's header, e.g. `leicester.eqplan.yaml`. */
  fileName?: string;
  /** The date the report is made (YYYY-MM-DD); defaults to today's local date. */
  generated?: string;
  /** The CSP nonce; a fresh random one when not given (tests pass their own). */
  nonce?: string;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Makes a script safe to inline in `<script>`: the HTML parser ends a script
 * element at the first `</script`, and `<!--` can change how it parses.
 * Both only occur inside strings, regexes or comments in a bundle, where
 * `<\/` and `\x3C!--` mean the same characters.
 */
export function inlineScript(source: string): string {
  return source
    .replace(/\/\/# sourceMappingURL=\S*\s*$/, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '\\x3C!--');
}

/** The findings as the report lists them. */
export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line, character: f.range.start.character }));
}

/** The page's Content-Security-Policy: nothing but this file's own nonce'd script and style, and data: images. */
export function reportCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function localIsoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Builds the report page. Plan text reaches the page only as escaped JSON, drawn as text. */
export function buildReportHtml(summary: PlanSummary, findings: Finding[], opts: ReportOptions): string {
  const nonce = opts.nonce ?? randomBytes(18).toString('base64');
  const state: PreviewState = {
    mode: 'report',
    summary,
    findings: findingRows(findings),
    fileName: opts.fileName,
    generated: opts.generated ?? localIsoToday(),
  };
  const title = opts.title ?? `${summary.title || 'Equality plan'} – progress report`;
  const printOnly = `${summary.organisation}: ${summary.title}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp(nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eqplan">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="eqplan-root" data-state="${escapeHtml(JSON.stringify(state))}" aria-label="${escapeHtml(printOnly)}">
<noscript><p>This report draws its charts with JavaScript. Open it in a web browser with JavaScript turned on.</p></noscript>
</main>
<script nonce="${escapeHtml(nonce)}">
${inlineScript(opts.previewScript)}
</script>
</body>
</html>
`;
}
