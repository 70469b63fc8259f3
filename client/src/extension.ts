/**
 * The eqplan extension. activate() only wires the parts together; each part
 * lives in its own file and registers its own disposables.
 */
import * as vscode from 'vscode';
import type { PlanSummary } from '../../server/src/core/summary-types';
import { registerCommands } from './commands';
import { PlanServer, registerLazyStart } from './languageClient';
import { isPlanDocument } from './planDocuments';
import { registerPreview, type PreviewInfo } from './previewPanel';
import { registerStatusBar } from './statusBar';
import { SummaryFeed } from './summaryFeed';

/** What the extension exports (`vscode.extensions.getExtension('eqplan.eqplan').exports`), used by its tests. */
export interface EqplanApi {
  summary(uri: vscode.Uri): Promise<PlanSummary | null>;
  preview(uri: vscode.Uri): PreviewInfo | undefined;
  serverRunning(): boolean;
}

export function activate(context: vscode.ExtensionContext): EqplanApi {
  const output = vscode.window.createOutputChannel('eqplan', { log: true });
  const server = new PlanServer(context, output);
  const feed = new SummaryFeed(server);
  context.subscriptions.push(output, feed);
  registerLazyStart(context, server, isPlanDocument);
  const previews = registerPreview(context, feed);
  registerStatusBar(context, server, feed);
  registerCommands(context, server, feed, previews);
  return {
    summary: (uri) => feed.refresh(uri),
    preview: (uri) => previews.info(uri),
    serverRunning: () => server.isRunning(),
  };
}

export function deactivate(): void {
  // Disposables registered on the context stop the server.
}
