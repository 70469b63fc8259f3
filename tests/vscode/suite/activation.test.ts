import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, openPlan, waitFor } from './helpers';

describe('activation', () => {
  it('activates for a plan and starts the language server', async () => {
    await openPlan('leicester-2019-20.eqplan.yaml');
    const ext = await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(ext, true);
    const eqplan = await api();
    await waitFor('the language server to run', () => eqplan.serverRunning(), 60_000);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['eqplan.openPreview', 'eqplan.exportReport', 'eqplan.newPlan', 'eqplan.fixAll', 'eqplan.restartServer']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
  });

  it('treats *.eqplan.yaml as YAML', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    assert.equal(editor.document.languageId, 'yaml');
  });

  it('restarts the language server on request and keeps checking', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    const eqplan = await api();
    await vscode.commands.executeCommand('eqplan.restartServer');
    await waitFor('the language server to run again', () => eqplan.serverRunning(), 60_000);
    const summary = await waitFor('a summary from the restarted server', () => eqplan.summary(editor.document.uri), 60_000);
    assert.equal(summary.totals.overdue, 3);
  });

  it('restarts the language server when it dies', async () => {
    const editor = await openPlan('leicester-2019-20.eqplan.yaml');
    const eqplan = await api();
    await waitFor('the language server to run', () => eqplan.serverRunning(), 60_000);
    // The server is a child of this extension host, running dist/server.js (POSIX `ps`).
    const serverPids = () =>
      execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter(([, ppid, ...args]) => Number(ppid) === process.pid && args.join(' ').includes('server.js'))
        .map(([pid]) => Number(pid));
    const [pid] = await waitFor('the server process', () => (serverPids().length ? serverPids() : undefined));
    process.kill(pid, 'SIGKILL');
    const next = await waitFor('a new server process', () => serverPids().find((p) => p !== pid), 60_000);
    assert.notEqual(next, pid);
    await waitFor('the language server to run again', () => eqplan.serverRunning(), 60_000);
    const summary = await waitFor('a summary from the new server', () => eqplan.summary(editor.document.uri), 60_000);
    assert.equal(summary.totals.overdue, 3);
  });
});
