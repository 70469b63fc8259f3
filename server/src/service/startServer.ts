/**
 * Wires the features to an LSP connection: document sync, settings, config
 * files, debounced push diagnostics, pull and workspace diagnostics, and one
 * handler per feature. Handlers only find the document's context, call the
 * feature and send; every handler is guarded so that an exception is logged
 * and answered with an empty result, never fatal. Malformed params are
 * answered with InvalidParams, requests the client cancelled with
 * RequestCancelled.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceDiagnosticRequest,
  WorkspaceSymbolRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  type CancellationToken,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type Range,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, localIsoDate, mergeOptions, type CheckOptions } from '../core';
import { ConfigResolver } from '../node/config';
import { codeActions, FIX_ALL_KIND } from '../features/codeActions';
import { codeLenses } from '../features/codeLens';
import { completion } from '../features/completion';
import type { PlanContext } from '../features/context';
import { diagnostics, ruleDocsLink, toDiagnostic, type RuleDocsLink } from '../features/diagnostics';
import { Debouncer } from './debouncer';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { inlayHints } from '../features/inlayHints';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { planSummary } from '../features/summary';
import { planReport } from '../features/report';
import { documentSymbols, rankWorkspaceSymbols, workspaceSymbols } from '../features/symbols';
import { ReportRequest, SummaryRequest, type ReportParams, type SummaryParams } from '../protocol';
import { DEFAULT_DEBOUNCE_MS, readSettings, type EqplanSettings } from './settings';
import { optionsKey, PlanStore } from './store';
import { createPlanContext } from '../features/context';
import { DiskChecks, findPlanFiles, pathToUri, uriToPath } from './workspaceFiles';

export interface ServerHost {
  /** The README the rule links point into (`<readmeUrl>#rule-<id>`). */
  readmeUrl: string;
  /** The local date (tests fix it). */
  localToday?: () => string;
  /** The document store (tests pass their own, to count the parses and checks that typing costs). */
  store?: PlanStore;
}

/** Throws InvalidParams unless the params name a document. */
function requireUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The request does not name a document (textDocument.uri is missing).');
  return uri;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
}

function isRange(r: unknown): r is Range {
  const q = r as { start?: unknown; end?: unknown } | null | undefined;
  return !!q && typeof q === 'object' && isPosition(q.start) && isPosition(q.end);
}

