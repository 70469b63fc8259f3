/**
 * Language server benchmark: the built server (`dist/server.js`) over stdio,
 * as an editor drives it, beside yaml-language-server given the plan format's
 * JSON Schema, on the same files and the same edits in the same run.
 *
 * For a real-size plan (100 actions) and a 5,000-action plan it times 50
 * one-character edits, each from the `didChange` to the `publishDiagnostics`
 * for that version read back (the round trip), with the default settings and
 * with `debounceMs: 0`; for eqplan also the server side of it, from the
 * change arriving to its diagnostics written, which the server reports in its
 * `$/logTrace` messages (`trace: messages`); and it reads the server's
 * memory (RSS) with the large plan open, after the first 100 of 1,000 edits
 * and after all of them, and after the plan is closed. Asserts nothing.
 *   node --import tsx tests/bench/server.ts
 * `npm run bench` imports `serverRows` for its table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV, serverEnv } from '../../client/src/serverProcess';
import { IDLE_MS } from '../../server/src/lsp/memory';
import { generatePlan } from './generate';
import type { BenchRow } from './row';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const YAML_SERVER = join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA = join(ROOT, 'schemas/equality-plan.schema.json');
/** yaml-language-server waits this long after each change before it validates (`validationDelayMs`, not a setting). */
const YAML_SERVER_DELAY_MS = 200;
const EDITS = Number(process.env.BENCH_SERVER_EDITS ?? 50);
const MEMORY_EDITS = Number(process.env.BENCH_SERVER_MEMORY_EDITS ?? 1000);
/** Memory is also read after this many of those edits: growth is measured from there. */
const MEMORY_EDITS_EARLY = 100;
/** How long the server is left idle before its memory is read (see `settled` below): its idle collection, then time for the pages to go back. */
const SETTLE_MS = IDLE_MS + 1500;

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/** One language server process and its connection, with the diagnostics it publishes. */
class Server {
  readonly connection: MessageConnection;
  private readonly waiting: { uri: string; version?: number; resolve: (p: Published) => void }[] = [];
  /** eqplan's own account (`$/logTrace`) of how long after each change its diagnostics were written, by `uri@version`. */
  private readonly serverMs = new Map<string, number>();
  private readonly traceWaiting = new Map<string, (ms: number) => void>();

