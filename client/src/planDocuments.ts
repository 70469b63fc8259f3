/**
 * Which documents are equality plans: `*.eqplan.yaml` / `*.eqplan.yml`, or a
 * YAML file whose top level has `eqplan: 1`. A cheap text test, not a YAML
 * parse: the client never parses plans (the server does).
 */
import * as vscode from 'vscode';

export const PLAN_FILE_PATTERN = /\.eqplan\.ya?ml$/i;
// Lines end at `\n`, `\r\n` or `\r` only: the `m` flag would also start one after U+2028 or U+2029.
const MARKER = /(?:^|[\r\n])eqplan[ \t]*:[ \t]*["']?1["']?[ \t]*(?:#[^\r\n]*)?(?:[\r\n]|$)/;

export function isPlanDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  if (!doc) return false;
  if (PLAN_FILE_PATTERN.test(doc.uri.path)) return true;
  if (doc.languageId !== 'yaml') return false;
  return MARKER.test(doc.getText(new vscode.Range(0, 0, 2000, 0)));
}

/** The last path segment of a URI of any scheme. */
export function baseName(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.path;
}

/** The active plan: the active editor's document if it is one, else undefined. */
export function activePlanDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return isPlanDocument(doc) ? doc : undefined;
}

/** Resolves a command argument (Uri, URI string, or nothing) to an open plan document. */
export async function resolvePlanDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string' && arg) uri = vscode.Uri.parse(arg);
  if (!uri) return activePlanDocument();
  const doc = await vscode.workspace.openTextDocument(uri);
  return isPlanDocument(doc) ? doc : undefined;
}
