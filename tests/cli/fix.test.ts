/**
 * `eqplan check --fix`: safe fixes are written back with comments and layout
 * kept, then what is left is reported.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan, type CheckResult, type TextEdit } from '../../server/src/core';
import { fixPlanText } from '../../server/src/cli/fix';
import { useBuiltCli, FIXTURES, runCli, tempDir, type JsonFileResult } from './helpers';

/** A plan whose one action's fields are given as YAML lines (written at the action's indentation). */
function planText(fields: string): string {
  return [
    'eqplan: 1',
    'organisation: Testshire County Council',
    'title: Equality Action Plan 2019-20',
    'asOf: 2019-06-30',
    'objectives:',
    '  - id: O1',
    '    title: Know our communities',
    '    actions:',
    '      - id: A1',
    '        action: Publish the workforce equality report',
    '        owner: Equalities Team',
    ...fields.split('\n').map((l) => `        ${l}`),
    '        measure: Report published on the website',
    '',
  ].join('\n');
}

describe('eqplan check --fix', function () {
  useBuiltCli();

  it('leaves a file unchanged, and says why, when a fix would not set the value it proposes (issue 11)', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'cr.eqplan.yaml');
      const text = ['eqplan: 1', 'organisation: C', 'title: T', 'asOf: 2024-01-01', 'objectives:', '  - id: P1', '    title: O', '    actions:', '      - { id: 1a, action: Do it, owner: hr, due:\r Nov 22 }', ''].join('\n');
      writeFileSync(file, text);
      const r = runCli(['check', 'cr.eqplan.yaml', '--fix'], { cwd: t.dir });
      assert.equal(readFileSync(file, 'utf8'), text);
      assert.match(r.stderr, /cr\.eqplan\.yaml was not fixed: after the fix on line 9, `due` would not read as `2022-11`/);
      assert.doesNotMatch(r.stdout, /Fixed/);
    } finally {
      t.cleanup();
    }
  });

  it('rewrites council date phrases and keeps every comment line', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'council-dates.eqplan.yaml');
      copyFileSync(path.join(FIXTURES, 'council-dates.eqplan.yaml'), file);
      const before = readFileSync(file, 'utf8');

      const r = runCli(['check', 'council-dates.eqplan.yaml', '--fix'], { cwd: t.dir });
      const after = readFileSync(file, 'utf8');

      assert.match(r.stdout, /Fixed 1 file: council-dates\.eqplan\.yaml/);
      assert.match(after, /^ {8}due: 2022-11 {10}# month and two-digit year$/m);
      assert.match(after, /^ {8}due: 2023-03-31 {9}# day\.month\.year with dots$/m);
      assert.match(after, /^ {8}due: 2019-07$/m);
      assert.doesNotMatch(after, /Nov 22|31\.3\.23|end July 2019/);
      const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));
      assert.deepEqual(comments(after), comments(before));
      assert.equal(comments(before).length, 5);
      // Only the three `due` lines changed.
      const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
      assert.deepEqual(changed.map((l) => l.trim().split(':')[0]), ['due', 'due', 'due']);

      // What is left is reported: D1 (due Nov 2022) is not overdue on 31 Oct 2022; D2 is fine; nothing fails.
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const again = JSON.parse(runCli(['check', 'council-dates.eqplan.yaml', '--format', 'json'], { cwd: t.dir }).stdout) as JsonFileResult[];
      assert.deepEqual(again[0].diagnostics.filter((d) => d.rule === 'schema'), []);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a file that needs no fixing untouched', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'small.eqplan.yaml');
      copyFileSync(path.join(FIXTURES, 'small.eqplan.yaml'), file);
      const before = readFileSync(file, 'utf8');
      const mtime = statSync(file).mtimeMs;
      const r = runCli(['check', 'small.eqplan.yaml', '--fix'], { cwd: t.dir });
      assert.equal(r.status, 1);
      assert.doesNotMatch(r.stdout, /Fixed/);
      assert.equal(readFileSync(file, 'utf8'), before);
      assert.equal(statSync(file).mtimeMs, mtime);
    } finally {
      t.cleanup();
    }
  });

  it('fixes values written as block scalars (`>-`) and keeps every field on its own line', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'folded.eqplan.yaml');
      writeFileSync(file, planText('due: >-\n  end July\n  2019\nrag: >-\n  Amber'));
      const r = runCli(['check', 'folded.eqplan.yaml', '--fix'], { cwd: t.dir });
      const after = readFileSync(file, 'utf8');
      assert.match(r.stdout, /Fixed 1 file/);
      assert.match(after, /^ {8}due: 2019-07\n {8}rag: amber\n {8}measure: Report published on the website\n$/m);
      const again = JSON.parse(runCli(['check', 'folded.eqplan.yaml', '--format', 'json'], { cwd: t.dir }).stdout) as JsonFileResult[];
      assert.deepEqual(again[0].diagnostics.filter((d) => d.rule === 'yaml-syntax' || d.rule === 'schema'), []);
    } finally {
      t.cleanup();
    }
  });

  it('keeps a UTF-8 byte order mark, and line 1 columns are not shifted by it', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'bom.eqplan.yaml');
      writeFileSync(file, `\uFEFFfoo: 1\n${planText('due: Sept 2019\nrag: green')}`);
      const r = runCli(['check', 'bom.eqplan.yaml', '--fix', '--format', 'json'], { cwd: t.dir });
      const bytes = readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
      assert.match(bytes.toString('utf8'), /^ {8}due: 2019-09$/m);
      const unknown = (JSON.parse(r.stdout) as JsonFileResult[])[0].diagnostics.find((d) => /`foo`/.test(d.message));
      assert.ok(unknown, r.stdout);
      assert.deepEqual([unknown.line, unknown.column, unknown.endColumn], [1, 1, 4]);
    } finally {
      t.cleanup();
    }
  });

  it('never rewrites a file that is not UTF-8 (a Windows-1252 `é` stays a byte 0xE9)', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'ansi.eqplan.yaml');
      const text = planText('due: Sept 2019\nrag: Amber');
      const cut = text.indexOf('Equalities Team') + 'Equalities Team'.length;
      const latin1 = Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(' (Ren'), Buffer.from([0xe9]), Buffer.from(')'), Buffer.from(text.slice(cut))]);
      writeFileSync(file, latin1);
      const r = runCli(['check', 'ansi.eqplan.yaml', '--fix'], { cwd: t.dir });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /ansi\.eqplan\.yaml is not saved as UTF-8 text: line 11 .*Save As .*UTF-8/);
      assert.doesNotMatch(r.stdout, /Fixed/);
      assert.deepEqual(readFileSync(file), latin1);
    } finally {
      t.cleanup();
    }
  });
});

