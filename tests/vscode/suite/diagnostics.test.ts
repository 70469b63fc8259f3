import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eqplanDiagnostics, openPlan, ruleOf, waitFor } from './helpers';

describe('diagnostics', () => {
  it('reports the sample plan’s overdue and unowned actions', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    const uri = editor.document.uri;
    const diags = await waitFor('eqplan diagnostics for the Leicester sample', () => {
      const d = eqplanDiagnostics(uri);
      return d.some((x) => ruleOf(x) === 'overdue') ? d : undefined;
    }, 60_000);
    const overdue = diags.filter((d) => ruleOf(d) === 'overdue');
    // The sample's header says: three overdue actions (1d, 3a, 4c) as at 2019-11-30.
    assert.equal(overdue.length, 3, overdue.map((d) => d.message).join('\n'));
    assert.ok(overdue.some((d) => d.message.includes('1d')), 'action 1d is overdue');
    assert.ok(overdue.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.ok(diags.some((d) => ruleOf(d) === 'unowned'), 'an unowned action is reported');
  });

  it('reports nothing for a YAML file that is not a plan', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'not-a-plan.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('name: shopping list\nitems: [tea, milk]\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // Open a plan afterwards and wait for its diagnostics: the server has then handled the first file too.
    const plan = await openPlan('leicester-2019-20.eqplan.yaml');
    await waitFor('plan diagnostics', () => eqplanDiagnostics(plan.document.uri).length > 0, 60_000);
    assert.deepEqual(eqplanDiagnostics(uri), []);
  });
});
