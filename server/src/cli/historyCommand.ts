/**
 * `eqplan history <plan>`: the plan's versions from git (renames followed),
 * oldest first, with uncommitted edits as the last version, read by the
 * engine's `planHistory` and printed for a person, a comment or a tool.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePlanBytes, localIsoDate, planHistory, type PlanVersion } from '../core';
import { fileAt, fileLog, repositoryRoot, repoRelative } from '../node/git';
import type { HistoryArgs } from './args';
import { EXIT_OK, UsageError } from './errors';
import { toPosix } from './files';
import { HISTORY_FORMATTERS } from './history';
import { writeOutput } from './output';

/** Reads every committed version of a plan, oldest first, plus the file on disk when it differs from the last commit. Undefined outside git. */
export function readPlanVersions(file: string, today: string): PlanVersion[] | undefined {
  const root = repositoryRoot(path.dirname(file));
  if (root === undefined) return undefined;
  const log = fileLog(repoRelative(file, root), root);
  if (log === undefined) return undefined;
  const versions: PlanVersion[] = [];
  for (const c of log.slice().reverse()) {
    const bytes = fileAt(c.commit, c.path, root);
    const text = bytes === undefined ? undefined : decode(bytes);
    if (text !== undefined) versions.push({ commit: c.commit, date: c.date, author: c.author, text });
  }
  if (existsSync(file)) {
    const now = decode(readFileSync(file));
    if (now !== undefined && now !== versions[versions.length - 1]?.text) versions.push({ commit: '', date: today, author: '', text: now });
  }
  return versions;
}

function decode(bytes: Uint8Array): string | undefined {
  const decoded = decodePlanBytes(bytes, '');
  return decoded.ok ? decoded.text : undefined;
}

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
