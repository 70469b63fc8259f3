/**
 * A small LSP client for tests: spawns the bundled server over stdio and
 * talks JSON-RPC to it like an editor, recording what the server pushes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

/** Builds the bundles as `npm run build` does (`node esbuild.mjs`). */
export function buildServer(): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(SERVER)) throw new Error(`node esbuild.mjs failed:\n${result.stdout}\n${result.stderr}`);
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  /** `$/logTrace` messages (after `$/setTrace`): what each parse and check cost. */
  readonly traces: string[] = [];
  /** What `workspace/configuration` answers for the `eqplan` section. */
  settings: Record<string, unknown> = {};
  /** False: `workspace/configuration` is never answered, as by a broken editor. */
  answersSettings = true;
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.process.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification('window/showMessage', (p: unknown) => void this.messages.push((p as { message: string }).message));
    this.connection.onNotification('window/logMessage', (p: unknown) => void this.logs.push((p as { message: string }).message));
    this.connection.onNotification('$/logTrace', (p: unknown) => void this.traces.push((p as { message: string }).message));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => (this.answersSettings ? p.items.map(() => this.settings) : new Promise(() => undefined)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.listen();
  }

  /** The next publishDiagnostics (already received or still to come) that passes `test`. */
  waitForDiagnostics(test: (p: PublishDiagnosticsParams) => boolean, includeReceived = true): Promise<PublishDiagnosticsParams> {
    const seen = includeReceived ? this.diagnostics.find(test) : undefined;
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Publications for a document. */
  diagnosticsFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.uri === uri);
  }
}
