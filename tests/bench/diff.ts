/**
 * `eqplan diff` figures for `npm run bench`: comparing two versions of a
 * 5,000-action plan (one deadline in ten moved a year later), in process,
 * beside the bare `yaml` parse of one version. The versions are read by the
 * quick reading (`core/quickRead.ts`), not by building the `yaml` document.
 */
import { parseDocument } from 'yaml';
import { diffPlans } from '../../server/src/core';
import { generatePlan } from './generate';
import { median, round } from './measure';
import type { BenchRow } from './row';

export function diffRows(runs = 5): BenchRow[] {
  const before = generatePlan(50, 100);
  let n = 0;
  const after = before.replace(/due: (\d{4})-(\d{2})/g, (m, y: string, mo: string) => (n++ % 10 === 0 ? `due: ${Number(y) + 1}-${mo}` : m));
  const diffMs: number[] = [];
  const parseMs: number[] = [];
  let changes = 0;
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    changes = diffPlans(before, after).changes.length;
    const d = performance.now() - t;
    t = performance.now();
    parseDocument(after, { uniqueKeys: false });
    const p = performance.now() - t;
    if (i > 0) {
      diffMs.push(d);
      parseMs.push(p);
    }
  }
  const diff = median(diffMs);
  const parse = median(parseMs);
  return [
    { section: 'diff', what: `two versions of a 5,000-action plan (${changes} changes), median of ${runs}`, value: round(diff), unit: 'ms', goal: 'well under 1 s', met: diff < 800 },
    { section: 'diff', what: 'the same, against one bare yaml parse of one version', value: round(diff / parse), unit: 'x', note: `bare parse ${round(parse)} ms` },
  ];
}

if (require.main === module) {
  for (const r of diffRows()) console.log(`${r.what}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
