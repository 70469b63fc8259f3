/**
 * Emacs as the editor: headless `emacs --batch` loads the configuration the
 * docs give (`eqplan-<client>.el`, shown in docs/editors/other.md), starts
 * the bundled server as `eqplan-language-server` from PATH, opens a copy of a
 * sample, reads back the diagnostics and applies one quick fix.
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

interface EmacsResult {
  error?: string;
  waited?: boolean;
  diagnostics: { line: number; col: number; code: string; source?: string; message: string }[];
  actions?: string[];
  fixedLine?: string;
}

/** Runs Emacs with one client's configuration against a copy of the sample. */
function runEmacs(client: 'eglot' | 'lsp-mode'): { result: EmacsResult; output: string; original: string } {
  const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    assert.fail('Emacs is not installed, so this test cannot run. Install it with `apt-get update && apt-get install -y emacs-nox elpa-eglot elpa-lsp-mode elpa-yaml-mode` (scripts/ensure-test-tools.sh does).');
  }
  const dir = mkdtempSync(path.join(tmpdir(), `eqplan-emacs-${client}-`));
  try {
    // The docs' configuration names the server as `eqplan-language-server`, the package's bin.
    mkdirSync(path.join(dir, 'bin'));
    symlinkSync(path.join(REPO, 'bin', 'eqplan-language-server.js'), path.join(dir, 'bin', 'eqplan-language-server'));
    const plan = path.join(dir, 'plan.eqplan.yaml');
    copyFileSync(SAMPLE, plan);
    const out = path.join(dir, 'result.json');
    const run = spawnSync('emacs', ['--batch', '-l', path.join(REPO, 'tests', 'emacs', 'run.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, HOME: dir, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, EQPLAN_CLIENT: client, EQPLAN_PLAN: plan, EQPLAN_OUT: out, EQPLAN_FIX_CODE: 'rag-mismatch', EQPLAN_FIX_TITLE: 'Rate it red' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    let result: EmacsResult;
    try {
      result = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      assert.fail(`Emacs wrote no result (exit ${run.status}): ${output}`);
    }
    return { result, output, original: readFileSync(SAMPLE, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The diagnostics and the quick fix read back are the server's, with the docs' settings (`stale-update` off). */
function assertSawTheServer({ result, output, original }: ReturnType<typeof runEmacs>): void {
  assert.equal(result.error, undefined, output);
  assert.equal(result.waited, true, output);
  const expected = checkPlan(original, { rules: { 'stale-update': 'off' }, localToday: PLAN_HAS_AS_OF }).findings;
  assert.ok(!expected.some((f) => f.rule === 'stale-update') && checkPlan(original, { localToday: PLAN_HAS_AS_OF }).findings.some((f) => f.rule === 'stale-update'), 'the setting makes a difference');
  const got = result.diagnostics.map((d) => `${d.code}|${d.line}:${d.col}|${d.message}`).sort();
  assert.deepEqual(got, expected.map((f) => `${f.rule}|${f.range.start.line}:${f.range.start.character}|${f.message}`).sort());
  assert.ok(result.diagnostics.every((d) => d.source === 'eqplan'));
  assert.ok(result.actions?.includes('Rate it red'), JSON.stringify(result.actions));
  const mismatch = expected.find((f) => f.rule === 'rag-mismatch');
  assert.ok(mismatch);
  const before = original.split(/\r\n|\r|\n/)[mismatch.range.start.line];
  assert.equal(result.fixedLine, before.replace('rag: green', 'rag: red'));
  assert.doesNotMatch(output, /unsupported capability/i);
}

describe('Emacs (headless, the configurations of docs/editors/other.md)', function () {
  this.timeout(120_000);

  before(() => buildServer());

  it('eglot shows the server diagnostics for a sample plan and applies a quick fix', () => {
    assertSawTheServer(runEmacs('eglot'));
  });

  it('lsp-mode shows the server diagnostics for a sample plan and applies a quick fix', () => {
    assertSawTheServer(runEmacs('lsp-mode'));
  });
});
