/**
 * `--format sarif`: validated by Microsoft's SARIF Multitool (the validator
 * GitHub code scanning's format is checked against), plus the fields code
 * scanning relies on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, ROOT, runCli, tempDir } from './helpers';

const MULTITOOL = path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
        logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function validate(sarifFile: string, outFile: string): { stdout: string; status: number | null } {
  if ((statSync(MULTITOOL).mode & 0o111) === 0) chmodSync(MULTITOOL, 0o755);
  const r = spawnSync(MULTITOOL, ['validate', sarifFile, '-o', outFile], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { stdout: r.stdout + r.stderr, status: r.status };
}

describe('eqplan check --format sarif', function () {
  this.timeout(180_000);
  useBuiltCli();

  it('passes the SARIF Multitool validator with no errors', () => {
    const t = tempDir();
    try {
      const sarif = path.join(t.dir, 'eqplan.sarif');
      const out = path.join(t.dir, 'validation.sarif');
      const r = runCli(['check', 'samples', 'tests/cli/fixtures/small.eqplan.yaml', '--format', 'sarif', '-o', sarif]);
      assert.equal(r.status, 1, r.stderr);
      const v = validate(sarif, out);
      assert.doesNotMatch(v.stdout, /: error SARIF\d+/, v.stdout);
      assert.ok(existsSync(out), v.stdout);
      const validation = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string; id?: string } }[] }[] };
      const errors = validation.runs.flatMap((run) => run.results ?? []).filter((res) => res.level === 'error');
      assert.deepEqual(errors, []);
    } finally {
      t.cleanup();
    }
  });

  it('describes every rule and points each result at a relative file under %SRCROOT%, 1-based', () => {
    const r = runCli(['check', 'tests/cli/fixtures/small.eqplan.yaml', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'eqplan');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.equal(run.tool.driver.informationUri, undefined);
    assert.ok('%SRCROOT%' in run.originalUriBaseIds);
    const overdueRule = run.tool.driver.rules.find((x) => x.id === 'overdue');
    assert.ok(overdueRule);
    assert.equal(overdueRule.defaultConfiguration.level, 'warning');
    assert.equal(overdueRule.shortDescription.text, 'Action is overdue');
    assert.notEqual(overdueRule.name.toLowerCase(), overdueRule.id);
    assert.ok(overdueRule.help.text.length > 0 && overdueRule.help.markdown.length > 0 && overdueRule.fullDescription.text.length > 0);
    assert.equal(run.tool.driver.rules.find((x) => x.id === 'due-soon')?.defaultConfiguration.level, 'note');

    assert.deepEqual(
      run.results.map((x) => [x.ruleId, x.level, run.tool.driver.rules[x.ruleIndex].id]),
      [
        ['overdue', 'warning', 'overdue'],
        ['unknown-owner', 'warning', 'unknown-owner'],
        ['due-soon', 'note', 'due-soon'],
        ['schema', 'error', 'schema'],
      ],
    );
    assert.deepEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'tests/cli/fixtures/small.eqplan.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 14, endLine: 18, endColumn: 24 },
    });
  });

  it('keeps fingerprints stable when only the day counts in messages change', () => {
    const fingerprints = (asOf: string) => {
      const log = JSON.parse(runCli(['check', 'tests/cli/fixtures/small.eqplan.yaml', '--format', 'sarif', '--as-of', asOf]).stdout) as SarifLog;
      const overdue = log.runs[0].results.find((x) => x.ruleId === 'overdue');
      assert.ok(overdue);
      return { message: overdue.message.text, fp: overdue.partialFingerprints };
    };
    const a = fingerprints('2023-06-30');
    const b = fingerprints('2023-07-01');
    assert.notEqual(a.message, b.message);
    assert.deepEqual(a.fp, b.fp);
    const all = (JSON.parse(runCli(['check', 'samples', '--format', 'sarif']).stdout) as SarifLog).runs[0].results.map((x) => JSON.stringify(x.partialFingerprints));
    assert.equal(new Set(all).size, all.length, 'every result has its own fingerprint');
  });

  it('keeps an overdue action\'s fingerprint when "1 day ago" becomes "2 days ago"', () => {
    const overdue = (asOf: string) => {
      const log = JSON.parse(runCli(['check', 'tests/cli/fixtures/small.eqplan.yaml', '--format', 'sarif', '--as-of', asOf]).stdout) as SarifLog;
      const result = log.runs[0].results.find((x) => x.ruleId === 'overdue');
      assert.ok(result);
      return result;
    };
    const a = overdue('2023-04-01');
    const b = overdue('2023-04-02');
    assert.match(a.message.text, /, 1 day ago,/);
    assert.match(b.message.text, /, 2 days ago,/);
    assert.deepEqual(Object.keys(a.partialFingerprints), ['eqplanFinding/v2']);
    assert.deepEqual(a.partialFingerprints, b.partialFingerprints);
    assert.deepEqual(a.locations[0].logicalLocations, [{ name: 'due', fullyQualifiedName: 'action:A1/due', kind: 'property' }]);
  });

  it('keeps the other findings\' fingerprints when actions and targets are added or removed above them', () => {
    const t = tempDir();
    try {
      const original = readFileSync(path.join(ROOT, 'samples', 'northfield-improvement-plan.eqplan.yaml'), 'utf8');
      const results = (text: string) => {
        const file = path.join(t.dir, 'plan.eqplan.yaml');
        writeFileSync(file, text);
        const log = JSON.parse(runCli(['check', 'plan.eqplan.yaml', '--format', 'sarif'], { cwd: t.dir }).stdout) as SarifLog;
        return log.runs[0].results.map((x) => ({ rule: x.ruleId, line: x.locations[0].physicalLocation.region.startLine, where: x.locations[0].logicalLocations?.[0]?.fullyQualifiedName, fp: x.partialFingerprints['eqplanFinding/v2'] }));
      };
      const before = results(original);
      assert.ok(before.some((x) => x.rule === 'overdue' && x.where === 'action:1.3/due'), JSON.stringify(before));
      assert.ok(before.some((x) => x.rule === 'target-missed' && x.where?.startsWith('target:staff-disability-declared/')), JSON.stringify(before));

      // A new first action of objective EO1 (overdue, with no owner) and a new first target.
      const newAction = ['      - id: "0.9"', '        action: A new first action', '        due: 2022-06', '        rag: red', '        measure: Done', ''].join('\n');
      const newTarget = ['  - id: new-target', '    title: A new first target', '    milestones: [{ date: 2024-03-31, value: 10 }]', ''].join('\n');
      const inserted = original.replace('    actions:\n      - id: "1.1"', `    actions:\n${newAction}      - id: "1.1"`).replace('\ntargets:\n', `\ntargets:\n${newTarget}`);
      assert.notEqual(inserted, original);
      const after = results(inserted);
      assert.ok(after.some((x) => x.where?.startsWith('action:0.9')), 'the new action has findings of its own');
      for (const old of before) {
        const same = after.find((x) => x.rule === old.rule && x.where === old.where);
        assert.ok(same, `${old.rule} at ${old.where} is still reported`);
        assert.notEqual(same.line, old.line, 'the finding moved down');
        assert.equal(same.fp, old.fp, `${old.rule} at ${old.where} keeps its fingerprint`);
      }

      // Without action 1.1 (done, no findings): the same fingerprints, nothing else.
      const removed = original.replace(/      - id: "1\.1"[\s\S]*?\n\n(      - id: "1\.2")/, '$1');
      assert.ok(!removed.includes('id: "1.1"'));
      assert.deepEqual(results(removed).map((x) => x.fp), before.map((x) => x.fp));
    } finally {
      t.cleanup();
    }
  });
});
