/**
 * A plan's versions over time, read from git: what `eqplan history`, the
 * `repeated-slip` rule (in `eqplan check` and the language server), the
 * deadline hover and the preview's "Changes since" section are built from.
 * Every function answers undefined outside git (or without git): history is
 * extra, never a reason to fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePlanBytes, historyIndex, planHistory, type KnownHistory, type PlanReading, type PlanVersion } from '../core';
import { fileAtAsync, fileLog, fileLogAsync, headCommitAsync, mergeBaseAsync, repositoryRoot, repositoryRootAsync, repoRelative, upstreamBranchAsync, filesAt, startFilesAt, type PlanCommit } from './git';

function decode(bytes: Uint8Array): string | undefined {
  const decoded = decodePlanBytes(bytes, '');
  return decoded.ok ? decoded.text : undefined;
}

/**
 * Every committed version of a plan, oldest first (renames followed), plus
 * the file on disk when it differs from the last commit (dated `today`, with
 * no commit): `diskText` when the caller has already read it, else read now.
 * Undefined outside git.
 */
export function readPlanVersions(file: string, today: string, diskText?: string): PlanVersion[] | undefined {
  const root = repositoryRoot(path.dirname(file));
  if (root === undefined) return undefined;
  const log = fileLog(repoRelative(file, root), root);
  if (log === undefined) return undefined;
  return withDiskVersion(file, today, versionsOf(log, filesAt(oldestFirst(log), root)), diskText);
}

/**
 * `readPlanVersions`, with both gits started before it returns and read
 * without blocking: the caller works on (parses the plan) while they run.
 */
export function readPlanVersionsAsync(file: string, today: string, diskText?: string): Promise<PlanVersion[] | undefined> {
  const root = repositoryRoot(path.dirname(file));
  if (root === undefined) return Promise.resolve(undefined);
  return committedVersionsAsync(repoRelative(file, root), root).then((versions) => versions && withDiskVersion(file, today, versions, diskText));
}

/**
 * The committed versions of the file at `rel`, without blocking; undefined
 * when git cannot say. Its two gits start before the first `await`: the log,
 * and the batch that reads the versions it names.
 */
async function committedVersionsAsync(rel: string, root: string): Promise<PlanVersion[] | undefined> {
  const filesAt = startFilesAt(root);
  // Whatever happens to the log, the batch is asked (if only for nothing), so its git ends.
  const log = await fileLogAsync(rel, root).catch(() => undefined);
  const files = await filesAt(log === undefined ? [] : oldestFirst(log));
  return log === undefined ? undefined : versionsOf(log, files);
}

/** The committed versions, and the file on disk (dated `today`, no commit) when it differs from the last. */
function withDiskVersion(file: string, today: string, versions: PlanVersion[], diskText: string | undefined): PlanVersion[] {
  const now = diskText ?? (existsSync(file) ? decode(readFileSync(file)) : undefined);
  if (now !== undefined && now !== versions[versions.length - 1]?.text) versions.push({ commit: '', date: today, author: '', text: now });
  return versions;
}

/**
 * The history the check reads (`repeated-slip`), from every version of the
 * plan including the file on disk (`readPlanVersions`); undefined outside git
 * or when git has no version of it (then the rule says nothing). `current` is
 * the caller's reading of the file's text, used for the version that has it.
 */
export function knownHistory(file: string, versions: readonly PlanVersion[] | undefined, current?: PlanReading): KnownHistory | undefined {
  if (versions === undefined || versions.length === 0) return undefined;
  return { at: `${file}@${versions[versions.length - 1].commit || 'disk'}`, actions: historyIndex(planHistory(versions, current)) };
}

/** Where a plan is in git: its repository and the commit checked out. */
export interface PlanRepository {
  root: string;
  /** The commit checked out; undefined in a repository with no commit yet. */
  head?: string;
  /** The plan's path relative to the repository's top folder. */
  path: string;
}

/** The repository a plan file is in and its HEAD, without blocking; undefined outside git. */
export async function planRepository(file: string): Promise<PlanRepository | undefined> {
  const root = await repositoryRootAsync(path.dirname(file));
  if (root === undefined) return undefined;
  return { root, head: await headCommitAsync(root), path: repoRelative(file, root) };
}

/** Every committed version of a plan, oldest first (renames followed), without blocking. Empty when git never saw the file. */
export async function readCommittedVersions(repo: PlanRepository): Promise<PlanVersion[]> {
  if (repo.head === undefined) return [];
  return (await committedVersionsAsync(repo.path, repo.root)) ?? [];
}

function oldestFirst(log: readonly PlanCommit[]): PlanCommit[] {
  return log.slice().reverse();
}

/** The versions a log's commits hold, oldest first, from their bytes (`filesAt` of `oldestFirst(log)`); unreadable ones left out. */
function versionsOf(log: readonly PlanCommit[], bytes: readonly (Uint8Array | undefined)[]): PlanVersion[] {
  const versions: PlanVersion[] = [];
  oldestFirst(log).forEach((c, i) => {
    const b = bytes[i];
    const text = b === undefined ? undefined : decode(b);
    if (text !== undefined) versions.push({ commit: c.commit, date: c.date, author: c.author, text });
  });
  return versions;
}

/** The version a plan's changes are shown against: what it is, and its text there (undefined when the plan did not exist there). */
export interface BaseVersion {
  /** How the preview names it: "the last commit" or "origin/main". */
  label: string;
  commit: string;
  text?: string;
}

/**
 * What the preview's "Changes since" compares with: where the branch left its
 * upstream branch (what a pull request would compare with) when it has one,
 * else the last commit. Undefined before the first commit.
 */
export async function readBaseVersion(repo: PlanRepository): Promise<BaseVersion | undefined> {
  if (repo.head === undefined) return undefined;
  const upstream = await upstreamBranchAsync(repo.root);
  const fork = upstream === undefined ? undefined : await mergeBaseAsync('HEAD', upstream, repo.root);
  const commit = fork ?? repo.head;
  const bytes = await fileAtAsync(commit, repo.path, repo.root);
  return { label: fork !== undefined && upstream !== undefined ? upstream : 'the last commit', commit, text: bytes === undefined ? undefined : decode(bytes) };
}
