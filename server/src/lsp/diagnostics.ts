/**
 * Diagnostics, pushed or pulled. A client that can pull them (it says
 * `textDocument.diagnostic` in `initialize`) asks, and is told when to ask
 * again; any other client gets them pushed: an open plan's at once when it
 * opens and again when typing pauses, and the workspace's plans on disk a
 * file at a time.
 */
import {
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { optionsKey } from '../core';
import { diagnostics, toDiagnostic } from '../features/diagnostics';
import type { Configuration } from './configuration';
import type { DocumentListener, OpenDocuments } from './documents';
import { memory } from './memory';
import { requirePreviousResultIds, requireUri, throwIfCancelled } from './params';
import type { Session } from './session';
import type { WorkspacePlans } from './workspace';
import { pathToUri, uriToPath } from './workspaceFiles';

export class Diagnostics implements DocumentListener {
  /** Newest version published per open document, and the options it was checked with. */
  private readonly published = new Map<string, { version: number; key: string }>();
  /** Disk files whose diagnostics were pushed, so they can be cleared. */
  private readonly pushedDisk = new Set<string>();
  /** The current run over the workspace's plans on disk (a newer run stops an older one). */
  private workspaceRun = 0;
  /** A refresh of hints, lenses (and pulled diagnostics) is due: many late settings make one. */
  private refreshDue = false;
  /** Checks waiting for their turn (`turn`). */
  private readonly turns: (() => void)[] = [];

  constructor(
    private readonly session: Session,
    private readonly documents: OpenDocuments,
    private readonly configuration: Configuration,
    private readonly workspace: WorkspacePlans,
  ) {}

  private get pull(): boolean {
    return this.session.client.pullDiagnostics;
  }

  /** Sends the diagnostics; resolves once the message is written (or could not be). */
  private publish(uri: string, list: Diagnostic[], version?: number): Promise<void> {
    return this.session.connection.sendDiagnostics({ uri, version, diagnostics: list }).catch(() => undefined);
  }

  // ------------------------------------------------------------------ open documents

  opened(uri: string): void {
    if (!this.pull) this.validateLogged(uri);
  }

  changed(uri: string, version: number): void {
    // An editor that sends a lower version (a reopen, an undo past a reload) has new text all the same: publish for it.
    const last = this.published.get(uri);
    if (last && last.version >= version) this.published.delete(uri);
  }

  paused(uri: string): void {
    // Pull clients' requests wait for the pause themselves (`settledSnapshotFor`).
    if (!this.pull) this.validateLogged(uri);
  }

  closed(uri: string): void {
    if (this.pull) return;
    this.published.delete(uri);
    // A plan on disk in the workspace goes straight back to its on-disk diagnostics (no empty list in between, so its problems do not blink).
    const file = uriToPath(uri);
    const onDisk = !!file && this.workspace.hasFolders && this.workspace.files().includes(file);
    // (Clear it under the editor's own URI when that is spelt differently from the one the disk check publishes under.)
    if (!onDisk || pathToUri(file) !== uri) {
      this.publish(uri, []);
      if (!onDisk) return;
    }
    void this.pushDiskFile(file)
      .then((pushed) => {
        if (!pushed && !this.documents.get(uri)) this.publish(uri, []);
      })
      .catch((e) => {
        this.session.logError('checking the workspace', e);
        this.publish(uri, []);
      });
  }

  private validateLogged(uri: string, force = false): void {
    void this.validate(uri, force).catch((e) => this.session.logError('checking', e));
  }

  /** Checks the open document's current version and publishes, unless a newer version was already published. */
  private async validate(uri: string, force: boolean): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || this.session.shutDown) return;
    const store = this.documents.store;
    if (!store.isPlan(doc)) {
      if (this.published.has(uri)) {
        this.published.delete(uri);
        this.publish(uri, [], doc.version);
      }
      return;
    }
    const version = doc.version;
    const { options } = await this.configuration.optionsFor(uri);
    await this.turn();
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return; // a newer version has its own check scheduled
    const key = optionsKey(options);
    const last = this.published.get(uri);
    if (last && (last.version > version || (!force && last.version === version && last.key === key))) return;
    // Checked first, so the snapshot takes the check's plan model rather than building its own.
    const started = performance.now();
    store.check(current, options);
    this.documents.checkCost(uri, performance.now() - started);
    const ctx = store.snapshot(current, options);
    if (!ctx) return;
    const list = diagnostics(ctx, this.session.docsLink);
    this.published.set(uri, { version, key });
    // Memory is looked at once the message is written, so that a collection, when one is due, also frees what
    // encoding a large plan's diagnostics (megabytes of text) left behind.
    const arrived = this.documents.arrivedAt(uri, version);
    void this.publish(uri, list, version).then(() => {
      // For `$/setTrace` clients: how long after an edit arrived its diagnostics were written (the pause in typing included).
      if (arrived !== undefined) this.session.connection.tracer.log(`eqplan: diagnostics of ${uri} version ${version} written ${(performance.now() - arrived).toFixed(1)} ms after the change arrived`);
      memory.afterWork();
    });
  }

  /**
   * Waits for this check's turn: checks of open plans run one per turn of the
   * event loop, so a request that arrives while thousands of plans opened
   * together are checked (their settings all come in one answer) is read and
   * answered between two checks, not after all of them.
   */
  private turn(): Promise<void> {
    return new Promise((resolve) => {
      this.turns.push(resolve);
      if (this.turns.length === 1) setImmediate(() => this.nextTurn());
    });
  }

  private nextTurn(): void {
    const next = this.turns.shift();
    next?.();
    // The next turn goes after the messages that have come in meanwhile (an immediate set now runs in the next loop).
    if (this.turns.length > 0) setImmediate(() => this.nextTurn());
  }

  // ------------------------------------------------------------------ plans on disk

  /**
   * Checks one plan on disk and pushes its findings, unless it is open by
   * then or `stillWanted` says the run was overtaken. Returns whether it
   * pushed anything.
   */
  private async pushDiskFile(file: string, stillWanted: () => boolean = () => true): Promise<boolean> {
    const { options } = await this.configuration.optionsFor(pathToUri(file));
    if (!stillWanted() || this.documents.openPaths().has(file)) return false;
    const checked = this.workspace.disk.check(file, options);
    if (!checked) return false;
    this.pushedDisk.add(file);
    this.publish(pathToUri(file), checked.result.findings.map((f) => toDiagnostic(f, this.session.docsLink)));
    return true;
  }

  /** Pushes diagnostics for the plans in the workspace that are not open, a file at a time so requests are answered in between. */
  pushWorkspace(): void {
    if (this.pull || !this.workspace.hasFolders) return;
    const run = ++this.workspaceRun;
    const files = this.workspace.files();
    const open = this.documents.openPaths();
    let i = 0;
    const step = () => {
      if (run !== this.workspaceRun || i >= files.length) return;
      const file = files[i++];
      if (!open.has(file)) {
        void this.pushDiskFile(file, () => run === this.workspaceRun)
          .catch((e) => this.session.logError('checking the workspace', e))
          .finally(() => setImmediate(step));
      } else {
        setImmediate(step);
      }
    };
    setImmediate(step);
  }

  /** A plan file on disk was deleted: its pushed diagnostics go. */
  diskFileDeleted(uri: string, file: string): void {
    if (!this.pushedDisk.delete(file)) return;
    this.publish(uri, []);
  }

  /** Plan files on disk changed: a pull client is asked to ask again; a push client gets them pushed again. */
  diskPlansChanged(): void {
    if (this.pull && this.session.client.refreshDiagnostics) void this.session.connection.languages.diagnostics.refresh().catch(() => undefined);
    else this.pushWorkspace();
  }

  // ------------------------------------------------------------------ everything again

  /** Settings, a config file or the set of plans changed: everything is checked again. */
  recheckAll(): void {
    this.configuration.clear();
    this.refreshAll();
  }

  /** A config file changed, was added or was removed: every plan is checked again with what it now says. */
  configFilesChanged(): void {
    this.workspace.disk.clear();
    this.recheckAll();
  }

  /**
   * The editor's late answer gave one document its settings: that document
   * is checked again (if they change its options), and nothing else. Ten
   * thousand plans opened at once must not each re-check every other plan.
   */
  lateSettings(uri: string): void {
    if (this.session.shutDown) return;
    if (!this.pull) {
      if (this.documents.get(uri)) this.validateLogged(uri);
      else {
        const file = uriToPath(uri);
        if (file && this.pushedDisk.has(file)) void this.pushDiskFile(file).catch((e) => this.session.logError('checking the workspace', e));
      }
    }
    if (this.refreshDue) return;
    this.refreshDue = true;
    setImmediate(() => {
      this.refreshDue = false;
      this.refreshClientViews();
    });
  }

  /** Asks the client to ask again for what it pulls: diagnostics (pull clients), inlay hints, code lenses. */
  private refreshClientViews(): void {
    if (this.session.shutDown) return;
    const { connection, client } = this.session;
    if (this.pull && client.refreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    if (client.refreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (client.refreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  /** Checks the open plans again (or asks a pull client to ask again), and refreshes hints and lenses. */
  refreshAll(): void {
    if (this.session.shutDown) return;
    const { connection, client } = this.session;
    if (this.pull) {
      if (client.refreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const doc of this.documents.all()) this.validateLogged(doc.uri, true);
      this.pushWorkspace();
    }
    if (client.refreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (client.refreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }
}

/** `textDocument/diagnostic` and `workspace/diagnostic`, for clients that pull. */
export function registerPullDiagnostics(connection: Connection, session: Session, documents: OpenDocuments, configuration: Configuration, workspace: WorkspacePlans): void {
  connection.onRequest(
    DocumentDiagnosticRequest.type,
    session.guard<DocumentDiagnosticParams, DocumentDiagnosticReport>('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const uri = requireUri(params);
      // Pull clients ask after every keystroke; answer once typing pauses, as pushed diagnostics are debounced.
      const ctx = await documents.settledSnapshotFor(uri, token);
      if (!ctx) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${ctx.version}:${optionsKey(ctx.options)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      const items = diagnostics(ctx, session.docsLink);
      // Once the answer is written (see the pushed diagnostics above).
      setImmediate(() => memory.afterWork());
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    }),
  );

  connection.onRequest(
    WorkspaceDiagnosticRequest.type,
    session.guard('workspace diagnostics', { items: [] as WorkspaceDocumentDiagnosticReport[] }, async (params, token) => {
      const previous = requirePreviousResultIds(params);
      const open = documents.openPaths();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const file of workspace.files()) {
        if (open.has(file)) continue;
        const uri = pathToUri(file);
        const { options } = await configuration.optionsFor(uri);
        throwIfCancelled(token);
        const checked = workspace.disk.check(file, options);
        if (!checked) continue;
        if (previous.get(uri) === checked.stamp) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: checked.stamp });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: checked.stamp, items: checked.result.findings.map((f) => toDiagnostic(f, session.docsLink)) });
      }
      return { items };
    }),
  );
}
