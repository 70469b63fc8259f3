/**
 * `eqplan history <plan>`: the plan's versions from git (renames followed),
 * oldest first, with uncommitted edits as the last version, read by the
 * engine's `planHistory` and printed for a person, a comment or a tool.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { localIsoDate, planHistory } from '../core';
import { readPlanVersions } from '../node/planVersions';
import type { HistoryArgs } from './args';
import { EXIT_OK, UsageError } from './errors';
import { toPosix } from './files';
import { HISTORY_FORMATTERS } from './history';
import { writeOutput } from './output';

export function runHistory(args: HistoryArgs, cwd: string): number {
  const file = path.resolve(cwd, args.plan);
  if (!existsSync(file)) throw new UsageError(`Could not find ${args.plan}. Check the file name.`);
  const versions = readPlanVersions(file, localIsoDate(new Date()));
  if (versions === undefined) throw new UsageError(`${args.plan} is not in a git repository (or git is not installed), so it has no history to show. Commit the plan to git and each later commit becomes part of its history.`);
  if (versions.length === 0) throw new UsageError(`git has no committed version of ${args.plan} yet. Commit it first.`);
  const history = planHistory(versions);
  writeOutput(HISTORY_FORMATTERS[args.format](history, toPosix(path.relative(cwd, file)) || args.plan), args.output, cwd);
  return EXIT_OK;
}
