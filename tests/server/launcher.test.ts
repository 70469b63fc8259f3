import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'eqplan-language-server.js');

describe('eqplan-language-server launcher', () => {
  it('run by hand without a transport, says how editors start it (exit 2, no stack trace)', () => {
    const r = spawnSync(process.execPath, [BIN], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /eqplan-language-server --stdio/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('prints its version', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 0);
    assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});
