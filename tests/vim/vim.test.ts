/**
 * Vim with ALE as the editor: headless `vim -es` sources the configuration
 * the docs give (`eqplan-ale.vim`, shown in docs/editors/other.md), starts the
 * bundled server as `eqplan-language-server` from PATH, opens a copy of a
 * sample, reads back the diagnostics and applies one quick fix as
 * `:ALECodeAction` does. ALE sends the diagnostic back without its source,
 * or none at all, and reads plain text only (issue 11).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkPlan } from '../../server/src/core';
import { buildServer, REPO } from '../server/lspClient';

const SAMPLE = path.join(REPO, 'samples', 'leicester-2019-20.eqplan.yaml');
/** Any local date: the sample's own `asOf` is "today" for its checks, in the editor as here. */
const PLAN_HAS_AS_OF = '2030-01-01';

describe('Vim + ALE (headless, the configuration of docs/editors/other.md)', function () {
  this.timeout(120_000);

  before(() => buildServer());

  it('shows the server diagnostics for a sample plan and applies a quick fix', () => {
    const version = spawnSync('vim', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      assert.fail('Vim and ALE are not installed, so this test cannot run. Install them with `apt-get update && apt-get install -y vim-nox vim-ale` (scripts/ensure-test-tools.sh does).');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'eqplan-vim-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      symlinkSync(path.join(REPO, 'bin', 'eqplan-language-server.js'), path.join(dir, 'bin', 'eqplan-language-server'));
      const plan = path.join(dir, 'plan.eqplan.yaml');
      copyFileSync(SAMPLE, plan);
      const out = path.join(dir, 'result.json');
      const run = spawnSync('vim', ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-S', path.join(REPO, 'tests', 'vim', 'run.vim')], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, HOME: dir, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, EQPLAN_PLAN: plan, EQPLAN_OUT: out, EQPLAN_FIX_CODE: 'rag-mismatch', EQPLAN_FIX_TITLE: 'Rate it red' },
      });
      let result: { error?: string; waited?: boolean; diagnostics: { line: number; col: number; code: string; message: string }[]; actions?: string[]; fixedLine?: string };
      try {
        result = JSON.parse(readFileSync(out, 'utf8'));
      } catch {
        assert.fail(`Vim wrote no result (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
      }
      assert.equal(result.error, undefined);
      assert.equal(result.waited, true);
      const original = readFileSync(SAMPLE, 'utf8');
      const expected = checkPlan(original, { rules: { 'stale-update': 'off' }, localToday: PLAN_HAS_AS_OF }).findings;
      // ALE shows a message on one line.
      const got = result.diagnostics.map((d) => `${d.code}|${d.line}:${d.col}|${d.message}`).sort();
      assert.deepEqual(got, expected.map((f) => `${f.rule}|${f.range.start.line}:${f.range.start.character}|${f.message.replace(/\r\n|\n|\r/g, ' ')}`).sort());
      assert.ok(result.actions?.includes('Rate it red'), JSON.stringify(result.actions));
      const mismatch = expected.find((f) => f.rule === 'rag-mismatch');
      assert.ok(mismatch);
      assert.equal(result.fixedLine, original.split(/\r\n|\r|\n/)[mismatch.range.start.line].replace('rag: green', 'rag: red'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
