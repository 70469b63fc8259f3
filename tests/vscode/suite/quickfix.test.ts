import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eqplanDiagnostics, openPlan, ruleOf, waitFor } from './helpers';

describe('quick fixes', () => {
  it('rewrites a council date phrase such as "Nov 22" through its quick fix', async () => {
    const editor = await openPlan('broken', 'council-dates.eqplan.yaml');
    const doc = editor.document;
    const diag = await waitFor('a schema diagnostic with a date fix', () =>
      eqplanDiagnostics(doc.uri).find((d) => ruleOf(d) === 'schema' && /deadline/i.test(d.message)),
      60_000,
    );
    const before = doc.getText(diag.range);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a) => a.kind?.value === 'quickfix' && a.edit);
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    assert.ok(fix, `a quick fix is offered for: ${diag.message}; got ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value, !!a.edit]))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const after = doc.getText(new vscode.Range(diag.range.start, doc.lineAt(diag.range.start.line).range.end));
    assert.notEqual(after.trim(), before.trim());
    assert.match(after, /^\s*["']?\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?["']?/, `the deadline now reads as a date: ${after}`);
    await waitFor('the fixed problem to go away', () => !eqplanDiagnostics(doc.uri).some((d) => d.message === diag.message), 30_000);
  });

  it('Fix All applies every safe fix', async () => {
    const editor = await openPlan('broken', 'council-dates.eqplan.yaml');
    const doc = editor.document;
    await waitFor('diagnostics', () => eqplanDiagnostics(doc.uri).length > 0, 60_000);
    const fixable = eqplanDiagnostics(doc.uri).filter((d) => ruleOf(d) === 'schema').length;
    assert.ok(fixable > 0, 'the council-dates sample has date problems left to fix');
    const applied = await vscode.commands.executeCommand<number>('eqplan.fixAll', doc.uri);
    assert.ok(applied >= 1, 'Fix All applied the server’s fix-all action');
    await waitFor('fewer schema problems after Fix All', () => eqplanDiagnostics(doc.uri).filter((d) => ruleOf(d) === 'schema').length < fixable, 30_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
