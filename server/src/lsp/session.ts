/**
 * What the whole server shares: where it is in the LSP lifecycle, what the
 * client said it supports, where rule links point, and how to log and show a
 * problem. Every request handler is wrapped by `guard`.
 */
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CancellationToken, type Connection } from 'vscode-languageserver';
import { ruleDocsLink, type RuleDocsLink } from '../features/diagnostics';

/** LSP lifecycle: requests before `initialize` and after `shutdown` are errors. */
export type Phase = 'starting' | 'running' | 'shut down';

/** What the client said in `initialize` that it can do. */
export interface ClientSupport {
  /** `workspace/configuration`: the server asks for each document's settings. */
  configuration: boolean;
  /** Pull diagnostics: the client asks for them, the server does not push. */
  pullDiagnostics: boolean;
  refreshDiagnostics: boolean;
  refreshInlayHints: boolean;
  refreshCodeLens: boolean;
  /** Registering file watchers (for config files and plans on disk). */
  watchFiles: boolean;
  /** The `eqplan.openPreview` command (the eqplan VS Code extension). */
  openPreview: boolean;
  /** `workspace/didChangeConfiguration` may be registered dynamically (only then is it registered). */
  registerConfigurationChanges: boolean;
  /** Hovers in markdown (else plain text). */
  hoverMarkdown: boolean;
  /** Completion documentation in markdown (else plain text). */
  completionDocsMarkdown: boolean;
  /** Completion snippets (`${1:…}`); without them, plain insert text. */
  snippets: boolean;
}

export const NOTHING_SUPPORTED: ClientSupport = {
  configuration: false,
  pullDiagnostics: false,
  refreshDiagnostics: false,
  refreshInlayHints: false,
  refreshCodeLens: false,
  watchFiles: false,
  openPreview: false,
  registerConfigurationChanges: false,
  hoverMarkdown: true,
  completionDocsMarkdown: true,
  snippets: false,
};

export class Session {
  phase: Phase = 'starting';
  client: ClientSupport = NOTHING_SUPPORTED;
  /** Where a diagnostic's rule id links to. */
  docsLink: RuleDocsLink;
  private readonly shownProblems = new Set<string>();

  constructor(
    readonly connection: Connection,
    readmeUrl: string,
  ) {
    this.docsLink = ruleDocsLink(readmeUrl);
  }

  get shutDown(): boolean {
    return this.phase === 'shut down';
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  logError(what: string, e: unknown): void {
    this.connection.console.error(`eqplan: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  /** Shows a settings or config problem once (per distinct message) and logs it. */
  showProblemOnce(message: string): void {
    if (this.shownProblems.has(message)) return;
    this.shownProblems.add(message);
    this.log(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /**
   * Wraps a request handler: outside the running phase the request is an
   * error; an exception is logged and answered with `fallback`, never fatal;
   * a ResponseError (InvalidParams, RequestCancelled) goes to the client.
   */
  guard<P, R>(name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      if (this.phase === 'starting') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized yet: send initialize first.');
      if (this.phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down: only exit is accepted now.');
      try {
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.logError(name, e);
        return fallback;
      }
    };
  }
}
