/**
 * The LSP lifecycle: `initialize` (what the client supports, the workspace
 * folders, the server's capabilities), `initialized` (registrations, and the
 * first push of the workspace's diagnostics) and `shutdown`.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAMES } from '../core';
import { FIX_ALL_KIND } from '../features/codeActions';
import { ruleDocsLink } from '../features/diagnostics';
import { listenForFolderChanges } from './changes';
import { field } from './params';
import { CONFIG_RECHECK_MS, type Configuration } from './configuration';
import type { Debouncer } from './debouncer';
import type { Diagnostics } from './diagnostics';
import type { ClientSupport, Session } from './session';
import type { WorkspacePlans } from './workspace';
import { uriToPath } from './workspaceFiles';

/** What the server needs to hear about the lifecycle. */
export interface LifecycleParts {
  session: Session;
  configuration: Configuration;
  workspace: WorkspacePlans;
  diagnostics: Diagnostics;
  debouncer: Debouncer;
}

/**
 * Does a client that lists the formats it reads take markdown? A client that
 * lists none is given markdown, as before (VS Code and Neovim list it); one
 * that lists only `plaintext` (ALE, eglot without markdown-mode) gets plain text.
 */
function readsMarkdown(formats: unknown): boolean {
  return !Array.isArray(formats) || formats.includes(MarkupKind.Markdown);
}

/** What a client's capabilities (whatever shape they come in) say it supports. */
export function clientSupport(caps: ClientCapabilities, openPreview: boolean): ClientSupport {
  const completionItem = caps.textDocument?.completion?.completionItem;
  return {
    configuration: caps.workspace?.configuration === true,
    pullDiagnostics: typeof caps.textDocument?.diagnostic === 'object' && caps.textDocument.diagnostic !== null,
    refreshDiagnostics: caps.workspace?.diagnostics?.refreshSupport === true,
    refreshInlayHints: caps.workspace?.inlayHint?.refreshSupport === true,
    refreshCodeLens: caps.workspace?.codeLens?.refreshSupport === true,
    watchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    openPreview,
    // The spec allows registering only what the client says it can register (eglot warns otherwise, on every start).
    registerConfigurationChanges: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    hoverMarkdown: readsMarkdown(caps.textDocument?.hover?.contentFormat),
    completionDocsMarkdown: readsMarkdown(completionItem?.documentationFormat),
    snippets: completionItem?.snippetSupport === true,
  };
}

/** What the server can do; diagnostics are offered for pulling only to clients that pull. */
export function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
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
    diagnosticProvider: client.pullDiagnostics ? { identifier: 'eqplan', interFileDependencies: false, workspaceDiagnostics: true } : undefined,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** The workspace folders of `initialize` as paths on disk: its folders, else its root. */
function initialFolders(params: InitializeParams): string[] {
  const given: unknown[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
  const folders = given
    .map((f) => field(f, 'uri'))
    .map((u) => (typeof u === 'string' ? uriToPath(u) : undefined))
    .filter((p): p is string => !!p);
  if (folders.length === 0 && typeof params.rootUri === 'string') {
    const root = uriToPath(params.rootUri);
    if (root) return [root];
  }
  return folders;
}

/**
 * The `eqplan` settings a client sends with `initialize`, in any of the
 * shapes editors' configurations use: `{ settings: { eqplan: {…} } }` (as
 * `didChangeConfiguration` sends them), `{ eqplan: {…} }`, or
 * `{ settings: {…} }` with the settings themselves. Undefined when there are none.
 */
export function settingsInInitializationOptions(init: unknown): unknown {
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  const settings = field(init, 'settings');
  if (isObject(settings)) return field(settings, 'eqplan') ?? settings;
  const section = field(init, 'eqplan');
  return isObject(section) ? section : undefined;
}

export function registerLifecycle(connection: Connection, { session, configuration, workspace, diagnostics, debouncer }: LifecycleParts): void {
  let stopConfigPolling: (() => void) | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (session.phase !== 'starting') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.');
    const caps = (typeof params?.capabilities === 'object' && params.capabilities) || {};
    const init: unknown = params.initializationOptions;
    session.client = clientSupport(caps, field(init, 'openPreviewCommand') === true);
    const settings = settingsInInitializationOptions(init);
    if (settings !== undefined) configuration.setGlobalSettings(settings);
    // A client that cannot be asked, and sent nothing now, sends its settings next (Neovim, ALE): the first checks wait for them.
    else if (!session.client.configuration) configuration.waitForSettings();
    // A client can point rule links at the README on the web instead of the copy beside the server.
    const readmeUrl = field(init, 'readmeUrl');
    if (typeof readmeUrl === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(readmeUrl)) session.docsLink = ruleDocsLink(readmeUrl);
    workspace.setFolders(initialFolders(params));
    session.phase = 'running';
    return { capabilities: serverCapabilities(session.client), serverInfo: { name: 'eqplan-language-server', version: '0.1.0' } };
  });

  connection.onShutdown(() => {
    if (session.phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has already been shut down.');
    session.phase = 'shut down';
    stopConfigPolling?.();
    debouncer.dispose();
  });

  let initializedOnce = false;
  connection.onInitialized(() => {
    // A client that says `initialized` twice gets its registrations once.
    if (initializedOnce || session.phase !== 'running') return;
    initializedOnce = true;
    if (session.client.registerConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eqplan' }).catch(() => undefined);
    if (session.client.watchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml}' }],
        })
        .catch(() => undefined);
    } else {
      // Nobody will tell the server that a config file changed: look now and then (the resolver also looks when it is asked for a config).
      const poll = setInterval(() => configuration.configs.recheckIfDue(), CONFIG_RECHECK_MS);
      poll.unref();
      stopConfigPolling = () => clearInterval(poll);
    }
    listenForFolderChanges(connection, workspace, diagnostics);
    diagnostics.pushWorkspace();
  });
}
