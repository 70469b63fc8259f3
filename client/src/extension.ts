/**
 * The eqplan extension. activate() only wires the parts together; each part
 * lives in its own file and registers its own disposables.
 */
import * as vscode from 'vscode';
import type { PlanSummary } from '../../server/src/protocol';
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

let server: PlanServer | undefined;

export function activate(context: vscode.ExtensionContext): EqplanApi {
  const output = vscode.window.createOutputChannel('eqplan', { log: true });
  const planServer = new PlanServer(context, output);
  server = planServer;
  const feed = new SummaryFeed(planServer);
  context.subscriptions.push(output, feed);
  registerLazyStart(context, planServer, isPlanDocument);
  const previews = registerPreview(context, feed);
  registerStatusBar(context, planServer, feed);
  registerCommands(context, planServer, previews);
  return {
    summary: (uri) => feed.refresh(uri),
    preview: (uri) => previews.info(uri),
    serverRunning: () => planServer.isRunning(),
  };
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
