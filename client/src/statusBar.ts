/**
 * The status bar item: the server's state, and for the active plan its
 * headline counts ("eqplan: 2 overdue, 1 unowned"). Clicking it opens the
 * preview. Also keeps the `eqplan.isPlan` context key that the editor title
 * button and the keybinding use.
 */
import * as vscode from 'vscode';
import { statusLine } from '../preview/chartData';
import type { PlanServer } from './languageClient';
import { activePlanDocument } from './planDocuments';
import type { SummaryFeed } from './summaryFeed';

export function registerStatusBar(context: vscode.ExtensionContext, server: PlanServer, feed: SummaryFeed): void {
  const item = vscode.window.createStatusBarItem('eqplan.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'eqplan';
  context.subscriptions.push(item);

  const update = () => {
    const doc = activePlanDocument();
    void vscode.commands.executeCommand('setContext', 'eqplan.isPlan', !!doc);
    if (!doc) {
      item.hide();
      return;
    }
    item.backgroundColor = undefined;
    // A stopped checker is said even when old counts are cached: stale counts would look current.
    if (server.state === 'stopped' && (server.gaveUp || !feed.cached(doc.uri))) {
      item.text = '$(error) eqplan: stopped';
      item.tooltip = 'The eqplan checker is not running, so these problems and counts are not being updated. Click to restart it.';
      item.command = 'eqplan.restartServer';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (server.state === 'starting') {
      item.text = '$(sync~spin) eqplan: starting';
      item.tooltip = 'The eqplan checker is starting.';
      item.command = undefined;
    } else {
      const s = feed.cached(doc.uri);
      if (s === undefined) {
        item.text = '$(checklist) eqplan';
        item.tooltip = 'Checking the plan…';
      } else if (s === null) {
        item.text = '$(warning) eqplan: cannot read plan';
        item.tooltip = 'This file does not read as an equality plan yet. See the Problems panel.';
      } else {
        item.text = `$(checklist) eqplan: ${statusLine(s)}`;
        const t = s.totals;
        item.tooltip = new vscode.MarkdownString(
          `**${s.title.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&')}** as at ${s.asOf}\n\n` +
            `${t.actions} actions: ${t.open} open, ${t.done} done, ${t.overdue} overdue, ${t.dueSoon} due soon, ${t.unowned} unowned` +
            (t.targets ? `\n\n${t.targets} targets: ${t.targetsMissed} missed, ${t.targetsOffTrack} off track` : '') +
            '\n\nClick to open the preview.',
        );
      }
      item.command = { title: 'Open Preview to the Side', command: 'eqplan.openPreview', arguments: [doc.uri] };
    }
    item.show();
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    server.onDidChangeState(update),
    feed.onDidUpdate((e) => {
      if (e.uri.toString() === activePlanDocument()?.uri.toString()) update();
    }),
    vscode.workspace.onDidOpenTextDocument(update),
  );
  update();
}
