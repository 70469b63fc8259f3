/**
 * "eqplan: Import Plan from Word or Excel…": asks for a .docx, .xlsx or .csv,
 * has the language server read it (`eqplan/import`, the same importer as
 * `eqplan import`), writes the plan beside it, and opens the plan and its
 * preview. Arguments let tests run it without dialogs.
 */
import * as vscode from 'vscode';
import type { PlanServer } from './languageClient';
import { baseName, fileExists } from './planDocuments';

/** `plans/Equality plan.docx` -> `plans/Equality plan.eqplan.yaml`. */
function besideSource(source: vscode.Uri): vscode.Uri {
  const name = baseName(source).replace(/\.(docx|xlsx|csv|tsv|txt)$/i, '');
  return source.with({ path: source.path.replace(/[^/]*$/, `${name}.eqplan.yaml`) });
}

/** Imports `source` (or a file the user picks) into `target` (or the plan beside it). Returns the plan written. */
async function importPlan(server: PlanServer, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Import an equality plan from Word or Excel',
      openLabel: 'Import',
      canSelectMany: false,
      filters: { 'Word, Excel or CSV': ['docx', 'xlsx', 'csv', 'tsv'] },
    });
    source = picked?.[0];
    if (!source) return undefined;
  }
  if (!target) {
    target = besideSource(source);
    if (await fileExists(target)) {
      target = await vscode.window.showSaveDialog({ defaultUri: target, filters: { 'Equality plan': ['yaml'] }, title: `${baseName(target)} already exists: save the imported plan as`, saveLabel: 'Save Plan' });
      if (!target) return undefined;
    }
  } else if (await fileExists(target)) {
    void vscode.window.showWarningMessage(`${baseName(target)} already exists, so it was not replaced. Choose another name.`);
    return undefined;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${baseName(source)}…` }, () => server.importPlan(source));
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${baseName(source)} was not imported: ${result.message}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('eqplan.openPreview', target);
  const skipped = result.skipped === 0 ? '' : ` ${result.skipped === 1 ? 'One row' : `${result.skipped} rows`} could not be imported: see the notes at the top of the plan.`;
  void vscode.window.showInformationMessage(`Imported ${result.actions} actions into ${baseName(target)}.${skipped}`);
  return target;
}

export function registerImportCommand(context: vscode.ExtensionContext, server: PlanServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('eqplan.importPlan', (source?: unknown, target?: unknown) =>
      importPlan(server, source instanceof vscode.Uri ? source : undefined, target instanceof vscode.Uri ? target : undefined),
    ),
  );
}
