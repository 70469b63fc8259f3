/**
 * What the client says changed outside the open documents: the settings,
 * watched files (config files and plans on disk) and the workspace folders.
 * Each leads to checking plans again.
 */
import * as path from 'node:path';
import { FileChangeType, type Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES } from '../core';
import type { Configuration } from './configuration';
import type { Diagnostics } from './diagnostics';
import { field } from './params';
import type { WorkspacePlans } from './workspace';
import { uriToPath } from './workspaceFiles';

/** `workspace/didChangeConfiguration` and `workspace/didChangeWatchedFiles`. */
export function registerChangeNotifications(connection: Connection, configuration: Configuration, workspace: WorkspacePlans, diagnostics: Diagnostics): void {
  connection.onDidChangeConfiguration((change) => {
    const settings = field(field(change, 'settings'), 'eqplan');
    // The settings a client sends just after `initialize` are the ones the held first checks wait for: they run with them, once.
    const awaited = settings !== undefined ? configuration.setGlobalSettings(settings) : configuration.settingsArrived();
    if (!awaited) diagnostics.recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    let plansChanged = false;
    // Only well-formed changes (a list of { uri, type }) are looked at.
    const changes = Array.isArray(params?.changes) ? params.changes.filter((c) => typeof c?.uri === 'string') : [];
    for (const change of changes) {
      const file = uriToPath(change.uri);
      const name = path.basename(file ?? change.uri);
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) configChanged = true;
      else if (/\.ya?ml$/i.test(name)) {
        plansChanged = true;
        if (file) workspace.disk.forget(file);
        if (change.type !== FileChangeType.Changed) workspace.filesChanged();
        if (change.type === FileChangeType.Deleted && file) diagnostics.diskFileDeleted(change.uri, file);
      }
    }
    if (configChanged) {
      configuration.configs.clear();
      diagnostics.configFilesChanged();
    } else if (plansChanged) {
      diagnostics.diskPlansChanged();
    }
  });
}

/** `workspace/didChangeWorkspaceFolders` (registered after `initialized`, when the client supports it). */
export function listenForFolderChanges(connection: Connection, workspace: WorkspacePlans, diagnostics: Diagnostics): void {
  try {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspace.changeFolders(e.added, e.removed);
      diagnostics.recheckAll();
    });
  } catch {
    // the client does not support workspace folders
  }
}
