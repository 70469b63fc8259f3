/**
 * Writes the server's messages as JSON over stdio, as vscode-jsonrpc's own
 * writer does, except that each published diagnostic is written once and its
 * JSON kept. A 5,000-action plan publishes some 7,000 diagnostics (2.5 MB)
 * after every keystroke, nearly all of them the same objects as the time
 * before (`features/diagnostics.ts` hands back the one it made for a finding
 * that did not change), so writing them afresh was a fifth of the server's
 * time per keystroke.
 *
 * JSON is kept only for a diagnostic frozen all the way down, which cannot
 * change after it is written; anything else is written by `JSON.stringify`.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Diagnostic, Message, NotificationMessage } from 'vscode-languageserver/node';

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
  const bytes = Buffer.from(`${JSON.stringify(d)},`, 'utf8');
  if (unchangeable(d)) written.set(d, bytes);
  return bytes;
}

/** One diagnostic's JSON in UTF-8 (kept, as `listed` says). */
export function diagnosticBytes(d: Diagnostic): Buffer {
  return listed(d).subarray(0, -1);
}

function isPublish(msg: Message): msg is NotificationMessage & { params: { diagnostics: Diagnostic[] } & Record<string, unknown> } {
  const m = msg as Partial<NotificationMessage>;
  return m.method === PUBLISH && typeof m.params === 'object' && m.params !== null && !Array.isArray(m.params) && Array.isArray((m.params as { diagnostics?: unknown }).diagnostics);
}

/**
 * A message's JSON in UTF-8: a publication of diagnostics put together from
 * the kept pieces (no 2.5 MB string is made, nor encoded), anything else as
 * `JSON.stringify` writes it.
 */
export function messageBytes(msg: Message): Buffer {
  if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
  const { diagnostics, ...rest } = msg.params;
  const { params: _params, ...envelope } = msg;
  const head = JSON.stringify(envelope);
  const others = JSON.stringify(rest);
  const pieces: Buffer[] = [Buffer.from(`${head.slice(0, -1)}${head === '{}' ? '' : ','}"params":{"diagnostics":[`, 'utf8')];
  // Each with its comma, but the last.
  for (let i = 0; i < diagnostics.length; i++) pieces.push(i < diagnostics.length - 1 ? listed(diagnostics[i]) : diagnosticBytes(diagnostics[i]));
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
