/**
 * The commands other than the preview: New Equality Plan, Fix All, Export
 * Report, Restart Server. Each takes optional arguments so tests and other
 * extensions can run it without dialogs.
 */
import * as vscode from 'vscode';
import { isPlanFileName } from '../../server/src/protocol';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { makeNonce, reportHtml } from '../preview/page';
import type { PlanServer } from './languageClient';
import { baseName, fileExists, resolvePlanDocument } from './planDocuments';
import type { PreviewManager } from './previewPanel';
import { starterPlan } from './starterPlan';

function localIsoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sibling(uri: vscode.Uri, name: string): vscode.Uri {
  return uri.with({ path: uri.path.replace(/[^/]*$/, name) });
}

/** Writes a starter plan (to `target`, or a file the user names in the first workspace folder) and opens it. */
async function newPlan(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const text = starterPlan(localIsoToday());
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }
    const name = await vscode.window.showInputBox({
      title: 'New equality plan',
      prompt: 'File name for the new plan (it must end in .eqplan.yaml)',
      value: 'equality-plan.eqplan.yaml',
      validateInput: (v) => (!/[/\\]/.test(v) && isPlanFileName(v.trim()) ? undefined : 'Use a name ending in .eqplan.yaml, for example equality-plan.eqplan.yaml'),
    });
    if (!name) return undefined;
    target = vscode.Uri.joinPath(folder.uri, name.trim());
  }
  if (await fileExists(target)) {
    void vscode.window.showWarningMessage(`${baseName(target)} already exists, so it was not replaced. Choose another name.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  return target;
}

/** Applies every safe fix the server offers for the plan (the `source.fixAll.eqplan` code action). Returns how many actions were applied. */
async function fixAll(arg?: unknown): Promise<number> {
  const doc = await resolvePlanDocument(arg);
  if (!doc) {
    void vscode.window.showInformationMessage('Open an equality plan to fix its problems.');
    return 0;
  }
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 10)) ?? [];
  let applied = 0;
  for (const action of actions.filter((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind))) {
    if (action.edit && (await vscode.workspace.applyEdit(action.edit))) applied++;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  if (!applied) void vscode.window.showInformationMessage('Nothing in this plan can be fixed automatically. The problems left in the Problems panel need a decision from you.');
  return applied;
}

/**
 * Writes the HTML report of a plan to `target` (or where the user chooses).
 * The summary and findings come from the server (`eqplan/report`, its latest
 * check: the same findings as the Problems panel); the page is the preview
 * wing's template, as `eqplan report` makes it.
 */
async function exportReport(context: vscode.ExtensionContext, server: PlanServer, previews: PreviewManager, arg?: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = await resolvePlanDocument(arg ?? previews.activePreviewUri());
  if (!doc) {
    void vscode.window.showInformationMessage('Open an equality plan to export its report.');
    return undefined;
  }
  const report = await server.report(doc.uri);
  if (!report) {
    void vscode.window.showErrorMessage(`The report of ${baseName(doc.uri)} cannot be made: the eqplan checker did not answer. Run "eqplan: Restart Server" and try again.`);
    return undefined;
  }
  const { summary, findings } = report;
  if (!summary) {
    const first = findings.find((f) => f.severity === 'error') ?? findings[0];
    const why = first ? `Line ${first.line + 1}: ${first.message}` : 'It does not read as an equality plan.';
    void vscode.window.showErrorMessage(`${baseName(doc.uri)} cannot be reported on yet. ${why} Fix the errors in the Problems panel first.`);
    return undefined;
  }
  if (!target) {
    const suggested = sibling(doc.uri, baseName(doc.uri).replace(/(\.eqplan)?\.ya?ml$/i, '') + '.html');
    target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { 'Web page': ['html'] }, title: 'Export the plan’s progress report', saveLabel: 'Export Report' });
    if (!target) return undefined;
  }
  const script = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'preview.js')));
  const html = reportHtml({ summary, findings, fileName: baseName(doc.uri), generated: localIsoToday() }, { nonce: makeNonce(), script });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const open = 'Open Report';
  void vscode.window.showInformationMessage(`Report saved to ${baseName(target)}.`, open).then((choice) => {
    if (choice === open && target) void vscode.env.openExternal(target);
  });
  return target;
}

export function registerCommands(context: vscode.ExtensionContext, server: PlanServer, previews: PreviewManager): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('eqplan.newPlan', (target?: unknown) => newPlan(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('eqplan.fixAll', (arg?: unknown) => fixAll(arg)),
    vscode.commands.registerCommand('eqplan.exportReport', (arg?: unknown, target?: unknown) =>
      exportReport(context, server, previews, arg, target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand('eqplan.restartServer', async () => {
      await server.restart();
      void vscode.window.setStatusBarMessage('eqplan: checker restarted', 3000);
    }),
  );
}
