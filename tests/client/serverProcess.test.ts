/**
 * How the extension starts the language server (`client/src/serverProcess.ts`):
 * the allocator's settings are added to the environment, and those the user
 * already set are kept; and a server started that way runs and answers.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV, serverEnv } from '../../client/src/serverProcess';
import { ROOT, useBuiltCli } from '../cli/helpers';

describe('the language server process the extension starts', () => {
  useBuiltCli();

  it('adds the allocator settings, keeping any the user set', () => {
    const env = serverEnv({ PATH: '/bin', MALLOC_ARENA_MAX: '8' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.MALLOC_ARENA_MAX, '8');
    assert.equal(env.MALLOC_MMAP_THRESHOLD_, '65536');
    assert.equal(env.MALLOC_TRIM_THRESHOLD_, '131072');
  });

  it('starts with those flags and settings and answers an initialize request', async () => {
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { env: serverEnv(process.env), stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const answered = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('"capabilities"')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`the server exited (${code}) before answering: ${err}`)));
      });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await answered;
    } finally {
      child.kill();
    }
  });
});
