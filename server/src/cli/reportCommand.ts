/**
 * `eqplan report <plan> -o report.html`: a self-contained HTML progress
 * report. The page is built by the preview wing's template
 * (client/preview/page.ts, as Export Report in the editor is); the charts are
 * drawn by the preview bundle `dist/webview/preview.js`, which sits beside
 * this CLI bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findingRows, makeNonce, reportHtml } from '../../../client/preview/page';
import { checkPlan, mergeOptions, type DecodedPlan } from '../core';
import { localToday } from '../node/clock';
import { ConfigResolver } from '../node/config';
import { readPlanFile } from '../node/planDiscovery';
import type { ReportArgs } from './args';
import { EXIT_OK, UsageError } from './errors';
import { toPosix } from './files';
import { writeOutput } from './output';

export function runReport(args: ReportArgs, cwd: string): number {
  const planPath = path.resolve(cwd, args.plan);
  const text = readPlan(planPath, args.plan);
  const configs = new ConfigResolver(args.config === undefined ? undefined : path.resolve(cwd, args.config), (f) => toPosix(path.relative(cwd, f)) || f);
  const config = configs.forPlan(planPath);
  if (config.errors.length > 0) throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);

  // One read of the clock for the run: the check's "today" and the page's "generated on" date agree.
  const today = localToday();
  const result = checkPlan(text, { ...mergeOptions(config.options, { asOf: args.asOf }), localToday: today });
  if (!result.summary) {
    const first = result.findings.find((f) => f.severity === 'error') ?? result.findings[0];
    throw new UsageError(`${args.plan} cannot be reported on: ${first ? first.message : 'it is not a readable plan.'} Run \`eqplan check ${args.plan}\` to see every problem.`);
  }

  const html = reportHtml(
    { summary: result.summary, findings: findingRows(result.findings), fileName: path.basename(args.plan), generated: today, title: args.title },
    { nonce: makeNonce(), script: readPreviewScript() },
  );
  const output = args.output ?? defaultOutput(args.plan);
  writeOutput(html, output, cwd);
  const s = result.summary.totals;
  process.stdout.write(`Wrote ${output}: ${s.actions} actions (${s.overdue} overdue), ${s.targets} targets, as of ${result.summary.asOf}.\n`);
  return EXIT_OK;
}

/** The plan's text, read strictly as `eqplan check` reads it; a file that is not a text plan stops the report with the same message. */
function readPlan(absolute: string, shown: string): string {
  let read: DecodedPlan;
  try {
    if (statSync(absolute).isDirectory()) throw new UsageError(`${shown} is a folder. \`eqplan report\` takes one plan file.`);
    read = readPlanFile(absolute, shown);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${shown} ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'could not be read'}. Check the file name.`);
  }
  if (!read.ok) throw new UsageError(read.problem.message);
  return read.text;
}

/** The preview bundle shipped beside the CLI bundle (dist/cli.js -> dist/webview/preview.js). */
function readPreviewScript(): string {
  const file = path.join(__dirname, 'webview', 'preview.js');
  if (!existsSync(file)) throw new UsageError('The chart script preview.js is missing next to the eqplan program. Rebuild eqplan (`npm run build`) and try again.');
  return readFileSync(file, 'utf8');
}

/** `plans/a.eqplan.yaml` -> `plans/a.html`. */
function defaultOutput(plan: string): string {
  return plan.replace(/(\.eqplan)?\.ya?ml$/i, '') + '.html';
}
