import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { PreviewState } from '../../client/preview/messages';
import { escapeHtml, findingRows, inlineScript, makeNonce, pageCsp, pageHtml, reportHtml } from '../../client/preview/page';
import { checkSample, hostileResult, previewBundle, reportOf, REPO, stateOf } from './fixtures';

describe('report HTML builder', () => {
  it('escapes the five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps an inlined script from closing its own <script> element', () => {
    const src = 'const a = "</script><script>alert(1)</SCRIPT>"; const b = "<!-- x";\n//# sourceMappingURL=preview.js.map\n';
    const out = inlineScript(src);
    assert.ok(!/<\/script/i.test(out));
    assert.ok(!out.includes('<!--'));
    assert.ok(!out.includes('sourceMappingURL'));
    // The same string values once run.
    assert.equal(new Function(`${out}; return a + b;`)(), '</script><script>alert(1)</SCRIPT><!-- x');
  });

  it('sets a strict CSP with the nonce of its one script', () => {
    const html = reportOf(checkSample('leicester-2019-20.eqplan.yaml'), { script: previewBundle(), nonce: 'TESTNONCE123' });
    assert.equal(pageCsp('N'), "default-src 'none'; script-src 'nonce-N'; style-src 'nonce-N'; img-src data:; base-uri 'none'; form-action 'none'");
    assert.ok(html.includes(`content="${escapeHtml(pageCsp('TESTNONCE123'))}"`));
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    assert.deepEqual(scripts, ['<script nonce="TESTNONCE123">']);
    assert.ok(!/<link\b|<img\b|<iframe\b|\bsrc=|https?:\/\//i.test(html.replace(/<script nonce[\s\S]*<\/script>/, '')), 'nothing is loaded from elsewhere');
    assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
  });

  it('makes a fresh random nonce for each page', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9+/]{24}$/, '18 random bytes in base64');
  });

  it('carries the summary and findings as escaped JSON, and plan text never as markup', () => {
    const result = hostileResult();
    const html = reportOf(result, { generated: '2024-07-01', fileName: 'evil.eqplan.yaml' });
    const outsideScript = html.replace(/<script nonce[\s\S]*<\/script>/, '');
    assert.ok(!outsideScript.includes('<img'), 'no <img> tag in the page');
    assert.ok(!outsideScript.includes('<svg'), 'no <svg> tag in the page');
    assert.ok(!/<script>alert/.test(html));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title is in the page, escaped');
    const state = stateOf(html) as PreviewState;
    assert.equal(state.mode, 'report');
    assert.deepEqual(state.summary, JSON.parse(JSON.stringify(result.summary)));
    assert.deepEqual(state.findings, findingRows(result.findings));
    assert.equal(state.generated, '2024-07-01');
    assert.equal(state.fileName, 'evil.eqplan.yaml');
  });

  it('titles the page after the plan unless told otherwise', () => {
    const result = hostileResult();
    assert.match(reportOf(result), /<title>&lt;img src=x onerror=alert\(1\)&gt; – progress report<\/title>/);
    assert.match(reportOf(result, { title: 'Committee <paper>' }), /<title>Committee &lt;paper&gt;<\/title>/);
  });
});

describe('one page template for the live preview and the report', () => {
  const result = checkSample('luton-workforce-2024.eqplan.yaml');
  const panelState: PreviewState = { mode: 'webview', documentUri: 'file:///plans/luton.eqplan.yaml', fileName: 'luton.eqplan.yaml', summary: result.summary };
  const panel = pageHtml(panelState, {
    nonce: 'PANELNONCE',
    title: 'Preview luton.eqplan.yaml',
    script: { kind: 'webview', src: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' },
  });
  const report = reportHtml({ summary: result.summary, findings: findingRows(result.findings), fileName: 'luton.eqplan.yaml', generated: '2024-07-01' }, { nonce: 'REPORTNONCE', script: 'void 0' });

  /** The page with what differs by design (state, title, CSP sources, the script and the report's region name) taken out. */
  const skeleton = (html: string) =>
    html
      .replace(/data-state="[^"]*"/, 'data-state=""')
      .replace(/<title>[^<]*<\/title>/, '<title></title>')
      .replace(/content="default-src[^"]*"/, 'content=""')
      .replace(/ aria-label="[^"]*"/, '')
      .replace(/<script[\s\S]*<\/script>/, '<script></script>');

  it('gives both the same page around the same summary', () => {
    assert.equal(skeleton(panel), skeleton(report));
    const panelDrawn = stateOf(panel) as PreviewState;
    const reportDrawn = stateOf(report) as PreviewState;
    assert.deepEqual(panelDrawn.summary, reportDrawn.summary);
    assert.equal(panelDrawn.mode, 'webview');
    assert.equal(reportDrawn.mode, 'report');
    assert.equal(panelDrawn.findings, undefined, 'the live preview leaves findings to the Problems panel');
    assert.deepEqual(reportDrawn.findings, findingRows(result.findings));
  });

  it('lets the webview load its bundle and theme resources from its own origin only', () => {
    const origin = 'https://file+.vscode-resource.vscode-cdn.net';
    assert.ok(panel.includes(`content="${escapeHtml(pageCsp('PANELNONCE', origin))}"`));
    assert.equal(pageCsp('N', origin), `default-src 'none'; script-src 'nonce-N'; style-src 'nonce-N'; img-src ${origin} data:; font-src ${origin}; base-uri 'none'; form-action 'none'`);
    assert.deepEqual(panel.match(/<script\b[^>]*>/gi), [`<script nonce="PANELNONCE" src="${origin}/ext/dist/webview/preview.js">`]);
  });

  it('is the only page template in the tree, and every front door uses it', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(name) ? [p] : [];
      });
    const withPage = ['client', 'server/src']
      .flatMap((d) => sources(path.join(REPO, d)))
      .filter((f) => /<!DOCTYPE html|<html\b/i.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(REPO, f).split(path.sep).join('/'));
    assert.deepEqual(withPage, ['client/preview/page.ts']);
    const importsTemplate = (file: string) => /from '(?:\.\.\/)+(?:client\/)?preview\/page'/.test(readFileSync(path.join(REPO, file), 'utf8'));
    for (const door of ['client/src/previewPanel.ts', 'client/src/commands.ts', 'server/src/cli/reportCommand.ts']) assert.ok(importsTemplate(door), `${door} builds its page with client/preview/page.ts`);
  });
});
