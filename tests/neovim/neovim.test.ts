/**
 * Another editor: headless Neovim's built-in LSP client starts the bundled
 * server over stdio, opens a sample and reads back its diagnostics.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkPlan } from '../../server/src/core';
import { buildServer, REPO, SERVER } from '../server/lspClient';

const SAMPLE = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');

describe('Neovim (built-in LSP client, headless)', function () {
  this.timeout(120_000);

  before(() => buildServer());

  it('shows the server diagnostics for a sample plan', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      assert.fail('Neovim is not installed, so this test cannot run. Install it with `apt-get update && apt-get install -y neovim`.');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-nvim-'));
    const out = path.join(dir, 'diagnostics.json');
    try {
      const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', 'luafile tests/neovim/init.lua'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, EQPLAN_SERVER: SERVER, EQPLAN_PLAN: SAMPLE, EQPLAN_OUT: out, EQPLAN_AS_OF: '2019-12-31' },
      });
      let result: { error?: string; waited?: boolean; diagnostics: { line: number; col: number; message: string; source: string; code: string }[] };
      try {
        result = JSON.parse(readFileSync(out, 'utf8'));
      } catch {
        assert.fail(`Neovim wrote no result (exit ${run.status}): ${run.stderr || run.stdout}`);
      }
      assert.equal(result.error, undefined);
      assert.equal(result.waited, true);
      const expected = checkPlan(readFileSync(SAMPLE, 'utf8'), { asOf: '2019-12-31' }).findings;
      const got = result.diagnostics.map((d) => `${d.code}|${d.line}:${d.col}|${d.message}`).sort();
      assert.deepEqual(got, expected.map((f) => `${f.rule}|${f.range.start.line}:${f.range.start.character}|${f.message}`).sort());
      assert.ok(result.diagnostics.every((d) => d.source === 'eqplan'));
      assert.ok(result.diagnostics.some((d) => d.code === 'overdue'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
