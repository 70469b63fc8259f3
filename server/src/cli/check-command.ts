/**
 * `eqplan check`: find the plans, check (and with --fix, fix) them, print the
 * results in the chosen format, and decide the exit code.
 */
import * as path from 'node:path';
import { RULES } from '../core';
import { ConfigResolver, readConfigFile } from '../node/config';
import type { CheckArgs } from './args';
import { checkFiles } from './check-files';
import { shouldColor } from './color';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors';
import { expandTargets, toPosix } from './files';
import { FORMATTERS, type FormatContext } from './formatters';
import { buildStepSummary } from './formatters/github-summary';
import { atLeast, countAll } from './formatters/shared';
import { appendStepSummary, writeOutput } from './output';
import type { FileResult } from './results';
import { VERSION } from './version';

export function runCheck(args: CheckArgs, cwd: string, env: NodeJS.ProcessEnv): number {
  const shown = (file: string) => toPosix(path.relative(cwd, file)) || file;
  if (args.config !== undefined) {
    // Check the named config first, so a typo in --config is reported even before any plan is read.
    const config = readConfigFile(path.resolve(cwd, args.config), args.config);
    if (config.errors.length > 0) throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
  }
  const files = expandTargets(args.targets, cwd);
  const configs = new ConfigResolver(args.config === undefined ? undefined : path.resolve(cwd, args.config), shown);
  const results = checkFiles(files, { asOf: args.asOf, configs, fix: args.fix });

  const ctx: FormatContext = {
    failSeverity: args.failSeverity,
    color: shouldColor(args.color, env, process.stdout.isTTY === true, args.output !== undefined),
    cwd,
    version: VERSION,
    rules: RULES,
    linkBase: githubBlobBase(env),
  };
  const reported: FileResult[] = args.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  writeOutput(FORMATTERS[args.format](reported, ctx), args.output, cwd);
  if (args.format === 'github' && env.GITHUB_STEP_SUMMARY) appendStepSummary(env.GITHUB_STEP_SUMMARY, buildStepSummary(reported, ctx));

  return exitCodeFor(results, args);
}

/** 1 when a finding is at or above --fail-severity or warnings exceed --max-warnings (counted before --quiet hides them). */
export function exitCodeFor(results: readonly FileResult[], args: Pick<CheckArgs, 'failSeverity' | 'maxWarnings'>): number {
  const failing = results.some((r) => r.findings.some((f) => atLeast(f.severity, args.failSeverity)));
  const tooManyWarnings = args.maxWarnings !== undefined && countAll(results).warning > args.maxWarnings;
  return failing || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** `https://github.com/org/repo/blob/<sha>/` inside GitHub Actions, for links to lines. */
function githubBlobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}
