/**
 * The page's stylesheet. main.ts adds it as a `<style>` carrying the page's
 * CSP nonce, so the preview and the report share one look. Colours come from
 * VS Code's theme variables, with fallbacks for the standalone report.
 */
export const PREVIEW_CSS = String.raw`
:root {
  --eq-fg: var(--vscode-editor-foreground, #1b1b1b);
  --eq-bg: var(--vscode-editor-background, #ffffff);
  --eq-muted: var(--vscode-descriptionForeground, #555555);
  --eq-border: var(--vscode-panel-border, var(--vscode-editorWidget-border, #c8c8c8));
  --eq-link: var(--vscode-textLink-foreground, #0b5cad);
  --eq-focus: var(--vscode-focusBorder, #0b5cad);
  --eq-card: var(--vscode-editorWidget-background, #f6f6f6);
  --eq-hover: var(--vscode-list-hoverBackground, #e8eef6);
  --eq-bad: var(--vscode-editorError-foreground, #b00020);
  --eq-warn: var(--vscode-editorWarning-foreground, #8a5a00);
  --eq-good: var(--vscode-testing-iconPassed, #107c10);
  --eq-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Arial, sans-serif);
  --eq-font-size: var(--vscode-font-size, 14px);
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: var(--eq-bg); color: var(--eq-fg); }
body { font-family: var(--eq-font); font-size: var(--eq-font-size); line-height: 1.45; }
#eqplan-root { max-width: 1100px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 1.5em; margin: 0 0 4px; font-weight: 600; }
h2 { font-size: 1.2em; margin: 0 0 8px; font-weight: 600; }
h3 { font-size: 1.02em; margin: 0 0 6px; font-weight: 600; }
p { margin: 0 0 8px; }
.eq-sub { color: var(--eq-muted); margin: 0 0 2px; }
.eq-notice { padding: 12px 14px; border: 1px solid var(--eq-border); border-radius: 4px; background: var(--eq-card); }
.eq-figures { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 14px 0 18px; }
.eq-figure { border: 1px solid var(--eq-border); border-radius: 4px; padding: 6px 12px; min-width: 92px; background: var(--eq-card); }
.eq-figure b { display: block; font-size: 1.5em; line-height: 1.2; }
.eq-figure.bad { border-left: 5px solid var(--eq-bad); }
.eq-figure.warn { border-left: 5px solid var(--eq-warn); }
.eq-figure.good { border-left: 5px solid var(--eq-good); }
.eq-grid { display: grid; grid-template-columns: 1fr; gap: 18px; }
@media (min-width: 900px) { .eq-grid.two { grid-template-columns: 1fr 1fr; } }
section.eq-section { border: 1px solid var(--eq-border); border-radius: 6px; padding: 12px 14px; margin: 0 0 18px; }
.eq-grid { margin: 0 0 18px; }
.eq-grid > section.eq-section { margin: 0; }
.eq-chart { position: relative; width: 100%; }
.eq-chart canvas { display: block; max-width: 100%; }
.eq-chart canvas:focus-visible { outline: 2px solid var(--eq-focus); outline-offset: 2px; }
.eq-caption { color: var(--eq-muted); font-size: 0.92em; margin: 6px 0 0; }
.eq-status { font-weight: 600; }
.eq-status.missed, .eq-status.off-track { color: var(--eq-bad); }
.eq-status.no-data { color: var(--eq-warn); }
.eq-status.on-track { color: var(--eq-good); }
details { margin-top: 8px; }
summary { cursor: pointer; color: var(--eq-link); }
summary:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid var(--eq-focus); outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; margin-top: 6px; font-size: 0.93em; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--eq-border); padding: 4px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
ul.eq-actions { list-style: none; padding: 0; margin: 0; }
ul.eq-actions li { border-top: 1px solid var(--eq-border); }
ul.eq-actions li:first-child { border-top: none; }
.eq-action { display: block; width: 100%; text-align: left; padding: 6px 6px; margin: 0; background: none; color: inherit;
  border: 1px solid transparent; border-radius: 3px; font: inherit; cursor: pointer; }
.eq-action:hover { background: var(--eq-hover); }
.eq-action.highlight { border-color: var(--eq-focus); }
.report .eq-action { cursor: default; }
.report .eq-action:hover { background: none; }
.eq-action .id { font-weight: 600; }
.eq-action .meta { display: block; color: var(--eq-muted); font-size: 0.92em; }
ul.eq-changes { list-style: none; padding: 0; margin: 0 0 12px; }
ul.eq-changes li { border-top: 1px solid var(--eq-border); }
ul.eq-changes li:first-child { border-top: none; }
.eq-change { display: block; width: 100%; text-align: left; padding: 6px 6px; margin: 0; background: none; color: inherit; font: inherit; border: 1px solid transparent; cursor: pointer; }
.eq-change:hover { background: var(--eq-hover); }
div.eq-change { cursor: default; }
.eq-change-sev { font-weight: 600; color: var(--eq-muted); }
.eq-change-sev.sev-error { color: var(--eq-bad); }
.eq-change-sev.sev-warning { color: var(--eq-warn); }
.eq-action .text { display: block; }
.eq-rag { display: inline-block; font-size: 0.8em; font-weight: 600; padding: 0 6px; border-radius: 8px; border: 1px solid currentColor; margin-left: 6px; }
.eq-rag.rag-red { color: var(--eq-bad); }
.eq-rag.rag-amber { color: var(--eq-warn); }
.eq-rag.rag-green { color: var(--eq-good); }
.vscode-high-contrast .eq-rag { color: inherit; }
.eq-empty { color: var(--eq-muted); font-style: italic; }
.eq-cell-button { background: none; border: none; padding: 0; color: var(--eq-link); font: inherit; text-decoration: underline; cursor: pointer; text-align: left; }
.report .eq-cell-button { color: inherit; text-decoration: none; cursor: default; }
.eq-more { margin: 0.4em 0 0; }
.eq-show-all { background: none; border: none; padding: 0; color: var(--eq-link); font: inherit; text-decoration: underline; cursor: pointer; }
.eq-findings td.sev-error { color: var(--eq-bad); font-weight: 600; }
.eq-findings td.sev-warning { color: var(--eq-warn); font-weight: 600; }
footer { color: var(--eq-muted); font-size: 0.88em; margin-top: 24px; }
code { font-family: var(--vscode-editor-font-family, Consolas, "Liberation Mono", monospace); font-size: 0.95em; padding: 0 2px; border-radius: 3px; background: var(--eq-card); }
.eq-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
tbody th { font-weight: normal; }
.vscode-high-contrast section.eq-section, .vscode-high-contrast .eq-figure { border-width: 2px; }
@media print {
  :root { --eq-fg: #000; --eq-bg: #fff; --eq-muted: #333; --eq-border: #999; --eq-card: #fff; --eq-link: #000; }
  #eqplan-root { max-width: none; padding: 0; }
  section.eq-section { border: none; padding: 0; margin-bottom: 14px; }
  /* Blocks, not a grid, on paper: Chromium moves a whole grid row to the next page. */
  .eq-grid, .eq-grid.two { display: block; margin-bottom: 14px; }
  .eq-grid > * { margin-bottom: 14px; }
  details > summary { display: none; }
  /* Charts keep their shape on paper: scaled to the page width, never squeezed. */
  .eq-chart canvas { width: 100% !important; height: auto !important; }
  .eq-chart, .eq-target, .eq-figures, tr, ul.eq-actions li { break-inside: avoid; }
  .eq-target h3, .eq-target > p { break-after: avoid; }
  thead { display: table-header-group; }
  .eq-action { border: none; padding: 3px 0; }
  h2, h3, caption { break-after: avoid; }
  @page { margin: 16mm 14mm; }
}
`;
