/**
 * The one page template of the preview wing. The live preview (the webview
 * panel in client/src), Export Report (the extension, from the server's
 * `eqplan/report` answer) and `eqplan report` (the CLI) all build their HTML
 * here, so the three cannot drift apart: the page is an empty
 * `#eqplan-root` carrying the state as escaped JSON, plus the preview bundle
 * (dist/webview/preview.js) that draws it.
 *
 * Pure: no Node, no `vscode`, no clock. Callers pass the nonce (from
 * `makeNonce`), the date a report is made and where the script comes from.
 * Plan text reaches the page only as escaped JSON, which the script draws
 * as text.
 */
import type { Finding } from '../../server/src/core/types';
import type { FindingRow, PlanSummary, PreviewState } from './messages';

/** Where the page's script comes from. */
export type PageScript =
  /** Inside a VS Code webview: the bundle's webview URI, and the webview's `cspSource` (allowed for images and fonts). */
  | { kind: 'webview'; src: string; cspSource: string }
  /** A standalone file: the bundle's text, inlined, so the file makes no request at all. */
  | { kind: 'inline'; source: string };

export interface PageOptions {
  /** The nonce that the CSP allows the page's one script and its stylesheet by; fresh for each page (`makeNonce`). */
  nonce: string;
  /** The page (and tab) title. */
  title: string;
  script: PageScript;
}

/** What a report shows: the same summary and findings as the editor's diagnostics or `eqplan check`. */
export interface ReportInput {
  summary: PlanSummary;
  findings: FindingRow[];
  /** Shown in the report's header, e.g. `leicester.eqplan.yaml`. */
  fileName?: string;
  /** The date the report is made (YYYY-MM-DD), shown in its footer. */
  generated: string;
  /** The page title; defaults to "<plan title> – progress report". */
  title?: string;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
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

/**
 * A fresh CSP nonce: 18 random bytes, base64. Web Crypto, which both Node
 * (20 and later) and browsers provide as the global `crypto`.
 */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** Findings as the report lists them: flat and JSON-safe, 0-based like the summary. */
export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line, character: f.range.start.character }));
}

/**
 * The page's Content-Security-Policy: nothing but the page's own nonce'd
 * script and style, and data: images (chart.js exports); a webview also
 * allows its own resource origin for images and fonts.
 */
export function pageCsp(nonce: string, cspSource?: string): string {
  const own = cspSource ? `${cspSource} ` : '';
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `img-src ${own}data:`,
    cspSource ? `font-src ${cspSource}` : undefined,
    "base-uri 'none'",
    "form-action 'none'",
  ]
    .filter((d) => d !== undefined)
    .join('; ');
}

function scriptElement(nonce: string, script: PageScript): string {
  if (script.kind === 'webview') return `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(script.src)}"></script>`;
  return `<script nonce="${escapeHtml(nonce)}">\n${inlineScript(script.source)}\n</script>`;
}

/** The page for a state: the live preview (`mode: 'webview'`) or a report (`mode: 'report'`). */
export function pageHtml(state: PreviewState, opts: PageOptions): string {
  const csp = pageCsp(opts.nonce, opts.script.kind === 'webview' ? opts.script.cspSource : undefined);
  // A report is read outside the editor (screen readers, print): name its main region after the plan.
  // The live preview's plan changes as the user types, so it gets no fixed name.
  const s = state.summary;
  const label = state.mode === 'report' && s ? ` aria-label="${escapeHtml(`${s.organisation}: ${s.title}`)}"` : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eqplan">
<title>${escapeHtml(opts.title)}</title>
</head>
<body>
<main id="eqplan-root" data-state="${escapeHtml(JSON.stringify(state))}"${label}>
<noscript><p>This page draws its charts with JavaScript. Open it in a web browser with JavaScript turned on.</p></noscript>
</main>
${scriptElement(opts.nonce, opts.script)}
</body>
</html>
`;
}

/** The state a report is drawn from. */
export function reportState(report: ReportInput): PreviewState {
  return { mode: 'report', summary: report.summary, findings: report.findings, fileName: report.fileName, generated: report.generated };
}

/**
 * The standalone HTML progress report: one file a council can publish or
 * attach to a committee paper, drawn by the same script as the live preview
 * (inlined, so the file makes no network requests).
 */
export function reportHtml(report: ReportInput, opts: { nonce: string; script: string }): string {
  const title = report.title ?? `${report.summary.title || 'Equality plan'} – progress report`;
  return pageHtml(reportState(report), { nonce: opts.nonce, title, script: { kind: 'inline', source: opts.script } });
}
