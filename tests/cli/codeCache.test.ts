/**
 * The command line starts from V8's code cache (`server/src/node/codeCache.ts`):
 * the first run writes the cache, later runs use it and print the same; a
 * damaged cache is ignored and written again; a folder others can write to
 * is never used; `EQPLAN_CACHE_DIR=off` writes none.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir, useBuiltCli } from './helpers';

const PLAN = path.join(ROOT, 'samples', 'leicester-2019-20.eqplan.yaml');
const ARGS = ['check', PLAN, '--as-of', '2024-01-31', '--format', 'json'];

describe('eqplan starts from a code cache', function () {
  this.timeout(60_000);
  useBuiltCli();

  it('writes the cache on the first run, uses it on the next, and prints the same', () => {
    const { dir, cleanup } = tempDir();
    try {
      const cache = path.join(dir, 'cache');
      const plain = runCli(ARGS, { env: { EQPLAN_CACHE_DIR: 'off' } });
      assert.equal(plain.status, 0, plain.stderr);
      assert.ok(JSON.parse(plain.stdout));
      const first = runCli(ARGS, { env: { EQPLAN_CACHE_DIR: cache } });
      const files = readdirSync(cache);
      assert.equal(files.length, 1);
      assert.match(files[0], new RegExp(`^cli\\.js-\\d+-\\d+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`));
      const written = readFileSync(path.join(cache, files[0]));
      assert.ok(written.length > 10_000, `${written.length} bytes`);
      const second = runCli(ARGS, { env: { EQPLAN_CACHE_DIR: cache } });
      for (const run of [first, second]) assert.deepEqual(run, plain);
      // A cache V8 accepted is not written again.
      assert.deepEqual(readFileSync(path.join(cache, files[0])), written);

      // A damaged cache: V8 rejects it, the run is the same, and a good cache replaces it.
      writeFileSync(path.join(cache, files[0]), Buffer.from('not a code cache'));
      assert.deepEqual(runCli(ARGS, { env: { EQPLAN_CACHE_DIR: cache } }), plain);
      assert.ok(readFileSync(path.join(cache, files[0])).length > 10_000);
      // The cache of an earlier build is removed when the new one is written.
      const stale = path.join(cache, 'cli.js-1-1-v0.0.0-x64.cache');
      writeFileSync(stale, 'old');
      writeFileSync(path.join(cache, files[0]), 'damaged again');
      runCli(ARGS, { env: { EQPLAN_CACHE_DIR: cache } });
      assert.deepEqual(readdirSync(cache), files);
    } finally {
      cleanup();
    }
  });

  it('uses no folder that others can write to, and none when turned off', function () {
    if (process.platform === 'win32') this.skip();
    const { dir, cleanup } = tempDir();
    try {
      const shared = path.join(dir, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      const plain = runCli(ARGS, { env: { EQPLAN_CACHE_DIR: 'off' } });
      assert.deepEqual(runCli(ARGS, { env: { EQPLAN_CACHE_DIR: shared } }), plain);
      assert.deepEqual(readdirSync(shared), []);
      assert.deepEqual(readdirSync(dir), ['shared']);
    } finally {
      cleanup();
    }
  });
});