  private constructor(readonly process: ChildProcess, settings: Record<string, unknown>) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const i = this.waiting.findIndex((w) => w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version));
      if (i >= 0) this.waiting.splice(i, 1)[0].resolve(p);
    });
    // Both servers ask for their settings section; each gets its own.
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section ? (settings[item.section] ?? null) : settings)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/logTrace', (p: { message: string }) => {
      const m = /^eqplan: diagnostics of (\S+) version (\d+) written ([\d.]+) ms after the change arrived$/.exec(p.message);
      if (!m) return;
      const key = `${m[1]}@${m[2]}`;
      this.serverMs.set(key, Number(m[3]));
      this.traceWaiting.get(key)?.(Number(m[3]));
    });
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  static async start(command: string[], settings: Record<string, unknown>, initializationOptions: unknown, env: NodeJS.ProcessEnv = process.env, trace: 'off' | 'messages' = 'off', pull = false): Promise<Server> {
    const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'ignore'], cwd: ROOT, env });
    const server = new Server(child, settings);
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // A pull client (as VS Code is) asks for diagnostics; else they are pushed.
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
      trace,
    });
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return server;
  }

  /** The next publication for `uri` (for `version` or later, when the server says versions). */
  published(uri: string, version?: number): Promise<Published> {
    return new Promise((resolve) => this.waiting.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string): Promise<void> {
    const first = this.published(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await first;
  }

  /** Sends one edit and resolves with the milliseconds until its diagnostics are published. */
  async change(uri: string, version: number, at: { line: number; character: number }, text: string): Promise<number> {
    const done = this.published(uri, version);
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
    await done;
    return performance.now() - started;
  }

  /**
   * Pull mode (as VS Code asks): sends one edit, then asks for the document's
   * diagnostics, and resolves with the milliseconds until the full report is read.
   */
  async changeAndPull(uri: string, version: number, at: { line: number; character: number }, text: string, previousResultId: string | undefined): Promise<{ ms: number; resultId?: string; items: number }> {
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as { kind: string; resultId?: string; items?: unknown[] };
    return { ms: performance.now() - started, resultId: report.resultId, items: report.items?.length ?? -1 };
  }

  /** The server's own account of a version's edit (started with trace `messages`): from the change arriving to its diagnostics written. */
  serverSide(uri: string, version: number): Promise<number> {
    const key = `${uri}@${version}`;
    const known = this.serverMs.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not say how long version ${version} took`)), 10_000);
      this.traceWaiting.set(key, (ms) => {
        clearTimeout(timer);
        this.traceWaiting.delete(key);
        resolve(ms);
      });
    });
  }

  /** The process's resident memory in MB (Linux `/proc`; `ps` elsewhere). */
  rssMb(): number {
    const pid = this.process.pid as number;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      if (kb) return Number(kb) / 1024;
    } catch {
      // not Linux
    }
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** Where the benchmark's edits go: inside an action's text, spread over the plan. */
function editPlaces(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const actionLines = lines.map((l, i) => (l.startsWith('        action: Deliver workshop series') ? i : -1)).filter((i) => i >= 0);
  return Array.from({ length: count }, (_, k) => {
    const line = actionLines[Math.floor(((k * 7919) % actionLines.length) + 0)];
    return { line, character: '        action: Deliver workshop'.length };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Timed {
  median: number;
  p95: number;
  /** The server side (eqplan's trace), when asked for. */
  server?: { median: number; p95: number };
}

/** Opens the plan, makes the edits one after another (each waits for its diagnostics), closes it. */
async function timeEdits(server: Server, uri: string, text: string, edits: number, serverSide = false): Promise<Timed> {
  await server.open(uri, text);
  const times: number[] = [];
  const own: number[] = [];
  let version = 1;
  for (const at of editPlaces(text, edits)) {
    times.push(await server.change(uri, ++version, at, 'x'));
    if (serverSide) own.push(await server.serverSide(uri, version));
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { median: percentile(times, 50), p95: percentile(times, 95), server: serverSide ? { median: percentile(own, 50), p95: percentile(own, 95) } : undefined };
}

// eqplan's server is started as the VS Code extension starts it (client/src/serverProcess.ts).
const eqplanCommand = [...SERVER_EXEC_ARGV, SERVER, '--stdio'];
const eqplanEnv = serverEnv(process.env);
const yamlCommand = [YAML_SERVER, '--stdio'];

function yamlSettings(uri: string): Record<string, unknown> {
  return { yaml: { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: { [pathToFileURL(SCHEMA).href]: [uri, '*.eqplan.yaml'] } } };
}

/**
 * The server section of `npm run bench`: latency of one-character edits
 * (ours with default settings and `debounceMs: 0`, yaml-language-server
 * with its schema), the ratio, and memory.
 */
export async function serverRows(): Promise<BenchRow[]> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first.');
  const rows: BenchRow[] = [];
  const plans: [string, string][] = [
    ['100 actions', generatePlan(4, 25)],
    ['5,000 actions', generatePlan(50, 100)],
  ];
  const yamlAvailable = existsSync(YAML_SERVER);
  for (const [name, text] of plans) {
    const uri = pathToFileURL(join(ROOT, `bench-${name.replace(/\D/g, '')}.eqplan.yaml`)).href;
    const large = name.startsWith('5');

    const defaults = await Server.start(eqplanCommand, { eqplan: {} }, {}, eqplanEnv);
    const byDefault = await timeEdits(defaults, uri, text, EDITS);
    await defaults.stop();
    rows.push({ section: 'server', what: `one-character edit, ${name}, default settings, p50`, value: byDefault.median, unit: 'ms', goal: large ? undefined : '<= 100 ms from the keystroke', met: large ? undefined : byDefault.median <= 100 });
    rows.push({ section: 'server', what: `one-character edit, ${name}, default settings, p95`, value: byDefault.p95, unit: 'ms' });

    const immediate = await Server.start(eqplanCommand, { eqplan: { debounceMs: 0 } }, { debounceMs: 0 }, eqplanEnv, 'messages');
    const atOnce = await timeEdits(immediate, uri, text, EDITS, true);
    await immediate.stop();
    const own = atOnce.server!;
    // As VS Code asks for them: pulled after each edit.
    const puller = await Server.start(eqplanCommand, { eqplan: { debounceMs: 0 } }, { debounceMs: 0 }, eqplanEnv, 'off', true);
    await puller.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    let resultId = ((await puller.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { resultId?: string }).resultId;
    const pulled: number[] = [];
    let pullVersion = 1;
    for (const at of editPlaces(text, EDITS)) {
      const answer = await puller.changeAndPull(uri, ++pullVersion, at, 'x', resultId);
      if (answer.items < 0) throw new Error('the server did not answer a pull with a full report after an edit');
      resultId = answer.resultId;
      pulled.push(answer.ms);
    }
    await puller.stop();
    rows.push({ section: 'server', what: `one-character edit, ${name}, debounceMs 0, server side, p50`, value: own.median, unit: 'ms', goal: large ? '<= 50 ms server side' : undefined, met: large ? own.median <= 50 : undefined, note: 'change arrived to diagnostics written (the server trace)' });
    rows.push({ section: 'server', what: `one-character edit, ${name}, debounceMs 0, server side, p95`, value: own.p95, unit: 'ms' });
    rows.push({ section: 'server', what: `one-character edit, ${name}, debounceMs 0, round trip, p50`, value: atOnce.median, unit: 'ms', note: 'sent to diagnostics read back: the client reading them included' });
    rows.push({ section: 'server', what: `one-character edit, ${name}, debounceMs 0, round trip, p95`, value: atOnce.p95, unit: 'ms' });
    rows.push({ section: 'server', what: `one-character edit, ${name}, debounceMs 0, pulled (as VS Code asks), p50`, value: percentile(pulled, 50), unit: 'ms', note: 'didChange, then textDocument/diagnostic: to the full report read back' });

    if (yamlAvailable) {
      const yaml = await Server.start(yamlCommand, yamlSettings(uri), {});
      const theirs = await timeEdits(yaml, uri, text, EDITS);
      await yaml.stop();
      const withoutDelay = Math.max(0.1, theirs.median - YAML_SERVER_DELAY_MS);
      rows.push({ section: 'server', what: `yaml-language-server, same edit, ${name}, p50`, value: theirs.median, unit: 'ms', note: `includes its fixed ${YAML_SERVER_DELAY_MS} ms delay` });
      rows.push({ section: 'server', what: `yaml-language-server, same edit, ${name}, p95`, value: theirs.p95, unit: 'ms' });
      const ratio = withoutDelay / atOnce.median;
      rows.push({
        section: 'server',
        what: `yaml-language-server / eqplan, ${name}`,
        value: ratio,
        unit: 'x',
        goal: large ? '>= 15x' : undefined,
        met: large ? ratio >= 15 : undefined,
        note: `yaml-language-server without its ${YAML_SERVER_DELAY_MS} ms delay over eqplan with debounceMs 0`,
      });
    }
  }

  // Memory with the large plan open, after many edits, after it is closed.
  const [, text] = plans[1];
  const uri = pathToFileURL(join(ROOT, 'bench-memory.eqplan.yaml')).href;
  const server = await Server.start(eqplanCommand, { eqplan: { debounceMs: 0 } }, { debounceMs: 0 }, eqplanEnv);
  // Each reading is the size the server settles at: after a request it has answered (so it has finished what
  // came before: the publication the bench waited for, and the collection that may follow it), then idle long
  // enough for the collection the server makes once idle (IDLE_MS) and for V8 and the C library to hand the
  // pages it freed back to the system, which they do over the second or so after it.
  const settled = async (): Promise<number> => {
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return server.rssMb();
  };
  const before = await settled();
  await server.open(uri, text);
  const open = await settled();
  let version = 1;
  // Growth over the edits is read from the first hundred on: the first edits add what typing needs once
  // (the optimised code of the edit path, the structures an incremental check keeps), a step, not a leak.
  const places = editPlaces(text, MEMORY_EDITS);
  const early = Math.min(MEMORY_EDITS_EARLY, places.length);
  for (const at of places.slice(0, early)) await server.change(uri, ++version, at, 'x');
  const firstEdits = await settled();
  for (const at of places.slice(early)) await server.change(uri, ++version, at, 'x');
  const edited = await settled();
  const closed = server.published(uri);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await closed;
  const afterClose = await settled();
  await server.stop();
  rows.push({ section: 'server', what: 'memory (RSS) before any plan is open', value: before, unit: 'MB' });
  rows.push({ section: 'server', what: 'memory (RSS), 5,000-action plan open', value: open, unit: 'MB', goal: '<= 150 MB', met: open <= 150 });
  rows.push({ section: 'server', what: `memory (RSS) after ${early} edits`, value: firstEdits, unit: 'MB', note: `open: ${open.toFixed(0)} MB` });
  rows.push({
    section: 'server',
    what: `memory (RSS) after ${MEMORY_EDITS.toLocaleString('en-GB')} edits`,
    value: edited,
    unit: 'MB',
    goal: `no growth (within 10% of after ${early})`,
    met: edited <= firstEdits * 1.1,
    note: `${(edited / firstEdits).toFixed(2)}x after ${early} edits, ${(edited / open).toFixed(2)}x open`,
  });
  rows.push({ section: 'server', what: 'memory (RSS) after the plan is closed', value: afterClose, unit: 'MB', goal: 'returns', met: afterClose <= before + (open - before) * 0.5, note: `before opening: ${before.toFixed(0)} MB` });
  return rows;
}

function show(rows: BenchRow[]): void {
  for (const r of rows) {
    const value = r.unit === 'x' ? `${r.value.toFixed(1)}x` : `${r.value.toFixed(r.value < 10 ? 1 : 0)} ${r.unit}`;
    const goal = r.goal ? `${r.goal} ${r.met ? 'met' : 'NOT met'}` : '';
    console.log(`${r.what.padEnd(58)} ${value.padStart(9)}  ${goal.padEnd(36)} ${r.note ?? ''}`);
  }
}

if (require.main === module) {
  serverRows().then(show, (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
