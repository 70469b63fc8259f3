/** Helpers for the extension tests that run inside VS Code (code-server or a downloaded VS Code). */
import * as vscode from 'vscode';
import type { EqplanApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'eqplan.eqplan';

/** Polls `probe` until it returns something truthy; fails with `what` after `ms`. Waits on state, never a fixed sleep. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need a workspace folder (a copy of samples/).');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function openPlan(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...parts));
  return vscode.window.showTextDocument(doc);
}

export async function api(): Promise<EqplanApi> {
  const ext = vscode.extensions.getExtension<EqplanApi>(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function eqplanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'eqplan');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '');
}
