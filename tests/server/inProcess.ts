/**
 * An LSP client and the real server (`startServer`) in this process, joined
 * by two streams, as vscode-languageserver-node's own tests pair them: a full
 * JSON-RPC round trip with no built bundle and no child process. Tests of the
 * server over stdio, as editors run it, use `lspClient.ts`.
 *
 * Never send `exit` here: the server's connection ends the process on it.
 */
import { PassThrough } from 'node:stream';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createConnection, type Connection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/server';
import type { PlanStore } from '../../server/src/lsp/store';

export interface InProcessOptions {
  /** "Today" for the server's checks (fixed, so findings do not depend on the day the tests run), or the clock to ask. */
  localToday?: string | (() => string);
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  rootUri?: string | null;
  /** A document store the test can read (to count parses and checks). */
  store?: PlanStore;
}

export class InProcessClient {
  readonly connection: ProtocolConnection;
  readonly server: Connection;
  /** Everything the server published, in order. */
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  /** `window/showMessage` texts. */
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  /** What `workspace/configuration` answers for the `eqplan` section. */
  settings: Record<string, unknown> = {};
  /** While set, `workspace/configuration` is answered only when this promise settles (an editor slow to answer). */
  configurationHeld: Promise<void> | undefined;
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  private constructor(options: InProcessOptions) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const today = options.localToday ?? '2024-01-15';
    const localToday = typeof today === 'string' ? () => today : today;
    startServer(this.server, { readmeUrl: 'https://example.org/README.md', localToday, store: options.store });
    this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.messages.push(p.message));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
      await this.configurationHeld;
      return p.items.map(() => this.settings);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** Starts a server, and initializes it as a client with these capabilities would. */
  static async start(options: InProcessOptions = {}): Promise<{ client: InProcessClient; initialized: InitializeResult }> {
    const client = new InProcessClient(options);
    const initialized: InitializeResult = await client.connection.sendRequest('initialize', {
      processId: null,
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    return { client, initialized };
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-text change). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next publishDiagnostics (already received or still to come) that passes `test`. */
  waitForDiagnostics(test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Shuts the server down and closes both ends (no `exit`: see above). */
  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    this.server.dispose();
  }
}
