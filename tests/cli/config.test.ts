/**
 * Config files through the CLI: found by walking up from each plan's folder,
 * the nearest wins, `--config` overrides, JSON works too. And the lookup
 * (`ConfigResolver`) the CLI shares with the language server: read once for
 * the CLI, kept in step with the disk for the server.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver } from '../../server/src/node/config';
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

describe('ConfigResolver: config files that change while it runs', () => {
  let dir: string;
  let cleanup: () => void;
  let plan: string;
  let config: string;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(path.join(dir, 'plans'));
    plan = path.join(dir, 'plans', 'one.eqplan.yaml');
    config = path.join(dir, '.eqplanrc.yaml');
    writeFileSync(config, 'rules:\n  overdue: off\n');
  });
  afterEach(() => cleanup());

  it('with freshness (the language server): notices a changed, added or removed file once the interval has passed, not before', () => {
    let now = 0;
    let changes = 0;
    const configs = new ConfigResolver(undefined, undefined, { recheckAfterMs: 1000, now: () => now, onChange: () => changes++ });
    const rules = () => configs.forPlan(plan).options.rules;
    assert.deepEqual(rules(), { overdue: 'off' });

    writeFileSync(config, 'rules:\n  overdue: error\n');
    now = 999;
    assert.deepEqual(rules(), { overdue: 'off' }, 'within the interval the cache is used, without looking at the disk');
    assert.equal(changes, 0);
    now = 1000;
    assert.deepEqual(rules(), { overdue: 'error' }, 'the changed file is read again');
    assert.equal(changes, 1);

    const nearer = path.join(dir, 'plans', 'eqplan.config.json');
    writeFileSync(nearer, '{ "rules": { "overdue": "hint" } }');
    now = 2000;
    assert.deepEqual(rules(), { overdue: 'hint' }, 'a config file added nearer the plan wins');
    assert.equal(changes, 2);

    rmSync(nearer);
    now = 3000;
    assert.deepEqual(rules(), { overdue: 'error' }, 'once it is removed, the one further up applies again');
    rmSync(config);
    now = 4000;
    assert.equal(configs.forPlan(plan).file, undefined, 'and with none left, no config file');
    assert.equal(changes, 4);

    now = 5000;
    assert.equal(configs.recheckIfDue(), false, 'nothing changed, nothing to tell');
    assert.equal(changes, 4);
  });

  it('without freshness (the command line): reads each config file once and never looks again', () => {
    const configs = new ConfigResolver();
    assert.deepEqual(configs.forPlan(plan).options.rules, { overdue: 'off' });
    writeFileSync(config, 'rules:\n  overdue: error\n');
    assert.equal(configs.recheckIfDue(), false);
    assert.deepEqual(configs.forPlan(plan).options.rules, { overdue: 'off' });
    configs.clear();
    assert.deepEqual(configs.forPlan(plan).options.rules, { overdue: 'error' }, 'until it is cleared');
  });
});
