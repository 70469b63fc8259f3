/**
 * `eqplan check --fix`: safe fixes are written back with comments and layout
 * kept, then what is left is reported.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, FIXTURES, runCli, tempDir, type JsonFileResult } from './helpers';

describe('eqplan check --fix', function () {
  useBuiltCli();

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
});
