/**
 * The incremental check (`checkParsed` with the previous result) against a
 * whole check of the same text, on random edits to every sample: the same
 * findings, in the same order, with the same fixes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkParsed, checkPlan, parsePlan, type CheckResult, type Finding, type ParsedPlan } from '../../server/src/core';
import { trySplice } from '../../server/src/core/reparse';
import { ALL_RULES } from '../../server/src/core/rules';

const SAMPLES = join(__dirname, '../../samples');
const OPTIONS = { localToday: '2024-01-15' };

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = ['2023-01', 'tbc', 'ongoing', 'Nov 22', '2023-02-30', 'red', 'green', 'amber', 'All', 'Finance', 'hr', 'done', 'dropped', '1a', '2b', 'x', ''];

/** One random edit: mostly inside values (so the parse can be spliced), sometimes a new line, a comment or a stray character. */
function edit(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const valueLines = lines.map((l, i) => (/^\s*(-\s+)?[A-Za-z_-]+:\s+\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const line = valueLines.length > 0 ? pick(valueLines) : Math.floor(next() * lines.length);
  const text0 = lines[line];
  const colon = text0.indexOf(': ');
  const kind = next();
  if (kind < 0.45 && colon >= 0) {
    // Replace the value with another.
    const value = pick(VALUES);
    lines[line] = `${text0.slice(0, colon + 2)}${value}`;
  } else if (kind < 0.7 && colon >= 0) {
    // Type or delete one character inside the value.
    const at = colon + 2 + Math.floor(next() * Math.max(1, text0.length - colon - 2));
    lines[line] = next() < 0.5 ? `${text0.slice(0, at)}${pick(['x', '1', ' ', 'é', '-'])}${text0.slice(at)}` : text0.slice(0, at) + text0.slice(at + 1);
  } else if (kind < 0.8) {
    // A comment or blank line (lines move).
    lines.splice(line + 1, 0, pick(['', '# note', '    # eqplan-disable-next-line overdue -- agreed']));
  } else if (kind < 0.9 && colon >= 0) {
    // A new field under the same item.
    const indent = /^\s*(-\s+)?/.exec(text0)?.[0].replace('-', ' ') ?? '';
    lines.splice(line + 1, 0, `${indent}${pick(['measure', 'x-note', 'deadline', 'rag', 'owner'])}: ${pick(VALUES)}`);
  } else {
    // A stray character anywhere.
    const at = Math.floor(next() * text0.length);
    lines[line] = text0.slice(0, at) + pick([':', '"', '[', '- ', 'x']) + text0.slice(at);
  }
  return lines.join('\n');
}

/**
 * Everything a finding says; with `fixes`, its fixes too (read, so lazy fixes
 * are built on the text they belong to). A finding whose fixes were read is
 * never reused by the next check, so most steps compare without them, and
 * the next check's reuse of findings (kept, or moved in place) is compared too.
 */
function shown(findings: readonly Finding[], fixes: boolean): unknown[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, offset: f.offset, endOffset: f.endOffset, path: f.path, ...(fixes ? { fixes: f.fixes } : {}) }));
}

describe('incremental check', function () {
  this.timeout(120000);
  const samples = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eqplan.yaml'));
  let reused = 0;
  /** Findings a re-check handed back as the same objects (kept, or moved in place). */
  let findingsKept = 0;

  it('every rule that checks a plan says whether it works item by item or across the plan', () => {
    for (const rule of ALL_RULES) if (rule.check) assert.ok(rule.scope === 'item' || rule.scope === 'plan', rule.id);
  });

  for (const sample of samples) {
    it(`gives the findings of a whole check after random edits: ${sample}`, () => {
      const base = readFileSync(join(SAMPLES, sample), 'utf8');
      for (const seed of [1, 2]) {
        const next = random(seed * 7919 + sample.length);
        let text = base;
        let parsed: ParsedPlan = parsePlan(text);
        let previous: CheckResult | undefined = checkParsed(parsed, OPTIONS);
        for (let step = 0; step < 40; step++) {
          text = edit(text, next);
          parsed = trySplice(parsed, text) ?? parsePlan(text);
          // Some versions are not checked (typing on): the next check then spans several splices.
          if (next() < 0.3) continue;
          const before = previous;
          const result = checkParsed(parsed, OPTIONS, before);
          if (before?.reuse?.taken) reused++;
          const withFixes = next() < 0.2;
          assert.deepEqual(shown(result.findings, withFixes), shown(checkPlan(text, OPTIONS).findings, withFixes), `seed ${seed}, step ${step}`);
          if (before?.reuse?.taken) findingsKept += result.findings.filter((f) => before.findings.includes(f)).length;
          previous = result;
        }
      }
    });
  }

  it('re-checked item by item after most of those edits (else the comparisons above test little)', () => {
    assert.ok(reused > 50, `only ${reused} checks reused an earlier one`);
    assert.ok(findingsKept > 200, `only ${findingsKept} findings were handed back as the same objects`);
  });

  it('leaves the fixes of kept findings on the current text', () => {
    const text = readFileSync(join(SAMPLES, 'leicester-2019-20.eqplan.yaml'), 'utf8');
    const parsed = parsePlan(text);
    const first = checkParsed(parsed, OPTIONS);
    const at = text.lastIndexOf('action: ') + 'action: '.length;
    const edited = `${text.slice(0, at)}New ${text.slice(at)}`;
    const spliced = trySplice(parsed, edited);
    assert.ok(spliced, 'the edit is spliced');
    const second = checkParsed(spliced, OPTIONS, first);
    assert.equal(first.reuse?.taken, true);
    assert.deepEqual(shown(second.findings, true), shown(checkPlan(edited, OPTIONS).findings, true));
  });
});
