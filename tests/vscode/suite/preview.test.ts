import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, openPlan, waitFor } from './helpers';

describe('preview', () => {
  it('opens beside the editor and receives the plan summary', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    const eqplan = await api();
    await vscode.commands.executeCommand('eqplan.openPreview', editor.document.uri);
    const info = await waitFor('the preview page to load and get a summary', () => {
      const p = eqplan.preview(editor.document.uri);
      return p && p.ready && p.updates > 0 && p.state.summary ? p : undefined;
    }, 60_000);
    assert.equal(info.state.summary?.organisation, 'Leicester City Council');
    assert.equal(info.state.summary?.totals.overdue, 3);
    assert.equal(info.state.mode, 'webview');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('leicester'));
    assert.ok(tab, 'a preview tab is open');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview is beside the editor');
  });

  it('redraws as the plan changes', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    const eqplan = await api();
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('title:'));
    const before = eqplan.preview(doc.uri)?.updates ?? 0;
    await editor.edit((e) => e.replace(doc.lineAt(line).range, 'title: Equality Action Plan 2019-2020 (revised)'));
    const info = await waitFor('the preview to get the new title', () => {
      const p = eqplan.preview(doc.uri);
      return p && p.updates > before && p.state.summary?.title.endsWith('(revised)') ? p : undefined;
    }, 30_000);
    assert.ok(info.state.summary);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
