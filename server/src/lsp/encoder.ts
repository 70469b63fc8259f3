/**
 * Writes the server's messages as JSON over stdio, as vscode-jsonrpc's own
 * writer does, except that each diagnostic, published or pulled, is written
 * once and its JSON kept. A 5,000-action plan sends some 7,000 diagnostics
 * (2.5 MB) after every keystroke, nearly all of them the same objects as the time
 * before (`features/diagnostics.ts` hands back the one it made for a finding
 * that did not change), so writing them afresh was a fifth of the server's
 * time per keystroke.
 *
 * JSON is kept only for a diagnostic frozen all the way down, which cannot
 * change after it is written; anything else is written by `JSON.stringify`.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

/** The JSON (UTF-8) of each diagnostic written so far that can never change (see `unchangeable`), with the comma that follows it in a list. */
const written = new WeakMap<object, Buffer>();

/** Is the value frozen all the way down (so JSON written once stays true)? */
function unchangeable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) if (!unchangeable(v)) return false;
  return true;
}

/** A diagnostic's JSON in UTF-8 and a comma: kept for a frozen one (`features/diagnostics.ts` freezes those it makes), written afresh for any other. */
function listed(d: Diagnostic): Buffer {
  const kept = typeof d === 'object' && d !== null ? written.get(d) : undefined;
  if (kept !== undefined) return kept;
  // As JSON.stringify writes an element of a list (`null` for what JSON has no value for).
  const json = `${JSON.stringify(d) ?? 'null'},`;
  if (typeof d !== 'object' || d === null || !unchangeable(d)) return Buffer.from(json, 'utf8');
  // Its own memory: a slice of Node's shared pool would keep the whole 8 KB block alive as long as the diagnostic.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
  bytes.write(json, 'utf8');
  written.set(d, bytes);
  return bytes;
}

/** One diagnostic's JSON in UTF-8 (kept, as `listed` says). */
export function diagnosticBytes(d: Diagnostic): Buffer {
  return listed(d).subarray(0, -1);
}

/** A list of diagnostics in a message: a publication's `params.diagnostics`, or a pulled report's `result.items`. */
function diagnosticsIn(msg: Message): { holder: 'params' | 'result'; field: 'diagnostics' | 'items'; list: Diagnostic[] } | undefined {
  const m = msg as { method?: unknown; params?: unknown; result?: unknown };
  if (m.method === PUBLISH && isRecord(m.params) && Array.isArray(m.params.diagnostics)) return { holder: 'params', field: 'diagnostics', list: m.params.diagnostics as Diagnostic[] };
  // The answer to `textDocument/diagnostic` (pull clients: VS Code): a full report's items.
  if (isRecord(m.result) && m.result.kind === 'full' && Array.isArray(m.result.items) && !('method' in m)) return { holder: 'result', field: 'items', list: m.result.items as Diagnostic[] };
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A message's JSON in UTF-8: a publication of diagnostics, or the answer to
 * a pull of them, put together from the kept pieces (no 2.5 MB string is
 * made, nor encoded); anything else as `JSON.stringify` writes it.
 */
export function messageBytes(msg: Message): Buffer {
  const found = diagnosticsIn(msg);
  if (!found) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
  const { holder, field, list } = found;
  const { [field]: _list, ...rest } = (msg as unknown as Record<string, Record<string, unknown>>)[holder];
  const { [holder]: _holder, ...envelope } = msg as unknown as Record<string, unknown>;
  const head = JSON.stringify(envelope);
  const others = JSON.stringify(rest);
  const pieces: Buffer[] = [Buffer.from(`${head.slice(0, -1)}${head === '{}' ? '' : ','}"${holder}":{"${field}":[`, 'utf8')];
  // Each with its comma, but the last.
  for (let i = 0; i < list.length; i++) pieces.push(i < list.length - 1 ? listed(list[i]) : diagnosticBytes(list[i]));
  pieces.push(Buffer.from(`]${others === '{}' ? '' : `,${others.slice(1, -1)}`}}}`, 'utf8'));
  return Buffer.concat(pieces);
}

/** The JSON encoder for the stdio writer (vscode-jsonrpc's `contentTypeEncoder`; the server's writer is UTF-8). */
export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const utf8 = /^utf-?8$/i.test(options.charset);
      return Promise.resolve(utf8 ? messageBytes(msg) : Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
