/**
 * Keeps plan summaries fresh for the documents someone is looking at (the
 * active editor's plan for the status bar, each open preview): asks the
 * server for `eqplan/summary` after typing pauses and whenever the server
 * publishes new diagnostics, and tells the subscribers.
 */
import * as vscode from 'vscode';
import type { ChangesResult, PlanSummary } from '../../server/src/protocol';
import type { PlanServer } from './languageClient';
import { activePlanDocument } from './planDocuments';
import { readClientSettings } from './settings';

export interface SummaryUpdate {
  uri: vscode.Uri;
  summary: PlanSummary | null;
}

export class SummaryFeed implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SummaryUpdate>();
  readonly onDidUpdate = this.emitter.event;
  private readonly watchers = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latest = new Map<string, PlanSummary | null>();
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: PlanServer) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isWatched(e.document.uri)) this.schedule(e.document.uri);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) if (this.isWatched(uri)) this.schedule(uri, 0);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        const doc = activePlanDocument();
        if (doc) this.schedule(doc.uri, 0);
      }),
      server.onDidChangeState((s) => {
        if (s === 'running') for (const key of this.watchedKeys()) this.schedule(vscode.Uri.parse(key), 0);
      }),
    );
  }

  private watchedKeys(): string[] {
    const keys = new Set(this.watchers.keys());
    const active = activePlanDocument();
    if (active) keys.add(active.uri.toString());
    return [...keys];
  }

  private isWatched(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.watchers.has(key) || activePlanDocument()?.uri.toString() === key;
  }

  /** Keeps `uri`'s summary fresh until the returned disposable is disposed. */
  watch(uri: vscode.Uri): vscode.Disposable {
    const key = uri.toString();
    this.watchers.set(key, (this.watchers.get(key) ?? 0) + 1);
    this.schedule(uri, 0);
    return new vscode.Disposable(() => {
      const n = (this.watchers.get(key) ?? 1) - 1;
      if (n <= 0) this.watchers.delete(key);
      else this.watchers.set(key, n);
    });
  }

  /** The last summary received for `uri` (undefined: none asked for yet). */
  cached(uri: vscode.Uri): PlanSummary | null | undefined {
    return this.latest.get(uri.toString());
  }

  /** Asks the server now and waits for the answer. */
  async refresh(uri: vscode.Uri): Promise<PlanSummary | null> {
    const key = uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const summary = await this.server.summary(uri);
    // A newer request may have started meanwhile; only the newest answer is passed on.
    if (this.generation.get(key) === gen) {
      this.latest.set(key, summary);
      this.emitter.fire({ uri, summary });
    }
    return summary;
  }

  /** What changed in the plan since the last commit, and RAG over time (the preview's "Changes since"), asked now. */
  changes(uri: vscode.Uri): Promise<ChangesResult> {
    return this.server.changes(uri);
  }

  /** Refreshes after the configured pause (typing) or at once (delay 0). */
  schedule(uri: vscode.Uri, delay = readClientSettings(vscode.workspace.getConfiguration('eqplan', uri)).debounceMs): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(uri);
      }, delay),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((d) => d.dispose());
    this.emitter.dispose();
  }
}
