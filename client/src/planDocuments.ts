/**
 * Which documents are equality plans: `*.eqplan.yaml` / `*.eqplan.yml`, or a
 * YAML file whose top level has `eqplan: 1`. The answer is the engine's
 * (`core/planFiles.ts`, pure, bundled here), so the extension, the server and
 * `eqplan check` agree. A cheap text test, not a YAML parse: the client never
 * parses plans (the server does).
 */
import * as vscode from 'vscode';
import { isPlanDocument as isPlanText, PLAN_MARKER_HEAD_CHARS } from '../../server/src/protocol';

export function isPlanDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  if (!doc) return false;
  // Only the start the marker rule looks at, not a copy of a big document.
  const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(PLAN_MARKER_HEAD_CHARS)));
  return isPlanText(doc.uri.path, doc.languageId, head);
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

/** Is there a file (or folder) at this address? For commands that must not overwrite one. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
