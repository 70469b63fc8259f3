/**
 * The extension's own settings (the server reads the same `eqplan` section
 * itself). Defaults, ranges and what counts as a bad value come from the one
 * options table, through `protocol.ts`; bad values are reported by the
 * server, so here they only fall back to the default.
 */
import type * as vscode from 'vscode';
import { OPTIONS, readOption } from '../../server/src/protocol';

export interface ClientSettings {
  debounceMs: number;
}

/** Reads the extension's settings from `vscode.workspace.getConfiguration('eqplan', scope)`. */
export function readClientSettings(section: Pick<vscode.WorkspaceConfiguration, 'get'>): ClientSettings {
  const debounce = readOption('debounceMs', section.get<unknown>('debounceMs'), { source: { kind: 'editor' }, ruleIds: new Set() });
  return { debounceMs: debounce.value ?? OPTIONS.debounceMs.default };
}
