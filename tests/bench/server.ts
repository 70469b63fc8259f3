/**
 * The language server section of `npm run bench`, kept minimal on this
 * branch: the built server over stdio, one-character edits inside an action
 * of a 100-action and a 5,000-action plan, timed from `didChange` to the
 * diagnostics published for that version, with `debounceMs: 0` and with the
 * default settings. (The full section, with yaml-language-server and memory,
 * replaces this file.)
 */
import { pathToFileURL } from 'node:url';
import { TestClient } from '../server/lspClient';
import { generatePlan } from './generate';
import { median, quantile, REPO, round } from './measure';
import type { BenchRow } from './row';

const EDITS = 20;

async function edits(text: string, settings: Record<string, unknown>): Promise<number[]> {
  const client = new TestClient();
  client.settings = { asOf: '2024-01-31', ...settings };
  try {
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    const uri = pathToFileURL(`${REPO}/bench.eqplan.yaml`).href;
    let version = 1;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === version);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('workshop series 17 '));
    const character = lines[line].indexOf('workshop') + 'workshop'.length;
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const at = { line, character: character + i };
      const v = ++version;
      const start = process.hrtime.bigint();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === v);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return times;
  } finally {
    client.process.kill();
  }
}

export async function serverRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const small = generatePlan(4, 25);
  const large = generatePlan(50, 100);
  const real = await edits(small, {});
  rows.push({ section: 'server', what: `edit to diagnostics, 100 actions, default settings, p50 of ${EDITS}`, value: round(median(real)), unit: 'ms', goal: '<= 100 ms', met: median(real) <= 100 });
  const quick = await edits(small, { debounceMs: 0 });
  rows.push({ section: 'server', what: `edit to diagnostics, 100 actions, debounceMs 0, p50 of ${EDITS}`, value: round(median(quick)), unit: 'ms' });
  const big = await edits(large, { debounceMs: 0 });
  rows.push({ section: 'server', what: `edit to diagnostics, 5,000 actions, debounceMs 0, p50 of ${EDITS}`, value: round(median(big)), unit: 'ms', goal: '<= 50 ms', met: median(big) <= 50 });
  rows.push({ section: 'server', what: `edit to diagnostics, 5,000 actions, debounceMs 0, p95 of ${EDITS}`, value: round(quantile(big, 0.95)), unit: 'ms' });
  return rows;
}
