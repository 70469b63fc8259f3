/**
 * Config files through the CLI: found by walking up from each plan's folder,
 * the nearest wins, `--config` overrides, JSON works too.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, FIXTURES, runCli, tempDir, type JsonFileResult } from './helpers';

function severities(r: { stdout: string; stderr: string }): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of JSON.parse(r.stdout) as JsonFileResult[]) out[f.file] = Object.fromEntries(f.diagnostics.map((d) => [d.rule, d.severity]));
  return out;
}

describe('eqplan check: config files', function () {
  useBuiltCli();
  let dir: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(path.join(dir, 'a', 'deeper'), { recursive: true });
    mkdirSync(path.join(dir, 'b'), { recursive: true });
    copyFileSync(path.join(FIXTURES, 'small.eqplan.yaml'), path.join(dir, 'a', 'deeper', 'one.eqplan.yaml'));
    copyFileSync(path.join(FIXTURES, 'small.eqplan.yaml'), path.join(dir, 'b', 'two.eqplan.yaml'));
    writeFileSync(path.join(dir, '.eqplanrc.yaml'), 'rules:\n  overdue: error\n');
    writeFileSync(path.join(dir, 'b', 'eqplan.config.json'), '{ "rules": { "overdue": "off", "due-soon": "warning" } }');
  });
  afterEach(() => cleanup());

  it('applies the nearest config above each plan', () => {
    const s = severities(runCli(['check', '.', '--format', 'json'], { cwd: dir }));
    assert.equal(s['a/deeper/one.eqplan.yaml'].overdue, 'error');
    assert.equal(s['a/deeper/one.eqplan.yaml']['due-soon'], 'information');
    assert.equal(s['b/two.eqplan.yaml'].overdue, undefined);
    assert.equal(s['b/two.eqplan.yaml']['due-soon'], 'warning');
  });

  it('uses --config for every plan instead', () => {
    writeFileSync(path.join(dir, 'strict.yaml'), 'rules: { due-soon: error }\n');
    const s = severities(runCli(['check', '.', '--format', 'json', '--config', 'strict.yaml'], { cwd: dir }));
    for (const file of ['a/deeper/one.eqplan.yaml', 'b/two.eqplan.yaml']) {
      assert.equal(s[file]['due-soon'], 'error');
      assert.equal(s[file].overdue, 'warning');
    }
  });
});
