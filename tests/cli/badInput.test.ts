/**
 * Hostile and broken files through the built CLI: each gives a clear message
 * and exit 1 or 2, never a stack trace, and the run finishes (a child-process
 * timeout fails the test instead of hanging it).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBuiltCli, hasStackTrace, runCli, tempDir, type JsonFileResult } from './helpers';

function billionLaughs(): string {
  const lines = ['eqplan: 1', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `${lines.join('\n')}\nobjectives: *j\n`;
}

/** name -> [file contents, what the message must say] */
const CASES: Record<string, [string | Buffer, RegExp]> = {
  'not YAML': ['eqplan: 1\ntitle: [unclosed\n\t- : : x\n', /yaml-syntax/],
  'a top-level YAML list': ['- eqplan: 1\n- title: a list\n', /not a list or a single value/],
  'an empty file': ['', /The file is empty/],
  'binary bytes': [Buffer.from([0x65, 0x71, 0x70, 0x6c, 0x61, 0x6e, 0x3a, 0x20, 0x31, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x00]), /is not a text plan file: it contains binary data/],
  'an alias bomb (billion laughs)': [billionLaughs(), /aliases/],
  '10,000 nested brackets': [`eqplan: 1\nobjectives: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /nested too deeply/],
  '10,000 nested flow mappings': [`eqplan: 1\nobjectives: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, /nested too deeply/],
  '10,000 nested block sequences': [`eqplan: 1\nobjectives:\n  ${'- '.repeat(10_000)}x\n`, /nested too deeply/],
  // One more space per level: 4,000 levels is 8 MB, just under the size limit.
  '4,000 levels of indentation': [`eqplan: 1\nobjectives:\n${Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`, /nested too deeply/],
  'a non-plan YAML file': ['name: CI\non: [push]\njobs: {}\n', /not an equality plan/],
  'a Windows-1252 file (byte 0xE9)': [Buffer.concat([Buffer.from('eqplan: 1\norganisation: Caf'), Buffer.from([0xe9]), Buffer.from(' Council\n')]), /is not saved as UTF-8 text: line 2 .*choose Save As and pick UTF-8/],
  'a UTF-16 LE file with a byte order mark': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('eqplan: 1\ntitle: Plan\n', 'utf16le')]), /is saved as Unicode \(UTF-16\) text.*pick UTF-8/],
  'a UTF-16 BE file with a byte order mark': [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('eqplan: 1\ntitle: Plan\n', 'utf16le').swap16()]), /is saved as Unicode \(UTF-16\) text.*pick UTF-8/],
};

function assertClean(r: { status: number | null; stdout: string; stderr: string }): void {
  const all = r.stdout + r.stderr;
  assert.ok(r.status === 1 || r.status === 2, `exit ${r.status}: ${all.slice(0, 500)}`);
  assert.ok(!all.includes('    at ') && !hasStackTrace(all), `stack trace in output: ${all.slice(0, 2000)}`);
}

describe('eqplan check: bad input', function () {
  this.timeout(180_000);
  useBuiltCli();
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  for (const [name, [content, expected]] of Object.entries(CASES)) {
    it(`${name}: a clear finding, exit 1, no stack trace`, () => {
      const file = `${name.replace(/[^a-z0-9]+/gi, '-')}.eqplan.yaml`;
      writeFileSync(path.join(dir, file), content);
      const r = runCli(['check', file], { cwd: dir, timeoutMs: 120_000 });
      assertClean(r);
      assert.equal(r.status, 1);
      assert.match(r.stdout, expected);
      assert.match(r.stdout, new RegExp(`^${file.replace(/[.]/g, '\\.')}`, 'm'), 'the file is named');
      const json = JSON.parse(runCli(['check', file, '--format', 'json'], { cwd: dir, timeoutMs: 120_000 }).stdout) as JsonFileResult[];
      assert.ok(json[0].diagnostics.some((d) => d.severity === 'error'));
    });
  }

  it('a file over 10 MB: not read, one error saying it is not a text plan file', () => {
    const file = 'huge.eqplan.yaml';
    writeFileSync(path.join(dir, file), `eqplan: 1\n${'# padding\n'.repeat(1_100_000)}`);
    const r = runCli(['check', file, '--format', 'json'], { cwd: dir });
    assertClean(r);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout) as JsonFileResult[];
    assert.equal(json[0].diagnostics.length, 1);
    assert.match(json[0].diagnostics[0].message, /^huge\.eqplan\.yaml is not a text plan file eqplan can check: it is 10\.5 MB, over the 10 MB limit/);
    assert.equal(json[0].diagnostics[0].severity, 'error');
  });

  it('a folder search does not sniff big or binary YAML files for `eqplan: 1`', () => {
    const t = tempDir();
    try {
      writeFileSync(path.join(t.dir, 'big.yaml'), `eqplan: 1\n${'# padding\n'.repeat(1_100_000)}`);
      writeFileSync(path.join(t.dir, 'plan.eqplan.yaml'), 'eqplan: 1\n');
      const r = runCli(['check', '.', '--format', 'json'], { cwd: t.dir });
      assertClean(r);
      assert.deepEqual((JSON.parse(r.stdout) as JsonFileResult[]).map((x) => x.file), ['plan.eqplan.yaml']);
    } finally {
      t.cleanup();
    }
  });

  it('`eqplan report` on a broken plan: exit 2 with the reason, no stack trace', () => {
    writeFileSync(path.join(dir, 'list.eqplan.yaml'), '- a\n- b\n');
    const r = runCli(['report', 'list.eqplan.yaml', '-o', 'out.html'], { cwd: dir });
    assertClean(r);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^eqplan: list\.eqplan\.yaml cannot be reported on: .*Run `eqplan check list\.eqplan\.yaml`/);
  });
});
