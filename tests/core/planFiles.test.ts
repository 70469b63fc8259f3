/**
 * What a plan file is (core/planFiles.ts): names, the `eqplan: 1` marker and
 * its one look-ahead, the size limit, and strict UTF-8 decoding with a plain
 * message for each way a file can fail to be UTF-8 text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  decodePlanBytes,
  decodeUtf8Here,
  hasPlanMarker,
  isPlanDocument,
  isPlanFileName,
  MAX_PLAN_BYTES,
  mayHoldPlanMarker,
  PLAN_HEAD_BYTES,
  PLAN_MARKER_HEAD_CHARS,
  PLAN_MARKER_LOOKAHEAD,
  PLAN_NAME_PATTERNS,
  planFileProblemFinding,
  planMarkerInHead,
  planSizeProblem,
  textOverSizeLimit,
  type DecodedPlan,
  type PlanFileProblem,
} from '../../server/src/core/planFiles';
import { parsePlan } from '../../server/src/core/parse';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
function utf16le(text: string, bom = true): Uint8Array {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return Uint8Array.from(out);
}
function utf16be(text: string): Uint8Array {
  const out: number[] = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return Uint8Array.from(out);
}
function problemOf(decoded: DecodedPlan): PlanFileProblem {
  assert.ok(!decoded.ok, 'expected a problem, got text');
  return decoded.problem;
}

describe('plan files: names', () => {
  it('names plans *.eqplan.yaml and *.eqplan.yml in any case, in paths and URIs', () => {
    for (const name of ['a.eqplan.yaml', 'A.EQPLAN.YML', 'plans/2024.eqplan.yml', 'file:///c%3A/p/x.eqplan.yaml?ref=1#top']) assert.ok(isPlanFileName(name), name);
    for (const name of ['a.yaml', 'eqplan.yaml', 'a.eqplan.yaml.bak', 'a.eqplan.json']) assert.ok(!isPlanFileName(name), name);
  });

  it('the extension manifest names plans with the same patterns (activation, YAML language, schema)', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      activationEvents: string[];
      contributes: { languages: { id: string; filenamePatterns?: string[] }[]; yamlValidation: { fileMatch: string[] }[] };
    };
    const patterns = [...PLAN_NAME_PATTERNS];
    assert.deepEqual(manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:')), patterns.map((p) => `workspaceContains:**/${p}`));
    assert.deepEqual(manifest.contributes.languages.find((l) => l.id === 'yaml')?.filenamePatterns, patterns);
    assert.deepEqual(manifest.contributes.yamlValidation[0].fileMatch, patterns);
    for (const p of patterns) assert.ok(isPlanFileName(p.replace('*', 'any')), p);
  });

  it('looks for the marker in other YAML files, never in eqplan config files', () => {
    assert.ok(mayHoldPlanMarker('plans/equality.yaml'));
    assert.ok(mayHoldPlanMarker('C:\\plans\\equality.YML'));
    assert.ok(!mayHoldPlanMarker('plans/.eqplanrc.yaml'));
    assert.ok(!mayHoldPlanMarker('C:\\plans\\.eqplanrc.yml'));
    assert.ok(!mayHoldPlanMarker('notes.txt'));
  });

  it('a document is a plan by name, or as YAML (by language or name) with the marker', () => {
    assert.ok(isPlanDocument('file:///a/plan.eqplan.yaml', 'plaintext', ''));
    assert.ok(isPlanDocument('untitled:Untitled-1', 'yaml', '# draft\neqplan: 1\n'));
    assert.ok(isPlanDocument('file:///a/plan.yml', undefined, 'eqplan: 1\n'));
    assert.ok(!isPlanDocument('file:///a/notes.md', 'markdown', 'eqplan: 1'));
    assert.ok(!isPlanDocument('file:///a/.eqplanrc.yaml', 'yaml', 'eqplan: 1'), 'a config file is never a plan');
    assert.ok(!isPlanDocument('file:///a/ci.yml', 'yaml', 'on: push\n'));
  });
});

describe('plan files: the `eqplan: 1` marker', () => {
  it('accepts the marker with quotes, spaces, a comment, a byte order mark and after other lines', () => {
    for (const text of ['eqplan: 1', 'eqplan: "1"', "eqplan: '1'", 'eqplan : 1  ', 'eqplan:\t1 # format version', '\uFEFFeqplan: 1\n', '# My plan\n---\neqplan: 1\n']) {
      assert.ok(hasPlanMarker(text), JSON.stringify(text));
    }
  });

  it('refuses what YAML does not read as a top-level `eqplan: 1`', () => {
    for (const text of ['  eqplan: 1', 'eqplan: 10', 'eqplan: 1.0', 'eqplan: 2', 'eqplan: "1\'', 'eqplan: 1#x', 'x: eqplan: 1', '# eqplan: 1', 'eqplan_: 1', 'plan:\n  eqplan: 1']) {
      assert.ok(!hasPlanMarker(text), JSON.stringify(text));
    }
  });

  it('splits lines only at \\n, \\r\\n and \\r, as the editor does', () => {
    assert.ok(hasPlanMarker('title: x\reqplan: 1\rmore: y'));
    assert.ok(hasPlanMarker('title: x\r\neqplan: 1\r\n'));
    // U+2028 is not a line break for the editor, so the marker is inside the line `title: x\u2028eqplan: 1`.
    assert.ok(!hasPlanMarker('title: x\u2028eqplan: 1\n'));
    assert.ok(!hasPlanMarker('eqplan: 1\u2028x: 2\n'));
  });

  it('counts a marker line only when it ends within the look-ahead', () => {
    const pad = (n: number) => '#'.repeat(n - 1) + '\n';
    const marker = 'eqplan: 1';
    // The marker line ends exactly at the look-ahead: at the end of the text, or just before a line break.
    const fits = pad(PLAN_MARKER_LOOKAHEAD - marker.length) + marker;
    assert.equal(fits.length, PLAN_MARKER_LOOKAHEAD);
    assert.ok(hasPlanMarker(fits));
    assert.ok(hasPlanMarker(fits + '\nmore: 1\n'));
    assert.ok(hasPlanMarker(fits + '\r\nmore: 1\n'));
    // One character later, it does not.
    const late = pad(PLAN_MARKER_LOOKAHEAD - marker.length + 1) + marker;
    assert.ok(!hasPlanMarker(late));
    assert.ok(!hasPlanMarker(late + '\n'));
    // A marker-looking line cut by the look-ahead (`eqplan: 1` then `0`) is not read as the marker.
    assert.ok(!hasPlanMarker(fits + '0\n'));
  });

  it('gives the same answer for the first PLAN_MARKER_HEAD_CHARS characters as for the whole text', () => {
    const marker = 'eqplan: 1';
    const texts = [
      '#'.repeat(PLAN_MARKER_LOOKAHEAD - marker.length - 1) + '\n' + marker + '\n' + 'x'.repeat(100),
      '#'.repeat(PLAN_MARKER_LOOKAHEAD - marker.length - 1) + '\n' + marker + '0\n',
      '#'.repeat(PLAN_MARKER_LOOKAHEAD - marker.length) + '\n' + marker + '\n',
      marker + '\n' + 'x'.repeat(PLAN_MARKER_LOOKAHEAD * 2),
    ];
    for (const text of texts) assert.equal(hasPlanMarker(text.slice(0, PLAN_MARKER_HEAD_CHARS)), hasPlanMarker(text));
    assert.deepEqual(texts.map(hasPlanMarker), [true, false, false, true]);
  });

  it('finds the marker in the first bytes of a file in UTF-8, UTF-16 or Windows-1252', () => {
    assert.ok(planMarkerInHead(utf8('eqplan: 1\n')));
    assert.ok(planMarkerInHead(bytes([0xef, 0xbb, 0xbf], 'eqplan: 1\n')));
    assert.ok(planMarkerInHead(utf16le('eqplan: 1\r\ntitle: x\r\n')));
    assert.ok(planMarkerInHead(utf16be('eqplan: 1\ntitle: x\n')));
    assert.ok(planMarkerInHead(bytes('title: Caf', [0xe9], '\neqplan: 1\n')), 'a Windows-1252 plan is found, so checking it can say how to save it');
    assert.ok(!planMarkerInHead(utf8('name: CI\non: push\n')));
    assert.ok(!planMarkerInHead(new Uint8Array(0)));
  });

  it('reads enough bytes for the look-ahead in any encoding', () => {
    // The whole look-ahead in three-byte characters (a comment of `€`), then the marker: within reach of PLAN_HEAD_BYTES.
    const text = '#' + '€'.repeat(PLAN_MARKER_LOOKAHEAD - 'eqplan: 1'.length - 2) + '\neqplan: 1\n';
    const encoded = utf8(text);
    assert.ok(encoded.length <= PLAN_HEAD_BYTES);
    assert.ok(planMarkerInHead(encoded));
    assert.ok(planMarkerInHead(encoded.subarray(0, PLAN_HEAD_BYTES)));
  });
});

describe('plan files: size and decoding', () => {
  it('has one size limit, 10 MB, with a message naming the file and its size', () => {
    assert.equal(MAX_PLAN_BYTES, 10 * 1024 * 1024);
    assert.equal(planSizeProblem(MAX_PLAN_BYTES, 'a.eqplan.yaml'), undefined);
    const big = planSizeProblem(11 * 1024 * 1024, 'plans/a.eqplan.yaml');
    assert.equal(big?.kind, 'too-big');
    assert.match(big?.message ?? '', /^plans\/a\.eqplan\.yaml is not a text plan file eqplan can check: it is 11\.0 MB, over the 10 MB limit\./);
  });

  it('holds text in memory (an open document) to the same limit, counted in UTF-8 bytes, and the parser refuses it', () => {
    assert.ok(!textOverSizeLimit('a'.repeat(MAX_PLAN_BYTES)));
    assert.ok(textOverSizeLimit('a'.repeat(MAX_PLAN_BYTES + 1)));
    // 4 Mi characters of `é` are 8 MB; of `€`, 12 MB; of `😀` (two characters each), 8 MB.
    assert.ok(!textOverSizeLimit('é'.repeat(4 * 1024 * 1024)));
    assert.ok(textOverSizeLimit('€'.repeat(4 * 1024 * 1024)));
    assert.ok(!textOverSizeLimit('😀'.repeat(2 * 1024 * 1024)));
    const parsed = parsePlan(`eqplan: 1\n# ${'€'.repeat(4 * 1024 * 1024)}\n`);
    assert.equal(parsed.readable, false);
    assert.match(parsed.syntax[0].message, /over 10 MB, too large to be a plan/);
  });

  it('decodes UTF-8 strictly, keeping a byte order mark, characters outside the BMP and line endings', () => {
    const text = '\uFEFFeqplan: 1\r\norganisation: Café £ “Council” 😀\rtitle: x\n';
    const decoded = decodePlanBytes(utf8(text), 'a.eqplan.yaml');
    assert.deepEqual(decoded, { ok: true, text });
    assert.deepEqual(decodePlanBytes(new Uint8Array(0), 'e.eqplan.yaml'), { ok: true, text: '' });
  });

  it('decodes a long file in one piece', () => {
    const text = 'eqplan: 1\n' + '# é€😀 padding\n'.repeat(20_000);
    assert.deepEqual(decodePlanBytes(utf8(text), 'long.eqplan.yaml'), { ok: true, text });
  });

  it('decodes as the platform decoder does, also without it: random bytes, well-formed or not, both ways', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
    for (let n = 0; n < 2000; n++) {
      // Mostly text with some multi-byte characters; every few cases, raw bytes.
      const bytes = n % 4 === 0 ? Uint8Array.from({ length: 1 + (next() % 40) }, next) : utf8(Array.from({ length: next() % 30 }, () => ['a', 'é', '€', '😀', '\n', '\uFEFF'][next() % 6]).join(''));
      let expected: string | undefined;
      try {
        expected = strict.decode(bytes);
      } catch {
        expected = undefined;
      }
      const here = decodeUtf8Here(bytes, true);
      if (expected === undefined) assert.equal(typeof here, 'object', `fatal ${[...bytes].join(' ')}`);
      else assert.equal(here, expected);
      assert.equal(decodeUtf8Here(bytes, false), lenient.decode(bytes), `lenient ${[...bytes].join(' ')}`);
    }
  });

  it('says a Windows-1252 file is not UTF-8, on the line of the first bad byte (lines as the editor counts them)', () => {
    const p = problemOf(decodePlanBytes(bytes('eqplan: 1\r\ntitle: x\rorganisation: Caf', [0xe9], ' Council\n'), 'ansi.eqplan.yaml'));
    assert.equal(p.kind, 'not-utf8');
    assert.equal(p.line, 2);
    assert.match(p.message, /^ansi\.eqplan\.yaml is not saved as UTF-8 text: line 3 has a character .*Windows-1252 \("ANSI"\).*pick UTF-8/);
  });

  it('refuses ill-formed UTF-8: overlong forms, surrogates, code points past U+10FFFF, cut sequences', () => {
    const bad: number[][] = [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80]];
    for (const seq of bad) assert.equal(problemOf(decodePlanBytes(bytes('eqplan: 1\ntitle: ', seq, '\n'), 'x')).line, 1, seq.join(' '));
  });

  it('says a UTF-16 file is UTF-16, with or without a byte order mark', () => {
    for (const encoded of [utf16le('eqplan: 1\ntitle: Plan\n'), utf16be('eqplan: 1\ntitle: Plan\n'), utf16le('eqplan: 1\ntitle: Plan\n', false)]) {
      const p = problemOf(decodePlanBytes(encoded, 'u.eqplan.yaml'));
      assert.equal(p.kind, 'utf16');
      assert.match(p.message, /^u\.eqplan\.yaml is saved as Unicode \(UTF-16\) text, and eqplan reads plans saved as UTF-8\. .*pick UTF-8/);
    }
  });

  it('says a binary file (a NUL byte, a PDF) is not a text plan', () => {
    for (const encoded of [bytes('eqplan: 1\n', [0x00, 0x01, 0xff]), bytes('%PDF-1.7\n', [0xe2, 0xe3, 0xcf, 0xd3])]) {
      const p = problemOf(decodePlanBytes(encoded, 'b.eqplan.yaml'));
      assert.equal(p.kind, 'binary');
      assert.match(p.message, /^b\.eqplan\.yaml is not a text plan file: it contains binary data\./);
    }
  });

  it('reports a problem as one yaml-syntax error at the start of its line, without fixes', () => {
    const p = problemOf(decodePlanBytes(bytes('eqplan: 1\nx: ', [0xe9], '\n'), 'a'));
    const finding = planFileProblemFinding(p, `${p.message} The file has not been changed.`);
    assert.deepEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    assert.equal(finding.rule, 'yaml-syntax');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /The file has not been changed\.$/);
  });
});