describe('fixPlanText: the safety net', () => {
  it('keeps the original text when a round of fixes would break the YAML syntax', () => {
    const text = planText('due: Sept 2019\nrag: Amber');
    // A fix that joins two fields on one line, as a block-scalar bug once did.
    const breaking = (result: CheckResult): TextEdit[] => {
      const at = result.parsed.text.indexOf('\n        rag:');
      return at < 0 || result.parsed.syntax.length > 0 ? [] : [{ offset: at, length: 9, newText: '  rag: 1 ', range: result.parsed.lines.range(at, at + 9) }];
    };
    assert.ok(checkPlan(text.replace('\n        rag:', '  rag: 1 rag:'), { localToday: '2019-11-30' }).parsed.syntax.length > 0, 'the edit breaks the syntax');
    const outcome = fixPlanText(text, { localToday: '2019-11-30' }, breaking);
    assert.equal(outcome.brokeSyntax, true);
    assert.equal(outcome.text, text);
    assert.equal(outcome.rounds, 0);
    assert.ok(outcome.result.findings.every((f) => f.rule !== 'yaml-syntax'));
  });

  it('fixes as before when the syntax stays valid', () => {
    const outcome = fixPlanText(planText('due: Sept 2019\nrag: Amber'), { localToday: '2019-11-30' });
    assert.equal(outcome.brokeSyntax, undefined);
    assert.match(outcome.text, /due: 2019-09\n {8}rag: amber/);
  });
});

describe('fixPlanText: each fix re-checked (issue 11)', () => {
  const flowAction = (due: string) =>
    ['eqplan: 1', 'organisation: C', 'title: T', 'asOf: 2024-01-01', 'objectives:', '  - id: P1', '    title: O', '    actions:', `      - { id: 1a, action: Do it, owner: hr, due:${due} }`, ''].join('\n');

  it('does not write a fix after which the value it fixed is gone (a lone CR before the value in `{ }`)', () => {
    const text = flowAction('\r Nov 22');
    assert.ok(checkPlan(text, { localToday: '2024-01-15' }).findings.some((f) => f.fixes.some((x) => x.safe)), 'the deadline has a safe fix');
    const outcome = fixPlanText(text, { localToday: '2024-01-15' });
    assert.equal(outcome.text, text);
    assert.equal(outcome.rounds, 0);
    assert.match(outcome.refused ?? '', /line 9.*`due`.*`2022-11`/);
  });

  it('does not write a fix that changes a value it does not name', () => {
    const text = planText('due: Sept 2019\nrag: Amber');
    // An edit that says it sets `measure`, but changes the `rag` before it.
    const sneaky = (result: CheckResult): TextEdit[] => {
      const at = result.parsed.text.indexOf('Amber');
      if (at < 0) return [];
      return [{ offset: at, length: 5, newText: 'Report published on the website', range: result.parsed.lines.range(at, at + 5), valuePath: ['objectives', 0, 'actions', 0, 'measure'] }];
    };
    const outcome = fixPlanText(text, { localToday: '2024-01-15' }, sneaky);
    assert.equal(outcome.text, text);
    assert.match(outcome.refused ?? '', /`rag`/);
  });

  it('writes fixes that set exactly the values they propose', () => {
    const outcome = fixPlanText(flowAction(' Nov 22'), { localToday: '2024-01-15' });
    assert.equal(outcome.refused, undefined);
    assert.match(outcome.text, /due: 2022-11 \}/);
  });
});
