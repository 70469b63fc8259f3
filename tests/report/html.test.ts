import * as assert from 'node:assert/strict';
import { buildReportHtml, escapeHtml, inlineScript, reportCsp } from '../../server/src/report/html';
import { checkSample, hostileResult, previewBundle, stateOf } from './fixtures';

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
    const { summary, findings } = checkSample('leicester-2019-20.eqplan.yaml');
    const html = buildReportHtml(summary, findings, { previewScript: previewBundle(), nonce: 'TESTNONCE123' });
    assert.equal(reportCsp('N'), "default-src 'none'; script-src 'nonce-N'; style-src 'nonce-N'; img-src data:; base-uri 'none'; form-action 'none'");
    assert.ok(html.includes(`content="${escapeHtml(reportCsp('TESTNONCE123'))}"`));
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    assert.deepEqual(scripts, ['<script nonce="TESTNONCE123">']);
    assert.ok(!/<link\b|<img\b|<iframe\b|\bsrc=|https?:\/\//i.test(html.replace(/<script nonce[\s\S]*<\/script>/, '')), 'nothing is loaded from elsewhere');
    assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
  });

  it('makes a fresh random nonce for each report', () => {
    const { summary, findings } = checkSample('leicester-2019-20.eqplan.yaml');
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    const a = nonceOf(buildReportHtml(summary, findings, { previewScript: 'void 0' }));
    const b = nonceOf(buildReportHtml(summary, findings, { previewScript: 'void 0' }));
    assert.ok(a && b && a !== b && a.length >= 20);
  });

  it('carries the summary and findings as escaped JSON, and plan text never as markup', () => {
    const { summary, findings } = hostileResult();
    const html = buildReportHtml(summary, findings, { previewScript: 'void 0', generated: '2024-07-01', fileName: 'evil.eqplan.yaml' });
    const outsideScript = html.replace(/<script nonce[\s\S]*<\/script>/, '');
    assert.ok(!outsideScript.includes('<img'), 'no <img> tag in the page');
    assert.ok(!outsideScript.includes('<svg'), 'no <svg> tag in the page');
    assert.ok(!/<script>alert/.test(html));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title is in the page, escaped');
    const state = stateOf(html) as { mode: string; summary: typeof summary; findings: { rule: string }[]; generated: string; fileName: string };
    assert.equal(state.mode, 'report');
    assert.deepEqual(state.summary, JSON.parse(JSON.stringify(summary)));
    assert.equal(state.findings.length, findings.length);
    assert.equal(state.generated, '2024-07-01');
    assert.equal(state.fileName, 'evil.eqplan.yaml');
  });

  it('titles the page after the plan unless told otherwise', () => {
    const { summary, findings } = hostileResult();
    assert.match(buildReportHtml(summary, findings, { previewScript: '' }), /<title>&lt;img src=x onerror=alert\(1\)&gt; – progress report<\/title>/);
    assert.match(buildReportHtml(summary, findings, { previewScript: '', title: 'Committee <paper>' }), /<title>Committee &lt;paper&gt;<\/title>/);
  });
});
