/**
 * The open documents: kept in sync with the editor (only well-formed
 * notifications are taken), parsed and checked through the document store,
 * and handed to features as snapshots. Typing is debounced here; what to do
 * when a document opens, changes, pauses or closes is the listener's
 * (`diagnostics.ts`).
 */
import { TextDocuments, type CancellationToken, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckInput } from '../core';
import type { PlanContext } from '../features/context';
import type { Configuration } from './configuration';
import type { Debouncer } from './debouncer';
import { isClosedDocument, isDocumentChange, isOpenedDocument, namedDocument, throwIfCancelled } from './params';
import type { Session } from './session';
import { memory } from './memory';
import type { PlanStore } from './store';
import { uriToPath } from './workspaceFiles';

/** What happens to open documents, for whoever publishes their diagnostics. */
export interface DocumentListener {
  /** A document was opened (check it now). */
  opened(uri: string): void;
  /** A document has a new version (a publication for an older one is out of date). */
  changed(uri: string, version: number): void;
  /** Typing in the document has paused. */
  paused(uri: string): void;
  /** A document was closed. */
  closed(uri: string): void;
}

/** An open plan's current version and the options it is checked with. */
export interface OpenPlan {
  doc: TextDocument;
  options: CheckInput;
}

export class OpenDocuments {
  private readonly documents = new TextDocuments(TextDocument);
  /** Documents whose `didOpen` is being handled: the content event that follows it is the opening, not an edit. */
  private readonly justOpened = new Set<string>();
  /** When each document's last change notification arrived (`performance.now()`), and its version. */
  private readonly arrivals = new Map<string, { version: number; at: number }>();

  constructor(
    private readonly session: Session,
    readonly store: PlanStore,
    private readonly configuration: Configuration,
    private readonly debouncer: Debouncer,
  ) {}

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The files on disk that are open (their open text wins over the disk). */
  openPaths(): Set<string> {
    return new Set(this.all().map((d) => uriToPath(d.uri)).filter((p): p is string => !!p));
  }

  /**
   * The open plan's current version and its options. Waiting for its
   * options is where a queued request gets time to be cancelled, so a
   * cancelled request stops here, before the parse and the check.
   */
  async planFor(uri: string, token?: CancellationToken): Promise<OpenPlan | undefined> {
    const doc = this.get(uri);
    if (!doc || !this.store.isPlan(doc)) return undefined;
    const { options } = await this.configuration.optionsFor(uri);
    throwIfCancelled(token);
    const current = this.get(uri);
    return current && this.store.isPlan(current) ? { doc: current, options } : undefined;
  }

  /** When the change that made this version arrived (`performance.now()`); undefined for an opening or an older version. */
  arrivedAt(uri: string, version: number): number | undefined {
    const arrival = this.arrivals.get(uri);
    return arrival?.version === version ? arrival.at : undefined;
  }

  /** A check of the document took `ms`: how long later pauses in typing wait follows it (`Debouncer.delayFor`). */
  checkCost(uri: string, ms: number): void {
    this.debouncer.recordCost(uri, ms);
  }

  /** The snapshot of the open plan's current version (undefined when it is not open or not a plan). */
  async snapshotFor(uri: string, token?: CancellationToken): Promise<PlanContext | undefined> {
    const plan = await this.planFor(uri, token);
    return plan ? this.store.snapshot(plan.doc, plan.options) : undefined;
  }

  /**
   * A snapshot for features that read only the parse and the plan model
   * (workspace symbols), made at once: it does not wait for the document's
   * settings, which thousands of plans opened together can hold up for
   * seconds. Its check is never run for these features (settings and config
   * files change findings, not the outline).
   */
  parseSnapshotFor(uri: string): PlanContext | undefined {
    const doc = this.get(uri);
    return doc && this.store.isPlan(doc) ? this.store.snapshot(doc, { localToday: this.configuration.today() }) : undefined;
  }

  /** The snapshot completion reads while someone types (see `PlanStore.typingSnapshot`). */
  async typingSnapshotFor(uri: string, token?: CancellationToken): Promise<PlanContext | undefined> {
    const plan = await this.planFor(uri, token);
    return plan ? this.store.typingSnapshot(plan.doc, plan.options) : undefined;
  }

  /**
   * The snapshot once typing has paused. Requests that read the whole parse
   * or the check (code actions, symbols, folding, code lens, inlay hints, the
   * summary) wait for the pause rather than parse or check every version
   * typed on the way; editors ask again, or cancel, when the text changes.
   */
  async settledSnapshotFor(uri: string, token?: CancellationToken): Promise<PlanContext | undefined> {
    if (this.debouncer.isPending(uri)) {
      // Editors cancel such requests as the cursor moves: answer a cancelled one at once, not at the pause.
      let stopListening: { dispose(): void } | undefined;
      const cancelled = new Promise<void>((resolve) => (stopListening = token?.onCancellationRequested(() => resolve())));
      await Promise.race([this.debouncer.whenSettled(uri), cancelled]);
      stopListening?.dispose();
    }
    return this.snapshotFor(uri, token);
  }

  /** Starts taking document notifications from the connection and telling `listener` about them. */
  listen(connection: Connection, listener: DocumentListener): void {
    this.documents.onDidOpen((e) => {
      this.justOpened.add(e.document.uri);
      this.store.forget(e.document.uri);
      listener.opened(e.document.uri);
    });

    this.documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      if (this.session.shutDown) return;
      listener.changed(uri, e.document.version);
      // Opening is not typing: it is checked at once (push), and a pull client's first requests are answered at once.
      if (this.justOpened.delete(uri)) return;
      // The pause starts now, so requests that wait for it wait from this edit on; reading the settings
      // (a round trip to the editor the first time) sets the delay of the pauses after it.
      this.debouncer.schedule(uri, () => listener.paused(uri));
      void this.configuration.settingsFor(uri).catch(() => undefined);
    });

    this.documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.debouncer.cancel(uri);
      this.store.forget(uri);
      this.justOpened.delete(uri);
      this.arrivals.delete(uri);
      this.configuration.forget(uri);
      listener.closed(uri);
      void memory.closed(e.document.getText().length);
    });

    // The document store takes only well-formed notifications: a `didOpen` without text or with a numeric uri would
    // otherwise be kept as a document and break every feature that lists the open documents.
    this.documents.listen({
      onDidOpenTextDocument: (handler) =>
        connection.onDidOpenTextDocument((params) => (isOpenedDocument(params) ? handler(params) : this.session.log(`eqplan: ignored a didOpen notification that is not well formed (document ${namedDocument(params)}).`))),
      onDidChangeTextDocument: (handler) =>
        connection.onDidChangeTextDocument((params) => {
          if (!isDocumentChange(params)) return this.session.log(`eqplan: ignored a didChange notification that is not well formed (document ${namedDocument(params)}).`);
          this.arrivals.set(params.textDocument.uri, { version: params.textDocument.version, at: performance.now() });
          memory.typing();
          handler(params);
        }),
      onDidCloseTextDocument: (handler) =>
        connection.onDidCloseTextDocument((params) => (isClosedDocument(params) ? handler(params) : this.session.log('eqplan: ignored a didClose notification without a document uri'))),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
      onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
      onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
    });
  }
}
