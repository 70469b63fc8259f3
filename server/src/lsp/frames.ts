/**
 * A guard in front of the JSON-RPC reader for `--stdio`. LSP messages come as
 * `Content-Length: N` headers, a blank line and N bytes of JSON. The
 * `vscode-jsonrpc` reader cannot find its feet again after a header it cannot
 * read (`Content-Length: abc`, stray bytes written by a broken editor or a
 * wrapper script): every later message is taken for a header and dropped, and
 * the server goes deaf while still running. This stream passes well-framed
 * messages through byte for byte, and skips anything else up to the next
 * `Content-Length:` header, saying what it skipped.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const NEXT_HEADER = Buffer.from('Content-Length:', 'ascii');
/** A header block longer than this is not one: headers are a line or two. */
const MAX_HEADER_BYTES = 8192;

/** The body length a header block gives, or undefined when it is not a valid LSP header block. */
export function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const field = /^([A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!field) return undefined;
    if (field[1].toLowerCase() === 'content-length') {
      if (!/^\d+$/.test(field[2])) return undefined;
      length = Number(field[2]);
    }
  }
  return length;
}

export class FrameGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current message's body still to pass through. */
  private bodyLeft = 0;
  /** Skipping input since the last good header (said once per stretch). */
  private skipping = false;

  /** `onSkipped` hears what was skipped and why (for the server's log). */
  constructor(private readonly onSkipped: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.bodyLeft > 0) {
        if (this.pending.length === 0) break;
        const n = Math.min(this.bodyLeft, this.pending.length);
        this.push(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.bodyLeft -= n;
        continue;
      }
      const end = this.pending.indexOf(HEADER_END);
      if (end < 0) {
        if (this.pending.length > MAX_HEADER_BYTES) this.skip(`${this.pending.length} bytes with no message header`);
        break;
      }
      const header = this.pending.subarray(0, end).toString('ascii');
      const length = contentLength(header);
      if (length === undefined) {
        this.skip(`a message header that is not one (${JSON.stringify(header.slice(0, 80))})`);
        continue;
      }
      this.skipping = false;
      this.push(this.pending.subarray(0, end + HEADER_END.length));
      this.pending = this.pending.subarray(end + HEADER_END.length);
      this.bodyLeft = length;
    }
    done();
  }

  /** Drops what is pending up to the next `Content-Length:` (keeping a tail that may be the start of one). */
  private skip(what: string): void {
    const next = this.pending.indexOf(NEXT_HEADER, 1);
    // Without a next header, keep only what could be the start of one; always drop at least a byte, so skipping ends.
    const keep = next >= 0 ? next : Math.max(1, this.pending.length - (NEXT_HEADER.length - 1));
    if (!this.skipping) this.onSkipped(`skipped ${what}: the editor's input is not LSP there; reading on from the next message.`);
    this.skipping = true;
    this.pending = this.pending.subarray(keep);
  }
}
