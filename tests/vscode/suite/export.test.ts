import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPlan, waitFor, workspaceFile, eqplanDiagnostics } from './helpers';

describe('export report', () => {
  it('writes a self-contained HTML report', async () => {
    const editor = await openPlan('luton-workforce-2024.eqplan.yaml');
    await waitFor('diagnostics', () => eqplanDiagnostics(editor.document.uri).length > 0, 60_000);
    const target = workspaceFile('luton-report.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('eqplan.exportReport', editor.document.uri, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.match(html, /Luton Council/);
    assert.ok(!/<script[^>]+src=/i.test(html), 'no external scripts');
    assert.ok(/overdue/.test(html), 'the findings are in the report');
    // The findings come from the server's check (eqplan/report): the same ones as the Problems panel.
    const attr = /data-state="([^"]*)"/.exec(html)?.[1] ?? '';
    const state = JSON.parse(attr.replace(/&(amp|lt|gt|quot|#39);/g, (_all, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? e)) as { findings: { rule: string; line: number; message: string }[] };
    const problems = eqplanDiagnostics(editor.document.uri).map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}|${d.range.start.line}|${d.message}`);
    assert.deepEqual(state.findings.map((f) => `${f.rule}|${f.line}|${f.message}`).sort(), problems.sort());
  });

  it('New Equality Plan writes a starter plan that checks cleanly', async () => {
    const target = workspaceFile('starter.eqplan.yaml');
    await vscode.commands.executeCommand('eqplan.newPlan', target);
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(doc.getText(), /^eqplan: 1/);
    // Wait until the server has checked it (a summary comes back), then expect no errors.
    const { api } = await import('./helpers');
    const eqplan = await api();
    const summary = await waitFor('a summary of the starter plan', () => eqplan.summary(target), 30_000);
    assert.equal(summary.totals.actions, 2);
    assert.deepEqual(eqplanDiagnostics(target).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
  });
});