function requirePosition(params: unknown): { line: number; character: number } {
  const p = (params as { position?: unknown } | undefined)?.position;
  if (!isPosition(p)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request has no valid position (line and character).');
  return { line: p.line, character: p.character };
}

/** A `didOpen` document: uri, language, version and text of the right types. */
function isOpenedDocument(p: unknown): boolean {
  const d = (p as { textDocument?: unknown } | null | undefined)?.textDocument as { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown } | null | undefined;
  return !!d && typeof d === 'object' && typeof d.uri === 'string' && typeof d.languageId === 'string' && Number.isInteger(d.version) && typeof d.text === 'string';
}

/** A `didChange`: a document with a uri and a version, and changes that are each a text, with a valid range or none. */
function isDocumentChange(p: unknown): boolean {
  const q = p as { textDocument?: { uri?: unknown; version?: unknown } | null; contentChanges?: unknown } | null | undefined;
  if (!q || typeof q !== 'object' || !q.textDocument || typeof q.textDocument.uri !== 'string' || !Number.isInteger(q.textDocument.version)) return false;
  if (!Array.isArray(q.contentChanges)) return false;
  return q.contentChanges.every((c: unknown) => {
    const change = c as { text?: unknown; range?: unknown } | null;
    return !!change && typeof change === 'object' && typeof change.text === 'string' && (change.range === undefined || isRange(change.range));
  });
}

/**
 * The request's `range`, start first; throws InvalidParams unless it has a
 * start and an end, each with line and character. A range that ends before it
 * starts (a selection made backwards) is turned round rather than refused.
 */
function requireRange(params: unknown, what: string): Range {
  const r = (params as { range?: unknown } | null | undefined)?.range;
  if (!isRange(r)) throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} request has no valid range (start and end, each with line and character).`);
  const backwards = r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character);
  return backwards ? { start: r.end, end: r.start } : r;
}

/** Throws InvalidParams unless the code action request has a range and a context whose diagnostics all have a range (the quick fixes are matched by it). */
function requireCodeActionContext(params: unknown): void {
  requireRange(params, 'code action');
  const context = (params as { context?: { diagnostics?: unknown; only?: unknown } } | undefined)?.context;
  if (!context || typeof context !== 'object' || !Array.isArray(context.diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request has no code action context.');
  context.diagnostics.forEach((d: unknown, i) => {
    if (!d || typeof d !== 'object' || Array.isArray(d)) throw new ResponseError(ErrorCodes.InvalidParams, `Diagnostic ${i + 1} in the code action request is not a diagnostic.`);
    if (!isRange((d as { range?: unknown }).range)) throw new ResponseError(ErrorCodes.InvalidParams, `Diagnostic ${i + 1} in the code action request has no valid range (start and end, each with line and character).`);
  });
  const only = context.only;
  if (only !== undefined && only !== null && !(Array.isArray(only) && only.every((k) => typeof k === 'string'))) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'The kinds of code action asked for ("only") must be a list of names, such as ["quickfix"].');
  }
}

/** The previous result ids of a workspace diagnostic request (none when absent); throws InvalidParams when they are not a list of { uri, value }. */
function requirePreviousResultIds(params: unknown): Map<string, string> {
  requireObject(params, 'workspace diagnostic');
  const previous = (params as { previousResultIds?: unknown } | undefined)?.previousResultIds;
  if (previous === undefined || previous === null) return new Map();
  const valid = Array.isArray(previous) && previous.every((p: unknown) => !!p && typeof (p as { uri?: unknown }).uri === 'string' && typeof (p as { value?: unknown }).value === 'string');
  if (!valid) throw new ResponseError(ErrorCodes.InvalidParams, 'The previous results of the workspace diagnostic request (previousResultIds) must be a list of { uri, value }, each a piece of text.');
  return new Map((previous as { uri: string; value: string }[]).map((p) => [p.uri, p.value]));
}

/** Throws InvalidParams unless the params are an object (`null`, text or a list are not). */
function requireObject(params: unknown, what: string): void {
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} request has no parameters.`);
}

/** The search text of a workspace symbol request (empty when absent); throws InvalidParams when it is not text. */
function requireQuery(params: unknown): string {
  requireObject(params, 'workspace symbol');
  const query = (params as { query?: unknown } | undefined)?.query;
  if (query === undefined || query === null) return '';
  if (typeof query !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The search text of the workspace symbol request (query) must be a piece of text.');
  return query;
}

/** LSP: a request the client cancelled is answered with RequestCancelled, and its work is skipped. */
function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The editor cancelled this request before it was answered.');
}

/**
 * How often, at most, the server looks at config files on disk (a few `stat`
 * calls) for changes that its editor does not report.
 */
const CONFIG_RECHECK_MS = 1000;

