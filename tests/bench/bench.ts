/**
 * `npm run bench`: every figure issue 12 sets a goal for, measured in one run
 * and printed as one table with the goal beside each figure; the same rows are
 * written to bench-results.json. A benchmark, not a test: it asserts nothing.
 * It builds the production bundles and the VSIX first (`npm run package`),
 * measures them, and rebuilds the development bundles at the end.
 *   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { cliRows } from './cli';
import { diffRows } from './diff';
import { extensionRows } from './extension';
import { REPO, round } from './measure';
import { previewRows } from './preview';
import type { BenchRow } from './row';
import { serverRows } from './server';

function machine(): string {
  return `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}`;
}

function table(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.section, r.what, `${round(r.value)} ${r.unit}`, r.goal ?? '', r.met === undefined ? '' : r.met ? 'met' : 'NOT MET', r.note ?? '']);
  const head = ['section', 'what', 'figure', 'goal', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  // The extension section packages the VSIX, which builds the production bundles every other section then runs.
  rows.push(...extensionRows());
  rows.push(...cliRows());
  rows.push(...(await serverRows()));
  rows.push(...(await previewRows()));
  rows.push(...diffRows());
  const when = new Date().toISOString();
  const out = path.join(REPO, 'bench-results.json');
  writeFileSync(out, `${JSON.stringify({ when, machine: machine(), rows }, null, 2)}\n`);
  console.log(`eqplan benchmark, ${when}\n${machine()}\n`);
  console.log(table(rows));
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}.`);
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
}

void main();
