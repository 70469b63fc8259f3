import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from './helpers';

describe('import a plan from a table', () => {
  it('Import Plan from Word or Excel writes the plan beside the file, opens it and its preview', async () => {
    const source = workspaceFile('commitments.csv');
    const csv = '\uFEFFRef,Action,Lead officer,By when,RAG\r\nC1,Publish the pay gap report,Head of HR,Nov 22,G\r\nC2,Train all managers,All,2023/24,\r\n';
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(csv));
    const target = workspaceFile('commitments.eqplan.yaml');
    const written = await vscode.commands.executeCommand<vscode.Uri>('eqplan.importPlan', source, target);
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Imported by eqplan from commitments\.csv/);
    assert.match(text, /due: 2022-11 {2}# "Nov 22" in the table/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the plan is open');
    const eqplan = await api();
    await waitFor('the preview of the imported plan', () => eqplan.preview(target), 30_000);
    const summary = await waitFor('a summary of the imported plan', () => eqplan.summary(target), 30_000);
    assert.equal(summary.totals.actions, 2);
  });
});
