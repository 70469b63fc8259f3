/**
 * `eqplan diff`: what a change did to the plans. Two forms:
 *   eqplan diff OLD NEW                      two files
 *   eqplan diff --base REF [--head REF] [paths]   the plans git sees changed
 * With `--base`, the old versions are read from git at the point where the
 * working tree (or `--head`) branched from REF, as a pull request shows.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePlanBytes, diffPlans, hasPlanMarker, isPlanFileName, type SeverityLevel } from '../core';
import { changedFiles, fileAt, mergeBase, repositoryRoot, resolveCommit } from '../node/git';
import { ConfigResolver } from '../node/config';
import type { DiffArgs } from './args';
import { DIFF_FORMATTERS } from './diff';
import type { PlanFileDiff } from './diff/types';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors';
import { toPosix } from './files';
import { atLeast } from './formatters/shared';
import { githubBlobBase, writeOutput } from './output';

/** A plan that is not there in one version: every open action in the other is then added or removed. */
const NO_PLAN = 'eqplan: 1\norganisation: ""\ntitle: ""\nobjectives: []\n';

export function runDiff(args: DiffArgs, cwd: string, env: NodeJS.ProcessEnv): number {
  const shown = (file: string): string => toPosix(path.relative(cwd, file)) || file;
  const configs = new ConfigResolver(args.config === undefined ? undefined : path.resolve(cwd, args.config), shown);
  const severitiesFor = (file: string): Record<string, SeverityLevel> | undefined => {
    const config = configs.forPlan(file);
    if (config.errors.length > 0) throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
    return config.options.changes;
  };
  let diffs: PlanFileDiff[];
  let base: string;
  let head: string;
  if (args.base === undefined) {
    const [oldFile, newFile] = args.files;
    const oldText = readText(path.resolve(cwd, oldFile), oldFile);
    const newText = readText(path.resolve(cwd, newFile), newFile);
    diffs = [{ file: shown(path.resolve(cwd, newFile)), oldFile: shown(path.resolve(cwd, oldFile)), status: 'modified', changes: diffPlans(oldText, newText, { severities: severitiesFor(path.resolve(cwd, newFile)) }).changes }];
    base = oldFile;
    head = newFile;
  } else {
    ({ diffs, base, head } = diffFromGit(args, cwd, shown, severitiesFor));
  }
  const text = DIFF_FORMATTERS[args.format](diffs, { failOn: args.failOn, base, head, linkBase: githubBlobBase(env) });
  writeOutput(text, args.output, cwd);
  return diffs.some((d) => d.changes.some((c) => atLeast(c.severity, args.failOn))) ? EXIT_FINDINGS : EXIT_OK;
}

function diffFromGit(args: DiffArgs, cwd: string, shown: (f: string) => string, severitiesFor: (f: string) => Record<string, SeverityLevel> | undefined): { diffs: PlanFileDiff[]; base: string; head: string } {
  const baseRef = args.base ?? '';
  const root = repositoryRoot(cwd);
  if (root === undefined) throw new UsageError('`eqplan diff --base` reads the old versions from git, but this folder is not in a git repository (or git is not installed). To compare two files, run `eqplan diff old.eqplan.yaml new.eqplan.yaml`.');
  const baseCommit = resolveCommit(baseRef, root);
  if (baseCommit === undefined) throw new UsageError(`\`${baseRef}\` is not a branch, tag or commit this repository has. In GitHub Actions, check out with \`fetch-depth: 0\` (or run \`git fetch origin ${baseRef}\`) so the base branch is there.`);
  let headCommit: string | undefined;
  if (args.head !== undefined) {
    headCommit = resolveCommit(args.head, root);
    if (headCommit === undefined) throw new UsageError(`\`${args.head}\` (given with --head) is not a branch, tag or commit this repository has.`);
  }
  // Compare with where the change branched off, as a pull request does; else with the base itself.
  const from = mergeBase(baseCommit, headCommit ?? 'HEAD', root) ?? baseCommit;
  const specs = args.files.map((p) => toPosix(path.relative(root, path.resolve(cwd, p))) || '.');
  const changed = changedFiles(from, headCommit, specs, root);
  if (changed === undefined) throw new UsageError(`git could not compare ${baseRef} with ${args.head ?? 'the working tree'}.`);
  const diffs: PlanFileDiff[] = [];
  for (const f of changed) {
    const oldBytes = f.oldPath !== undefined ? fileAt(from, f.oldPath, root) : undefined;
    const newAbs = f.newPath !== undefined ? path.join(root, f.newPath) : undefined;
    let newText: string | undefined;
    if (f.newPath !== undefined && newAbs !== undefined) {
      const bytes = headCommit ? fileAt(headCommit, f.newPath, root) : readBytes(newAbs);
      newText = bytes === undefined ? undefined : decode(bytes);
    }
    const oldText = oldBytes === undefined ? undefined : decode(oldBytes);
    const isPlan = (p: string | undefined, text: string | undefined): boolean => p !== undefined && (isPlanFileName(p) || (text !== undefined && hasPlanMarker(text)));
    if (!isPlan(f.newPath, newText) && !isPlan(f.oldPath, oldText)) continue;
    const changes = diffPlans(oldText ?? NO_PLAN, newText ?? NO_PLAN, { severities: severitiesFor(newAbs ?? path.join(root, f.oldPath ?? '')) }).changes;
    diffs.push({
      file: newAbs === undefined ? undefined : shown(newAbs),
      oldFile: f.oldPath === undefined || f.status === 'modified' ? undefined : shown(path.join(root, f.oldPath)),
      status: f.status,
      changes: f.status === 'added' ? changes.filter((c) => c.kind !== 'objective-added' && c.kind !== 'action-added' && c.kind !== 'target-added') : changes,
    });
  }
  const short = (c: string): string => c.slice(0, 7);
  return { diffs, base: `${baseRef} (${short(from)})`, head: headCommit ? `${args.head} (${short(headCommit)})` : 'the working tree' };
}

function readBytes(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function readText(absolute: string, typed: string): string {
  const bytes = readBytes(absolute);
  if (bytes === undefined) throw new UsageError(`Could not read ${typed}. Check the file name.`);
  const decoded = decodePlanBytes(bytes, typed);
  if (!decoded.ok) throw new UsageError(decoded.problem.message);
  return decoded.text;
}

/** An old or new version's text; undefined when it is not a text plan file (the other side is then compared with an empty plan). */
function decode(bytes: Uint8Array): string | undefined {
  const decoded = decodePlanBytes(bytes, '');
  return decoded.ok ? decoded.text : undefined;
}