/** How long the server waits for the editor to answer `workspace/configuration`. */
const SETTINGS_WAIT_MS = 3000;

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  // What each parse and check cost, for `$/setTrace` clients (VS Code: "eqplan.trace.server": "messages").
  const store = host.store ?? new PlanStore((work) => connection.tracer.log(`eqplan: ${work.kind} of ${work.uri} version ${work.version} took ${work.ms.toFixed(1)} ms`));
  const disk = new DiskChecks();
  // Not every editor reports changed files (Neovim 0.7 does not): the resolver also looks at the disk itself, at most once a second.
  const configs = new ConfigResolver(undefined, undefined, { recheckAfterMs: CONFIG_RECHECK_MS, onChange: () => setImmediate(configFilesChanged) });
  let docsLink: RuleDocsLink = ruleDocsLink(host.readmeUrl);
  const localToday = host.localToday ?? (() => localIsoDate(new Date()));
  const debouncer = new Debouncer(DEFAULT_DEBOUNCE_MS);

  let canConfigure = false;
  let pullDiagnostics = false;
  /** Does the client have the `eqplan.openPreview` command (the eqplan VS Code extension)? */
  let canOpenPreview = false;
  let canRefreshDiagnostics = false;
  let canRefreshInlayHints = false;
  let canRefreshCodeLens = false;
  let canWatchFiles = false;
  let folders: string[] = [];
  let globalSettings: unknown = {};
  const settingsCache = new Map<string, Promise<EqplanSettings>>();
  const shownProblems = new Set<string>();
  /** Newest version published per open document, and the options it was checked with. */
  const published = new Map<string, { version: number; key: string }>();
  let planFiles: string[] | undefined;
  /** Disk files whose diagnostics were pushed, so they can be cleared. */
  const pushedDisk = new Set<string>();

  const log = (message: string) => connection.console.log(message);
  const logError = (what: string, e: unknown) => connection.console.error(`eqplan: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  /** Shows a settings or config problem once (per distinct message) and logs it. */
  const showProblemOnce = (message: string) => {
    if (shownProblems.has(message)) return;
    shownProblems.add(message);
    log(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  /** LSP lifecycle: requests before `initialize` and after `shutdown` are errors. */
  let lifecycle: 'starting' | 'running' | 'shut down' = 'starting';
  let stopConfigPolling: (() => void) | undefined;

  const guard = <P, R>(name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) =>
    async (params: P, token?: CancellationToken): Promise<R> => {
      if (lifecycle === 'starting') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized yet: send initialize first.');
      if (lifecycle === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down: only exit is accepted now.');
      try {
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        logError(name, e);
        return fallback;
      }
    };

  // ------------------------------------------------------------------ settings and config

  /** Settings requests the editor has let time out and not answered yet: while there are any, the defaults apply at once. */
  let settingsUnanswered = 0;

  /**
   * Asks the editor for the `eqplan` settings of a document. An editor that
   * does not answer within `SETTINGS_WAIT_MS` gets the defaults for now (and
   * is not asked again, nor waited for, until it answers); its answer, when it
   * comes, is used from then on and everything is checked again, so a slow or
   * broken editor never leaves the server waiting.
   */
  const askForSettings = (key: string, uri: string | undefined, entry: () => Promise<EqplanSettings> | undefined): Promise<unknown> => {
    if (settingsUnanswered > 0) return Promise.resolve({});
    const asked = connection.workspace.getConfiguration({ scopeUri: uri, section: 'eqplan' }).then(
      (v) => v,
      () => ({}),
    );
    return new Promise<unknown>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        settingsUnanswered++;
        log(`eqplan: the editor did not answer the request for the eqplan settings within ${SETTINGS_WAIT_MS / 1000} seconds; the defaults apply until it does.`);
        resolve({});
      }, SETTINGS_WAIT_MS);
      timer.unref();
      void asked.then((answer) => {
        if (!timedOut) {
          clearTimeout(timer);
          resolve(answer);
          return;
        }
        settingsUnanswered--;
        // Still the settings in use for this document (not replaced since by a settings change)? Take the late answer, and check again with it.
        const mine = entry();
        if (mine && settingsCache.get(key) === mine) {
          settingsCache.set(key, Promise.resolve(applySettings(answer)));
          refreshAll();
        }
      });
    });
  };

  /** Reads raw settings, says what is wrong with them, and takes their debounce delay. */
  const applySettings = (raw: unknown): EqplanSettings => {
    const { settings, problems } = readSettings(raw);
    problems.forEach(showProblemOnce);
    debouncer.setDelay(settings.debounceMs);
    return settings;
  };

  const settingsFor = (uri: string | undefined): Promise<EqplanSettings> => {
    const key = uri ?? '';
    let cached = settingsCache.get(key);
    if (!cached) {
      let mine: Promise<EqplanSettings> | undefined;
      const raw: Promise<unknown> = canConfigure ? askForSettings(key, uri, () => mine) : Promise.resolve(globalSettings);
      cached = mine = raw.then(applySettings);
      settingsCache.set(key, cached);
    }
    return cached;
  };

  /** Config file first, settings on top, as the CLI layers `--as-of` over the config file; plus the local date. */
  const optionsFor = async (uri: string): Promise<{ options: CheckOptions; settings: EqplanSettings }> => {
    const settings = await settingsFor(uri);
    let fileOptions: CheckOptions = {};
    const file = uriToPath(uri);
    if (file) {
      const loaded = configs.forPlan(file);
      if (loaded.errors.length > 0) {
        // A broken config is ignored as a whole (defaults apply) and said once, rather than half-applied.
        showProblemOnce(`eqplan is ignoring the config file ${loaded.file ?? ''} until it is fixed: ${loaded.errors.join(' ')}`);
      } else {
        fileOptions = loaded.options;
      }
    }
    return { options: mergeOptions(fileOptions, settings.options, { localToday: localToday() }), settings };
  };

  /**
   * The open plan's current version and its options. Waiting for its
   * options is where a queued request gets time to be cancelled, so a
   * cancelled request stops here, before the parse and the check.
   */
  const planFor = async (uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; options: CheckOptions } | undefined> => {
    const doc = documents.get(uri);
    if (!doc || !store.isPlan(doc)) return undefined;
    const { options } = await optionsFor(uri);
    throwIfCancelled(token);
    const current = documents.get(uri);
    return current && store.isPlan(current) ? { doc: current, options } : undefined;
  };

  const contextFor = async (uri: string, token?: CancellationToken): Promise<PlanContext | undefined> => {
    const plan = await planFor(uri, token);
    return plan ? store.context(plan.doc, plan.options) : undefined;
  };

  /**
   * The context once typing has paused. Requests that read the whole parse or
   * the check (code actions, symbols, folding, code lens, inlay hints, the
   * summary) wait for the pause rather than parse or check every version
   * typed on the way; editors ask again, or cancel, when the text changes.
   */
  const settledContextFor = async (uri: string, token?: CancellationToken): Promise<PlanContext | undefined> => {
    if (debouncer.isPending(uri)) {
      // Editors cancel such requests as the cursor moves: answer a cancelled one at once, not at the pause.
      let stopListening: { dispose(): void } | undefined;
      const cancelled = new Promise<void>((resolve) => (stopListening = token?.onCancellationRequested(() => resolve())));
      await Promise.race([debouncer.whenSettled(uri), cancelled]);
      stopListening?.dispose();
    }
    return contextFor(uri, token);
  };

  // ------------------------------------------------------------------ push diagnostics

  const publish = (uri: string, diagnosticsList: Diagnostic[], version?: number) => {
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsList });
  };

  /** Checks the open document's current version and publishes, unless a newer version was already published. */
  const validate = async (uri: string, force = false) => {
    const doc = documents.get(uri);
    if (!doc || lifecycle === 'shut down') return;
    if (!store.isPlan(doc)) {
      if (published.has(uri)) {
        published.delete(uri);
        publish(uri, [], doc.version);
      }
      return;
    }
    const version = doc.version;
    const { options } = await optionsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer version has its own check scheduled
    const key = optionsKey(options);
    const last = published.get(uri);
    if (last && (last.version > version || (!force && last.version === version && last.key === key))) return;
    const ctx = store.context(current, options);
    if (!ctx) return;
    const list = diagnostics(ctx, docsLink);
    published.set(uri, { version, key });
    publish(uri, list, version);
  };

  const validateOpen = (force: boolean) => {
    for (const doc of documents.all()) void validate(doc.uri, force).catch((e) => logError('checking', e));
  };

  const openPaths = () => new Set(documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => !!p));

  const workspacePlanFiles = (): string[] => (planFiles ??= findPlanFiles(folders));

  /**
   * Checks one plan on disk and pushes its findings, unless it is open by
   * then or `stillWanted` says the run was overtaken. Returns whether it
   * pushed anything.
   */
  const pushDiskFile = async (file: string, stillWanted: () => boolean = () => true): Promise<boolean> => {
    const { options } = await optionsFor(pathToUri(file));
    if (!stillWanted() || openPaths().has(file)) return false;
    const checked = disk.check(file, options);
    if (!checked) return false;
    pushedDisk.add(file);
    publish(pathToUri(file), checked.result.findings.map((f) => toDiagnostic(f, docsLink)));
    return true;
  };

  /** Pushes diagnostics for the plans in the workspace that are not open, a file at a time so requests are answered in between. */
  let workspaceRun = 0;
  const pushWorkspaceDiagnostics = () => {
    if (pullDiagnostics || folders.length === 0) return;
    const run = ++workspaceRun;
    const files = workspacePlanFiles();
    const open = openPaths();
    let i = 0;
    const step = () => {
      if (run !== workspaceRun || i >= files.length) return;
      const file = files[i++];
      if (!open.has(file)) {
        void pushDiskFile(file, () => run === workspaceRun)
          .catch((e) => logError('checking the workspace', e))
          .finally(() => setImmediate(step));
      } else {
        setImmediate(step);
      }
    };
    setImmediate(step);
  };

  /** Settings, a config file or the set of plans changed: everything is checked again. */
  const recheckAll = () => {
    settingsCache.clear();
    refreshAll();
  };

  /** Checks the open plans again (or asks a pull client to ask again), and refreshes hints and lenses. */
  const refreshAll = () => {
    if (lifecycle === 'shut down') return;
    if (pullDiagnostics) {
      if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      validateOpen(true);
      pushWorkspaceDiagnostics();
    }
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  };

  /** A config file changed, was added or was removed: every plan is checked again with what it now says. */
  const configFilesChanged = () => {
    disk.clear();
    recheckAll();
  };

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (lifecycle !== 'starting') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.');
    const caps = (typeof params?.capabilities === 'object' && params.capabilities) || {};
    canConfigure = caps.workspace?.configuration === true;
    pullDiagnostics = typeof caps.textDocument?.diagnostic === 'object' && caps.textDocument.diagnostic !== null;
    canRefreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    canRefreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
    canRefreshCodeLens = caps.workspace?.codeLens?.refreshSupport === true;
    canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = params.initializationOptions as { settings?: unknown; readmeUrl?: unknown; openPreviewCommand?: unknown } | undefined;
    canOpenPreview = init?.openPreviewCommand === true;
    if (init?.settings && typeof init.settings === 'object') globalSettings = (init.settings as { eqplan?: unknown }).eqplan ?? init.settings;
    // A client can point rule links at the README on the web instead of the copy beside the server.
    if (typeof init?.readmeUrl === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(init.readmeUrl)) docsLink = ruleDocsLink(init.readmeUrl);
    const given: unknown[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
    folders = given
      .map((f) => (f as { uri?: unknown } | null)?.uri)
      .map((u) => (typeof u === 'string' ? uriToPath(u) : undefined))
      .filter((p): p is string => !!p);
    if (folders.length === 0 && typeof params.rootUri === 'string') {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    lifecycle = 'running';
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', '[', ',', '-'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: { label: 'eqplan' },
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        diagnosticProvider: pullDiagnostics ? { identifier: 'eqplan', interFileDependencies: false, workspaceDiagnostics: true } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'eqplan-language-server', version: '0.1.0' },
    };
  });

  connection.onShutdown(() => {
    if (lifecycle === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has already been shut down.');
    lifecycle = 'shut down';
    stopConfigPolling?.();
    debouncer.dispose();
  });

  let initializedOnce = false;
  connection.onInitialized(() => {
    // A client that says `initialized` twice gets its registrations once.
    if (initializedOnce || lifecycle !== 'running') return;
    initializedOnce = true;
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eqplan' }).catch(() => undefined);
    if (canWatchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml}' }],
        })
        .catch(() => undefined);
    } else {
      // Nobody will tell the server that a config file changed: look now and then (the resolver also looks when it is asked for a config).
      const poll = setInterval(() => configs.recheckIfDue(), CONFIG_RECHECK_MS);
      poll.unref();
      stopConfigPolling = () => clearInterval(poll);
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        planFiles = undefined;
        recheckAll();
      });
    } catch {
      // the client does not support workspace folders
    }
    pushWorkspaceDiagnostics();
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change?.settings as { eqplan?: unknown } | null | undefined)?.eqplan;
    if (settings !== undefined) globalSettings = settings;
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    let plansChanged = false;
    // Only well-formed changes (a list of { uri, type }) are looked at.
    const changes = Array.isArray(params?.changes) ? params.changes.filter((c) => typeof c?.uri === 'string') : [];
    for (const change of changes) {
      const file = uriToPath(change.uri);
      const name = path.basename(file ?? change.uri);
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) configChanged = true;
      else if (/\.ya?ml$/i.test(name)) {
        plansChanged = true;
        if (file) disk.forget(file);
        if (change.type !== FileChangeType.Changed) planFiles = undefined;
        if (change.type === FileChangeType.Deleted && file && pushedDisk.has(file)) {
          pushedDisk.delete(file);
          publish(change.uri, []);
        }
      }
    }
    if (configChanged) {
      configs.clear();
      configFilesChanged();
    } else if (plansChanged) {
      if (pullDiagnostics && canRefreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
      else pushWorkspaceDiagnostics();
    }
  });

  // ------------------------------------------------------------------ documents

  /** Documents whose `didOpen` is being handled: the content event that follows it is the opening, not an edit. */
  const justOpened = new Set<string>();

  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    store.forget(e.document.uri);
    if (!pullDiagnostics) void validate(e.document.uri).catch((err) => logError('checking', err));
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (lifecycle === 'shut down') return;
    // An editor that sends a lower version (a reopen, an undo past a reload) has new text all the same: publish for it.
    const last = published.get(uri);
    if (last && last.version >= e.document.version) published.delete(uri);
    // Opening is not typing: it is checked at once (push), and a pull client's first requests are answered at once.
    if (justOpened.delete(uri)) return;
    // Push clients get the check at the pause; pull clients' requests wait for it (`whenSettled`).
    const task = pullDiagnostics ? () => undefined : () => void validate(uri).catch((err) => logError('checking', err));
    // The pause starts now, so requests that wait for it wait from this edit on; reading the settings
    // (a round trip to the editor the first time) sets the delay of the pauses after it.
    debouncer.schedule(uri, task);
    void settingsFor(uri).catch(() => undefined);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    debouncer.cancel(uri);
    store.forget(uri);
    justOpened.delete(uri);
    settingsCache.delete(uri);
    if (pullDiagnostics) return;
    published.delete(uri);
    // A plan on disk in the workspace goes straight back to its on-disk diagnostics (no empty list in between, so its problems do not blink).
    const file = uriToPath(uri);
    const onDisk = !!file && folders.length > 0 && workspacePlanFiles().includes(file);
    // (Clear it under the editor's own URI when that is spelt differently from the one the disk check publishes under.)
    if (!onDisk || pathToUri(file) !== uri) {
      publish(uri, []);
      if (!onDisk) return;
    }
    void pushDiskFile(file)
      .then((pushed) => {
        if (!pushed && !documents.get(uri)) publish(uri, []);
      })
      .catch((e) => {
        logError('checking the workspace', e);
        publish(uri, []);
      });
  });

  // ------------------------------------------------------------------ pull diagnostics

  connection.onRequest(DocumentDiagnosticRequest.type, 
    guard<DocumentDiagnosticParams, DocumentDiagnosticReport>('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const uri = requireUri(params);
      // Pull clients ask after every keystroke; answer once typing pauses, as pushed diagnostics are debounced.
      const ctx = await settledContextFor(uri, token);
      if (!ctx) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${ctx.version}:${optionsKey(ctx.options)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics(ctx, docsLink) };
    }),
  );

  connection.onRequest(WorkspaceDiagnosticRequest.type, 
    guard('workspace diagnostics', { items: [] as WorkspaceDocumentDiagnosticReport[] }, async (params, token) => {
      const previous = requirePreviousResultIds(params);
      const open = openPaths();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const file of workspacePlanFiles()) {
        if (open.has(file)) continue;
        const uri = pathToUri(file);
        const { options } = await optionsFor(uri);
        throwIfCancelled(token);
        const checked = disk.check(file, options);
        if (!checked) continue;
        if (previous.get(uri) === checked.stamp) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: checked.stamp });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: checked.stamp, items: checked.result.findings.map((f) => toDiagnostic(f, docsLink)) });
      }
      return { items };
    }),
  );

  // ------------------------------------------------------------------ features

  connection.onRequest(CompletionRequest.type, 
    guard('completion', null, async (params, token) => {
      const uri = requireUri(params);
      const position = requirePosition(params);
      const ctx = await contextFor(uri, token);
      return ctx ? completion(ctx, position) : null;
    }),
  );

  connection.onRequest(HoverRequest.type, 
    guard('hover', null, async (params, token) => {
      const uri = requireUri(params);
      const position = requirePosition(params);
      const plan = await planFor(uri, token);
      return plan ? store.answerQuickly(plan.doc, plan.options, position, hover) : null;
    }),
  );

  connection.onRequest(CodeActionRequest.type, 
    guard('code actions', null, async (params, token) => {
      const uri = requireUri(params);
      requireCodeActionContext(params);
      const ctx = await settledContextFor(uri, token);
      return ctx ? codeActions(ctx, params) : null;
    }),
  );

  connection.onRequest(DocumentSymbolRequest.type, 
    guard('document symbols', null, async (params, token) => {
      const ctx = await settledContextFor(requireUri(params), token);
      return ctx ? documentSymbols(ctx) : null;
    }),
  );

  connection.onRequest(WorkspaceSymbolRequest.type, 
    guard('workspace symbols', [], async (params, token) => {
      const query = requireQuery(params);
      const out = [];
      const open = new Set<string>();
      for (const doc of documents.all()) {
        const ctx = await contextFor(doc.uri, token);
        const p = uriToPath(doc.uri);
        if (p) open.add(p);
        if (ctx) out.push(...workspaceSymbols(ctx, query));
      }
      for (const file of workspacePlanFiles()) {
        if (open.has(file) || out.length > 1000) continue;
        const uri = pathToUri(file);
        const { options } = await optionsFor(uri);
        throwIfCancelled(token);
        const checked = disk.check(file, options);
        if (checked) out.push(...workspaceSymbols(createPlanContext(uri, 0, checked.result.parsed.text, options, { parsed: () => checked.result.parsed, check: () => checked.result }), query));
      }
      return rankWorkspaceSymbols(query, out).slice(0, 1000);
    }),
  );

  connection.onRequest(DefinitionRequest.type, 
    guard('definition', null, async (params, token) => {
      const position = requirePosition(params);
      const ctx = await contextFor(requireUri(params), token);
      return ctx ? definition(ctx, position) : null;
    }),
  );

  connection.onRequest(ReferencesRequest.type, 
    guard('references', null, async (params, token) => {
      const position = requirePosition(params);
      const context = (params as { context?: unknown }).context;
      if (context !== undefined && (!context || typeof context !== 'object')) throw new ResponseError(ErrorCodes.InvalidParams, 'The references request has a context that is not one ({ includeDeclaration }).');
      const ctx = await contextFor(requireUri(params), token);
      return ctx ? references(ctx, position, params.context?.includeDeclaration !== false) : null;
    }),
  );

  connection.onRequest(PrepareRenameRequest.type, 
    guard('prepare rename', null, async (params, token) => {
      const position = requirePosition(params);
      const ctx = await contextFor(requireUri(params), token);
      return ctx ? prepareRename(ctx, position) : null;
    }),
  );

  connection.onRequest(RenameRequest.type, 
    guard('rename', null, async (params, token) => {
      const position = requirePosition(params);
      if (typeof params.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The rename request has no new name.');
      const ctx = await contextFor(requireUri(params), token);
      return ctx ? rename(ctx, position, params.newName) : null;
    }),
  );

  connection.onRequest(FoldingRangeRequest.type, 
    guard('folding ranges', null, async (params, token) => {
      const ctx = await settledContextFor(requireUri(params), token);
      return ctx ? foldingRanges(ctx) : null;
    }),
  );

  connection.onRequest(CodeLensRequest.type, 
    guard('code lens', null, async (params, token) => {
      const uri = requireUri(params);
      const ctx = await settledContextFor(uri, token);
      return ctx ? codeLenses(ctx, canOpenPreview) : null;
    }),
  );

  connection.onRequest(InlayHintRequest.type, 
    guard('inlay hints', null, async (params, token) => {
      const uri = requireUri(params);
      const range = requireRange(params, 'inlay hint');
      const ctx = await settledContextFor(uri, token);
      if (!ctx) return null;
      const { settings } = await optionsFor(uri);
      return settings.inlayHintsEnabled ? inlayHints(ctx, range) : [];
    }),
  );

  connection.onRequest(
    SummaryRequest.method,
    guard('summary', null, async (params: SummaryParams, token) => {
      const uri = (params as Partial<SummaryParams> | undefined)?.uri;
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'eqplan/summary needs the uri of a document.');
      const ctx = await settledContextFor(uri, token);
      return ctx ? planSummary(ctx) : null;
    }),
  );

  connection.onRequest(
    ReportRequest.method,
    guard('report', null, async (params: ReportParams, token) => {
      const uri = (params as Partial<ReportParams> | undefined)?.uri;
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'eqplan/report needs the uri of a document.');
      const ctx = await settledContextFor(uri, token);
      return ctx ? planReport(ctx) : null;
    }),
  );

  // The document store takes only well-formed notifications: a `didOpen` without text or with a numeric uri would
  // otherwise be kept as a document and break every feature that lists the open documents.
  // (`documents.listen` also sets `__textDocumentSync` on what it is given: here the stand-in, which is harmless
  // because the capabilities above say how documents are synced.)
  const checkedNotifications = Object.create(connection) as Connection;
  const named = (params: unknown) => JSON.stringify((params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri ?? null);
  checkedNotifications.onDidOpenTextDocument = (handler) =>
    connection.onDidOpenTextDocument((params) => (isOpenedDocument(params) ? handler(params) : log(`eqplan: ignored a didOpen notification that is not well formed (document ${named(params)}).`)));
  checkedNotifications.onDidChangeTextDocument = (handler) =>
    connection.onDidChangeTextDocument((params) => (isDocumentChange(params) ? handler(params) : log(`eqplan: ignored a didChange notification that is not well formed (document ${named(params)}).`)));
  checkedNotifications.onDidCloseTextDocument = (handler) =>
    connection.onDidCloseTextDocument((params) => (typeof params?.textDocument?.uri === 'string' ? handler(params) : log('eqplan: ignored a didClose notification without a document uri')));
  documents.listen(checkedNotifications);
  connection.listen();
}
