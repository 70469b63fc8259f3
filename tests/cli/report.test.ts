/** `eqplan report <plan> -o report.html` writes a self-contained HTML page. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, ROOT, runCli, tempDir } from './helpers';

describe('eqplan report', function () {
  useBuiltCli();

  it('writes the HTML report with the preview script inlined', () => {
    const t = tempDir();
    try {
      const out = path.join(t.dir, 'report.html');
      const r = runCli(['report', 'samples/northfield-improvement-plan.eqplan.yaml', '-o', out, '--as-of', '2023-01-31']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Wrote .*report\.html: \d+ actions \(2 overdue\), \d+ targets, as of 2023-01-31\.\n$/);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.ok(html.includes('<script'), 'has a script');
      assert.ok(html.length > 10_000);
    } finally {
      t.cleanup();
    }
  });

  it('names the output after the plan when -o is left out', () => {
    const t = tempDir();
    try {
      copyFileSync(path.join(ROOT, 'samples', 'northfield-improvement-plan.eqplan.yaml'), path.join(t.dir, 'northfield.eqplan.yaml'));
      const r = runCli(['report', 'northfield.eqplan.yaml'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Wrote northfield\.html:/);
      assert.ok(existsSync(path.join(t.dir, 'northfield.html')));
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for a missing plan', () => {
    const r = runCli(['report', 'nope.eqplan.yaml', '-o', 'x.html']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^eqplan: nope\.eqplan\.yaml does not exist/);
  });
});
