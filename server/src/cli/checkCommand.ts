/**
 * `eqplan check`: find the plans, check (and with --fix, fix) them, print the
 * results in the chosen format, and decide the exit code.
 */
import * as path from 'node:path';
import { plural, RULES } from '../core';
import { localToday } from '../node/clock';
import { ConfigResolver, readConfigFile } from '../node/config';
import type { CheckArgs } from './args';
import { checkFiles } from './checkFiles';
import { shouldColor } from './color';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors';
import { expandTargets, toPosix } from './files';
import { checkFilesInParallel, threadsFor } from './parallelCheck';
import { loadFormatter, showsSafeFixes, type FormatContext } from './formatters';
import { atLeast, countAll, describeCounts, type SeverityCounts } from './formatters/shared';
import { appendStepSummary, githubBlobBase, writeOutput } from './output';
import type { FileResult } from './results';
import { VERSION } from './version';

export async function runCheck(args: CheckArgs, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const shown = (file: string) => toPosix(path.relative(cwd, file)) || file;
  if (args.config !== undefined) {
    // Check the named config first, so a typo in --config is reported even before any plan is read.
    const config = readConfigFile(path.resolve(cwd, args.config), args.config);
    if (config.errors.length > 0) throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
  }
  const files = expandTargets(args.targets, cwd);
  const configs = new ConfigResolver(args.config === undefined ? undefined : path.resolve(cwd, args.config), shown);
  const today = localToday();
  const opts = { asOf: args.asOf, localToday: today, configs, fix: args.fix, safeFixes: showsSafeFixes(args.format) };
  // Many plans are checked on every core; --fix writes files and stays on one thread.
  const threads = args.fix ? 1 : threadsFor(files.length);
  const results =
    threads > 1
      ? await checkFilesInParallel(files, opts, { cwd, config: args.config === undefined ? undefined : path.resolve(cwd, args.config), asOf: args.asOf, localToday: today, safeFixes: opts.safeFixes }, threads)
      : await checkFiles(files, opts);

  const reported: FileResult[] = args.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const exitCode = exitCodeFor(results, args);
  const stepSummary = args.format === 'github' && !!env.GITHUB_STEP_SUMMARY;
  const ctx: FormatContext = {
    failSeverity: args.failSeverity,
    color: shouldColor(args.color, env, process.stdout.isTTY === true, args.output !== undefined),
    cwd,
    version: VERSION,
    rules: RULES,
    linkBase: githubBlobBase(env),
    hidden: args.quiet ? hiddenCounts(results) : undefined,
    fails: exitCode === EXIT_FINDINGS,
    stepSummary,
  };
  // Why the run fails when the output alone does not show it: after the stylish
  // report, else on stderr so that JSON, SARIF and XML stay valid.
  const notes = failureNotes(results, args);
  const inReport = args.format === 'stylish';
  const text = (await loadFormatter(args.format))(reported, ctx);
  writeOutput(inReport && notes.length > 0 ? `${text}${notes.join('\n')}\n` : text, args.output, cwd);
  if (!inReport || args.output !== undefined) for (const note of notes) process.stderr.write(`eqplan: ${note}\n`);
  if (args.format === 'github') {
    const { escapeData, escapeProperty } = await import('./formatters/github');
    for (const note of notes) process.stdout.write(`::error title=${escapeProperty('eqplan')}::${escapeData(note)}\n`);
  }
  if (stepSummary && env.GITHUB_STEP_SUMMARY) appendStepSummary(env.GITHUB_STEP_SUMMARY, (await import('./formatters/githubSummary')).buildStepSummary(reported, ctx));

  return exitCode;
}

/** 1 when a finding is at or above --fail-severity or warnings exceed --max-warnings (counted before --quiet hides them). */
export function exitCodeFor(results: readonly FileResult[], args: Pick<CheckArgs, 'failSeverity' | 'maxWarnings'>): number {
  const failing = results.some((r) => r.findings.some((f) => atLeast(f.severity, args.failSeverity)));
  return failing || tooManyWarnings(results, args) ? EXIT_FINDINGS : EXIT_OK;
}

function tooManyWarnings(results: readonly FileResult[], args: Pick<CheckArgs, 'maxWarnings'>): boolean {
  return args.maxWarnings !== undefined && countAll(results).warning > args.maxWarnings;
}

/** What --quiet hides: every finding below error. */
function hiddenCounts(results: readonly FileResult[]): SeverityCounts {
  return { ...countAll(results), error: 0 };
}

/**
 * One sentence for each reason the run fails that the report itself does not
 * show: too many warnings for --max-warnings, or findings hidden by --quiet
 * at or above --fail-severity.
 */
export function failureNotes(results: readonly FileResult[], args: Pick<CheckArgs, 'failSeverity' | 'maxWarnings' | 'quiet'>): string[] {
  const notes: string[] = [];
  if (args.quiet) {
    const hidden = hiddenCounts(results);
    const failing: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const severity of ['warning', 'information', 'hint'] as const) if (atLeast(severity, args.failSeverity)) failing[severity] = hidden[severity];
    const n = failing.warning + failing.information + failing.hint;
    if (n > 0) notes.push(`${describeCounts(failing)} hidden by --quiet ${n === 1 ? 'is' : 'are'} at or above --fail-severity ${args.failSeverity}, so the check fails.`);
  }
  if (tooManyWarnings(results, args)) {
    notes.push(`${plural(countAll(results).warning, 'warning')} found, more than --max-warnings ${args.maxWarnings} allows.`);
  }
  return notes;
}
