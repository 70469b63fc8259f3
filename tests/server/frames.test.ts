import assert from 'node:assert/strict';
import { contentLength, FrameGuard } from '../../server/src/lsp/frames';

/** What the guard lets through for these chunks, and what it said it skipped. */
async function through(chunks: (string | Buffer)[]): Promise<{ out: string; skipped: string[] }> {
  const skipped: string[] = [];
  const guard = new FrameGuard((why) => skipped.push(why));
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  for (const c of chunks) guard.write(typeof c === 'string' ? Buffer.from(c) : c);
  guard.end();
  await ended;
  return { out: Buffer.concat(out).toString('utf8'), skipped };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const A = frame('{"jsonrpc":"2.0","id":1,"method":"a"}');
const B = frame('{"jsonrpc":"2.0","method":"b","params":{"text":"Content-Length: 7\\r\\n\\r\\n é"}}');

describe('LSP framing guard (stdio)', () => {
  it('passes well-framed messages through byte for byte, however they are split', async () => {
    const all = Buffer.from(A + B + frame('{}').replace('\r\n\r\n', '\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'));
    for (const size of [1, 3, 17, all.length]) {
      // Byte chunks: some split the two bytes of `é`.
      const chunks: Buffer[] = [];
      for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
      const { out, skipped } = await through(chunks);
      assert.equal(out, all.toString('utf8'), `chunks of ${size}`);
      assert.deepEqual(skipped, []);
    }
    assert.equal((await through(['Content-Length: 2\r\nno colon here\r\n\r\n{}', A])).skipped.length, 1, 'a header line that is not `name: value` is not a header');
  });

  it('skips a header it cannot read, and what follows it, up to the next message', async () => {
    for (const bad of ['Content-Length: abc\r\n\r\n{"x":1}', 'Content-Length: -5\r\n\r\n', 'Content-Type: text/plain\r\n\r\nhello', 'garbage\r\n\r\n', '\u0000\u0001\u00ff binary \u0002']) {
      const { out, skipped } = await through([bad, A, B]);
      assert.equal(out, A + B, JSON.stringify(bad));
      assert.equal(skipped.length, 1, JSON.stringify(bad));
      assert.match(skipped[0], /skipped .*not LSP/);
    }
  });

  it('never keeps more than a header block of input without a header, and always gets on', async () => {
    const { out, skipped } = await through(['x'.repeat(20_000), A]);
    assert.equal(out, A);
    assert.ok(skipped.length >= 1);
    assert.deepEqual((await through(['\r\n\r\n', '\r\n\r\n\r\n', A])).out, A);
    assert.equal(contentLength('Content-Length: 12'), 12);
    assert.equal(contentLength('content-length:12'), 12);
    assert.equal(contentLength('Content-Length: 1.5'), undefined);
    assert.equal(contentLength('Content-Type: x'), undefined, 'no length');
  });
});
