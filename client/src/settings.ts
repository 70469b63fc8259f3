/** The extension's own settings (the server reads the same `eqplan` section itself). */
import * as vscode from 'vscode';

export interface ClientSettings {
  debounceMs: number;
}

export function readClientSettings(scope?: vscode.Uri): ClientSettings {
  const c = vscode.workspace.getConfiguration('eqplan', scope);
  const debounce = c.get<number>('debounceMs', 200);
  return { debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : 200 };
}
