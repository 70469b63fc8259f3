/**
 * The stdio writer's JSON (`lsp/encoder.ts`): a publication of diagnostics
 * written from the JSON kept for each diagnostic reads back as exactly the
 * message, however the diagnostics change between publications, and a
 * diagnostic that has not changed is not written again.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { diagnosticBytes, messageBytes, messageEncoder } from '../../server/src/lsp/encoder';

const messageJson = (msg: never): string => messageBytes(msg).toString('utf8');
const diagnosticJson = (d: Diagnostic): string => diagnosticBytes(d).toString('utf8');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function diagnostic(line: number, message: string): Diagnostic {
  return {
    range: { start: { line, character: 4 }, end: { line, character: 12 } },
    severity: 2,
    code: 'overdue-action',
    codeDescription: { href: 'https://example.org/docs/rules/overdue-action.md' },
    source: 'eqplan',
    message,
  };
}

function publication(diagnostics: unknown[], version?: number): { jsonrpc: string; method: string; params: Record<string, unknown> } {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///plans/a.eqplan.yaml', ...(version === undefined ? {} : { version }), diagnostics } };
}

/** What the message reads back as, against what plain JSON makes of it. */
function roundTrips(msg: object): void {
  assert.deepEqual(JSON.parse(messageJson(msg as never)), JSON.parse(JSON.stringify(msg)));
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('stdio message writer (kept JSON of diagnostics)', () => {
  it('writes a publication that reads back as the message, with and without a version, empty or not', () => {
    roundTrips(publication([diagnostic(1, 'Action 1a is overdue.')], 3));
    roundTrips(publication([diagnostic(1, 'Action 1a is overdue.'), diagnostic(9, 'Owner “TBC” is not named — agree one.')]));
    roundTrips(publication([], 7));
    roundTrips({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [] } });
  });

  it('writes the answer to a pull of diagnostics (a full report) that reads back as the message', () => {
    const frozen = deepFreeze(diagnostic(4, 'Kept.'));
    roundTrips({ jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '12:{}', items: [frozen, diagnostic(5, 'Fresh.'), frozen] } });
    roundTrips({ jsonrpc: '2.0', id: 8, result: { kind: 'full', items: [] } });
    roundTrips({ jsonrpc: '2.0', id: 9, result: { kind: 'unchanged', resultId: '12:{}' } });
    // Whatever a list holds, as JSON.stringify writes it (null for what JSON has no value for).
    roundTrips(publication([undefined, frozen, null, 3]));
  });

  it('writes other messages as JSON.stringify does', () => {
    const others = [
      { jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hello' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: [1, 2] },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics' },
    ];
    for (const msg of others) assert.equal(messageJson(msg as never), JSON.stringify(msg));
  });

  it('writes a frozen diagnostic once and keeps its JSON; an unfrozen one afresh each time', () => {
    const frozen = diagnostic(5, 'Action 2c was due on 30 Nov 2022 and is not done.');
    deepFreeze(frozen);
    const loose = diagnostic(6, 'Action 2d has no owner.');
    const first = diagnosticJson(frozen);
    diagnosticJson(loose);
    const stringify = JSON.stringify;
    const written: unknown[] = [];
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      written.push(args[0]);
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      assert.equal(diagnosticJson(frozen), first);
      loose.range.start.line = 7;
      assert.equal(JSON.parse(diagnosticJson(loose)).range.start.line, 7);
    } finally {
      JSON.stringify = stringify;
    }
    assert.deepEqual(written, [loose], 'only the unfrozen one is written again');
  });

  it('keeps no JSON for a diagnostic frozen only on the outside', () => {
    const d = diagnostic(3, 'Outside only.');
    Object.freeze(d);
    diagnosticJson(d);
    d.range.start.line = 4;
    assert.equal(JSON.parse(diagnosticJson(d)).range.start.line, 4);
  });

  it('keeps the JSON of the diagnostics the server makes (they are frozen all the way down)', () => {
    const finding = { rule: 'overdue-action', severity: 'warning', message: 'Overdue.', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, offset: 0 } as unknown as Finding;
    const d = toDiagnostic(finding, (rule) => `https://example.org/${rule}`);
    assert.ok(Object.isFrozen(d) && Object.isFrozen(d.range) && Object.isFrozen(d.range.start) && Object.isFrozen(d.codeDescription));
    assert.equal(diagnosticJson(d), JSON.stringify(d));
  });

  it('reads back exactly over random publications whose diagnostics change, grow fields and lose them', () => {
    const next = random(12);
    const pool: Diagnostic[] = Array.from({ length: 40 }, (_, i) => diagnostic(i, `Finding ${i}`));
    for (let round = 0; round < 300; round++) {
      for (let k = 0; k < 5; k++) {
        const d = pool[Math.floor(next() * pool.length)] as Diagnostic & Record<string, unknown>;
        if (Object.isFrozen(d)) continue;
        const what = Math.floor(next() * 9);
        if (what === 0) d.range.end.character += 1;
        else if (what === 1) d.range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
        else if (what === 2) d.message = `Changed ${round} "quoted" \\ back\u2028slash`;
        else if (what === 3) d.severity = (1 + Math.floor(next() * 4)) as Diagnostic['severity'];
        else if (what === 4) d.data = { fix: round };
        else if (what === 5) delete d.data;
        else if (what === 6) d.tags = [1];
        else if (what === 7) delete d.source;
        else d.codeDescription = { href: `https://example.org/${round}` };
      }
      // Some become frozen copies (kept from then on); the rest keep changing in place.
      const f = Math.floor(next() * pool.length);
      if (next() < 0.2) pool[f] = deepFreeze(structuredClone(pool[f]));
      const chosen = pool.filter(() => next() < 0.7);
      roundTrips(publication(chosen, round));
    }
  });

  it('encodes as UTF-8 bytes', async () => {
    const msg = publication([diagnostic(2, 'Owner “All” — name a team.')], 1);
    const bytes = await messageEncoder.encode(msg as never, { charset: 'utf-8' });
    assert.deepEqual(JSON.parse(Buffer.from(bytes).toString('utf8')), msg);
  });
});
