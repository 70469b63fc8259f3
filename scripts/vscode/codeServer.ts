/**
 * Runs a real VS Code for the end-to-end tests: code-server 4.100.3 (VS Code
 * 1.100.3's workbench and Node extension host), shown in Debian's Chromium
 * through playwright-core. Installed by install-code-server.sh into a cache
 * folder; each run gets fresh user-data and extension folders and a free port,
 * and the server is stopped by its process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');
export const CACHE = process.env.EQPLAN_VSCODE_CACHE || path.join(homedir(), '.cache', 'eqplan-code-server');
export const CHROMIUM = process.env.EQPLAN_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Installs code-server and Chromium into the cache (quick when already there). */
export function ensureCodeServer(): string {
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'vscode', 'install-code-server.sh'), CACHE], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Installing code-server failed (see above).');
  const entry = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server is missing at ${entry}`);
  return entry;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface Session {
  port: number;
  url: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A fresh folder for one run: user data (with settings), extensions, the
 * workspace (a copy of samples/, or of only the named sample files).
 */
export function makeRunDirs(name: string, only?: string[], settings: Record<string, unknown> = {}): { root: string; userDataDir: string; extensionsDir: string; workspace: string } {
  const root = mkdtempSync(path.join(tmpdir(), `eqplan-${name}-`));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'git.enabled': false,
        'window.restoreWindows': 'none',
        ...settings,
      },
      null,
      2,
    ),
  );
  if (only) {
    mkdirSync(workspace, { recursive: true });
    for (const f of only) cpSync(path.join(REPO, 'samples', f), path.join(workspace, f));
  } else {
    cpSync(path.join(REPO, 'samples'), workspace, { recursive: true, filter: (src) => !src.endsWith('.expected.json') });
  }
  return { root, userDataDir, extensionsDir, workspace };
}

/** Installs a VSIX into an extensions folder with code-server's own installer. */
export function installVsix(entry: string, vsix: string, userDataDir: string, extensionsDir: string): void {
  const r = spawnSync(process.execPath, [entry, '--config', path.join(path.dirname(userDataDir), 'code-server.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (r.status !== 0 || !/successfully installed/i.test(`${r.stdout}${r.stderr}`)) {
    throw new Error(`Installing ${vsix} into code-server failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** Starts code-server on a free port and waits until it answers. */
export async function startCodeServer(
  entry: string,
  dirs: { root: string; userDataDir: string; extensionsDir: string; workspace: string },
  env: Record<string, string> = {},
): Promise<Session> {
  const port = await freePort();
  const logFile = path.join(dirs.root, 'code-server.log');
  const { openSync } = await import('node:fs');
  const log = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [entry, '--config', path.join(dirs.root, 'code-server.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', dirs.workspace],
    { stdio: ['ignore', log, log], env: { ...process.env, ...env } },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); log:\n${readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start; log:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    url,
    ...dirs,
    logFile,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Builds the bundles and the VSIX unless told not to (EQPLAN_SKIP_PACKAGE=1 reuses eqplan.vsix). */
export function ensureVsix(): string {
  const vsix = path.join(REPO, 'eqplan.vsix');
  if (process.env.EQPLAN_SKIP_PACKAGE === '1' && existsSync(vsix)) return vsix;
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error('npm run package failed (see above).');
  return vsix;
}
