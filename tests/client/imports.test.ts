/**
 * The extension reaches the server only over LSP, plus the shared types and
 * constants of server/src/protocol.ts: it never imports the engine or the
 * server's internals (the extension bundle would then carry a second copy
 * that can disagree with the server).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const CLIENT = path.join(REPO, 'client', 'src');

describe('extension imports', () => {
  it('reach server code only through server/src/protocol.ts', () => {
    const wrong: string[] = [];
    for (const file of readdirSync(CLIENT).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(CLIENT, file), 'utf8');
      for (const m of source.matchAll(/\bfrom\s+'(\.[^']+)'|\b(?:import|require)\(\s*'(\.[^']+)'/g)) {
        const target = path.relative(REPO, path.resolve(CLIENT, m[1] ?? m[2])).split(path.sep).join('/');
        if (target.startsWith('server/') && target !== 'server/src/protocol') wrong.push(`${file}: ${m[1] ?? m[2]}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
