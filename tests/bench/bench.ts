/**
 * Engine benchmarks: prints figures and ratios, asserts nothing.
 *   npm run bench
 * Compares a full check with the bare `yaml` parse of the same text, for a
 * real-size plan and a 5,000-action plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkParsed, checkPlan, parsePlan } from '../../server/src/core';
import { reparsePlan } from '../../server/src/core/reparse';
import { generatePlan } from './generate';

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const cases: [string, string, number][] = [
  ['real plan (samples/leicester)', safeRead(join(__dirname, '../../samples/leicester-2019-20.eqplan.yaml')), 30],
  ['generated 82 actions', generatePlan(4, 21), 30],
  ['generated 5,000 actions', generatePlan(50, 100), 5],
];

function safeRead(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

console.log('case'.padEnd(34), 'bytes'.padStart(9), 'parse ms'.padStart(9), 'check ms'.padStart(9), 'ratio'.padStart(6), 'findings'.padStart(9));
for (const [name, text, runs] of cases) {
  if (!text) continue;
  const parse = time(() => parseDocument(text), runs);
  let findings = 0;
  const check = time(() => {
    findings = checkPlan(text, { asOf: '2024-01-31' }).findings.length;
  }, runs);
  console.log(name.padEnd(34), String(text.length).padStart(9), parse.toFixed(1).padStart(9), check.toFixed(1).padStart(9), (check / parse).toFixed(2).padStart(6), String(findings).padStart(9));
}

// Re-check after one keystroke inside an action: incremental reparse + full rule pass.
console.log('');
console.log('after one edit'.padEnd(34), 'actions'.padStart(9), 'full ms'.padStart(9), 'incr ms'.padStart(9), 'ratio'.padStart(6));
for (const [name, objectives, per] of [['generated 82 actions', 4, 21], ['generated 5,000 actions', 50, 100]] as const) {
  const text = generatePlan(objectives, per);
  const at = text.indexOf('workshop series 17 ');
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const full = time(() => checkParsed(parsePlan(edited), { asOf: '2024-01-31' }), 5);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const previous = parsePlan(text);
    const t = process.hrtime.bigint();
    checkParsed(reparsePlan(previous, edited), { asOf: '2024-01-31' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const incr = times[2];
  console.log(name.padEnd(34), String(objectives * per).padStart(9), full.toFixed(1).padStart(9), incr.toFixed(1).padStart(9), (incr / full).toFixed(2).padStart(6));
}

console.log('');
console.log('goals (issue #2): a real-size plan checked within 30 ms; a re-check after one edit in a 5,000-action plan');
console.log('within 150 ms (incr ms above); a check at most 1.2x the bare parse of the same text (ratio in the first table).');
