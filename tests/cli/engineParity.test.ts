/**
 * The command line reports exactly what the engine finds: for every sample
 * and fixture, `eqplan check --format json --as-of D` equals `checkPlan` with
 * the same date and the same config file (positions made 1-based).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan, mergeOptions } from '../../server/src/core';
import { ConfigResolver } from '../../server/src/node/config';
import { useBuiltCli, FIXTURES, ROOT, runCli, type JsonFileResult } from './helpers';

function plansIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.eqplan\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

describe('eqplan check agrees with the engine', function () {
  this.timeout(120_000);
  useBuiltCli();

  const files = [...plansIn(path.join(ROOT, 'samples')), ...plansIn(FIXTURES)];

  it('has plans to compare', () => {
    assert.ok(files.length >= 5, files.join(', '));
  });

  for (const asOf of ['2023-01-31', '2024-06-30']) {
    it(`--format json equals checkPlan for every plan, as of ${asOf}`, () => {
      const rel = files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
      const r = runCli(['check', ...rel, '--format', 'json', '--as-of', asOf]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const cli = JSON.parse(r.stdout) as JsonFileResult[];
      const configs = new ConfigResolver();
      const expected = files
        .map((file, i) => {
          const options = { ...mergeOptions(configs.forPlan(file).options), asOf };
          const findings = checkPlan(readFileSync(file, 'utf8'), options).findings;
          return {
            file: rel[i],
            diagnostics: findings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              message: f.message,
              line: f.range.start.line + 1,
              column: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
              path: f.path,
            })),
          };
        })
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      assert.deepEqual(cli, expected);
      assert.ok(cli.some((x) => x.diagnostics.some((d) => d.rule === 'overdue')), 'the comparison covers date-dependent findings');
    });
  }
});
