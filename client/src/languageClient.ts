/**
 * Starts the bundled language server (dist/server.js) over IPC and keeps it
 * running: if it dies it is restarted (up to five times in three minutes),
 * and "eqplan: Restart Server" restarts it on demand. Everything else in the
 * client reaches the server through `PlanServer`.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ChangesRequest, ImportRequest, ReportRequest, SummaryRequest, type ChangesResult, type ImportResult, type ReportResult, type SummaryResult } from '../../server/src/protocol';
import { RED_HAT_YAML_EXTENSION, withoutSyntaxErrors } from './redHatYaml';
import { SERVER_EXEC_ARGV, serverEnv } from './serverProcess';

/** Is Red Hat's YAML extension installed and validating open YAML files? */
function redHatYamlValidates(): boolean {
  return !!vscode.extensions.getExtension(RED_HAT_YAML_EXTENSION) && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true);
}

export type ServerState = 'starting' | 'running' | 'stopped';

export class PlanServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  /** Fires when the server starts, stops or restarts. */
  readonly onDidChangeState = this.stateEmitter.event;
  private current: ServerState = 'stopped';
  private readonly crashes: number[] = [];
  private configWatcher: vscode.FileSystemWatcher | undefined;
  private failed = false;

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

  get state(): ServerState {
    return this.current;
  }

  /** True when the server could not start or stopped too often and is not being restarted. */
  get gaveUp(): boolean {
    return this.failed;
  }

  private setState(s: ServerState): void {
    this.current = s;
    this.stateEmitter.fire(s);
  }

  private create(): LanguageClient {
    const module = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: serverEnv(process.env) } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every YAML document of any scheme (file, untitled, virtual workspaces): the server checks
      // the ones that are plans (by name or by `eqplan: 1`) and leaves other YAML alone.
      documentSelector: [{ language: 'yaml' }],
      synchronize: {
        configurationSection: 'eqplan',
        fileEvents: this.watchConfigFiles(),
      },
      // openPreviewCommand: this client has the preview, so the server may offer an "Open preview" lens.
      initializationOptions: { settings: vscode.workspace.getConfiguration('eqplan'), openPreviewCommand: true },
      outputChannel: this.output,
      diagnosticCollectionName: 'eqplan',
      // Syntax errors in an open plan are listed once: by Red Hat's YAML extension when it validates.
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => next(uri, redHatYamlValidates() ? withoutSyntaxErrors(diagnostics) : diagnostics),
        provideDiagnostics: async (document, previousResultId, token, next) => {
          const report = await next(document, previousResultId, token);
          if (report && report.kind === 'full' && redHatYamlValidates()) return { ...report, items: withoutSyntaxErrors(report.items) };
          return report;
        },
      },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          const now = Date.now();
          this.crashes.push(now);
          while (this.crashes.length && now - this.crashes[0] > 3 * 60_000) this.crashes.shift();
          if (this.crashes.length > 5) {
            this.failed = true;
            this.setState('stopped');
            return {
              action: CloseAction.DoNotRestart,
              message: 'The eqplan checker stopped five times in three minutes and has not been restarted. Run "eqplan: Restart Server" to try again, and see the "eqplan" output for details.',
            };
          }
          this.output.appendLine('The eqplan checker stopped unexpectedly; restarting it.');
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    const client = new LanguageClient('eqplan', 'eqplan', serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting) this.setState('starting');
      else this.setState('stopped');
    });
    return client;
  }

  /** One watcher for config files, however often the server is restarted. */
  private watchConfigFiles(): vscode.FileSystemWatcher {
    this.configWatcher ??= vscode.workspace.createFileSystemWatcher('**/{.eqplanrc.yaml,.eqplanrc.yml,eqplan.config.json}');
    return this.configWatcher;
  }

  /** Starts the server if it is not running (called when the first plan is opened). */
  async start(): Promise<void> {
    if (this.client) return;
    this.client = this.create();
    this.setState('starting');
    try {
      await this.client.start();
    } catch (e) {
      this.failed = true;
      this.setState('stopped');
      this.output.appendLine(`The eqplan checker could not start: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('The eqplan checker could not start. See the "eqplan" output for details.');
    }
  }

  async restart(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    this.crashes.length = 0;
    this.failed = false;
    if (old) {
      try {
        await old.stop(5000);
      } catch {
        // already stopped
      }
      await old.dispose();
    }
    await this.start();
  }

  /** True once the server is running and has answered `initialize`. */
  isRunning(): boolean {
    return !!this.client && this.client.state === State.Running;
  }

  /** The plan summary of an open document, from the server; null when it is not a plan (or the server is not running). */
  summary(uri: vscode.Uri): Promise<SummaryResult> {
    return this.request(SummaryRequest.method, () => this.client?.sendRequest(SummaryRequest.type, { uri: uri.toString() }), uri);
  }

  /** What the HTML report of an open document shows, from the server's latest check; null when it is not a plan (or the server is not running). */
  report(uri: vscode.Uri): Promise<ReportResult> {
    return this.request(ReportRequest.method, () => this.client?.sendRequest(ReportRequest.type, { uri: uri.toString() }), uri);
  }

  /** What changed in an open plan since the last commit (or its upstream branch), and RAG over its git history; null when it is not a plan (or the server is not running). */
  changes(uri: vscode.Uri): Promise<ChangesResult> {
    return this.request(ChangesRequest.method, () => this.client?.sendRequest(ChangesRequest.type, { uri: uri.toString() }), uri);
  }

  /** Sends a request once the server is running (starting it if need be); null when it cannot run or the request fails. */
  private async request<R>(method: string, send: () => Promise<R> | undefined, uri: vscode.Uri): Promise<R | null> {
    if (!this.client) await this.start();
    const client = this.client;
    if (!client) return null;
    if (client.state !== State.Running) {
      await new Promise<void>((resolve) => {
        const sub = client.onDidChangeState((e) => {
          if (e.newState !== State.Starting) {
            sub.dispose();
            resolve();
          }
        });
        if (client.state !== State.Starting) {
          sub.dispose();
          resolve();
        }
      });
      if ((client.state as State) !== State.Running) return null;
    }
    try {
      return (await send()) ?? null;
    } catch (e) {
      this.output.appendLine(`${method} failed for ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  /** A plan read by the server from a Word, Excel or CSV file (`eqplan/import`); the server is started if it is not running. */
  async importPlan(file: vscode.Uri): Promise<ImportResult> {
    if (!this.client) await this.start();
    const client = this.client;
    if (client && client.state === State.Starting) {
      await new Promise<void>((resolve) => {
        const sub = client.onDidChangeState((e) => {
          if (e.newState !== State.Starting) {
            sub.dispose();
            resolve();
          }
        });
      });
    }
    if (!client || (client.state as State) !== State.Running) return { ok: false, message: 'The eqplan checker is not running. Run "eqplan: Restart Server" and try again.' };
    try {
      return await client.sendRequest(ImportRequest.type, { uri: file.toString() });
    } catch (e) {
      this.output.appendLine(`eqplan/import failed for ${file.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      return { ok: false, message: 'The file could not be imported. See the "eqplan" output for details.' };
    }
  }

  /** Stops the server (deactivate waits for it, so the process does not outlive the window). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    this.configWatcher?.dispose();
    this.stateEmitter.dispose();
  }
}

/**
 * Starts the server when the first plan is opened (the extension also
 * activates for ordinary YAML files, which should cost nothing).
 */
export function registerLazyStart(context: vscode.ExtensionContext, server: PlanServer, isPlan: (d: vscode.TextDocument) => boolean): void {
  const check = (doc: vscode.TextDocument) => {
    if (isPlan(doc)) void server.start();
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    server,
  );
}
