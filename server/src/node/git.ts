/**
 * Reading a plan's past from git, with the `git` command (no library: every
 * machine that has the repository has git, and its own answer to renames,
 * merge bases and `.gitattributes` is the one the user expects). Used by
 * `eqplan diff --base`, `eqplan history` and the language server's deadline
 * history. Every function answers `undefined` or an empty list when git is
 * missing or the folder is not in a repository: history is extra, never a
 * reason to fail a check.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Past this, a file's old version is not read (the same limit as a plan on disk). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** A commit that touched a plan, newest first in `fileLog`. */
export interface PlanCommit {
  /** Full hash. */
  commit: string;
  /** Author date, `YYYY-MM-DD` in the author's own time zone (the day they would name). */
  date: string;
  author: string;
  /** The plan's path at that commit, relative to the repository's top folder (renames followed). */
  path: string;
}

/** One file changed between two trees. */
export interface ChangedFile {
  status: 'added' | 'removed' | 'modified' | 'renamed';
  /** Path in the old tree (relative to the repository's top folder); absent when added. */
  oldPath?: string;
  /** Path in the new tree; absent when removed. */
  newPath?: string;
}

function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    return undefined;
  }
}

function gitBytes(args: readonly string[], cwd: string, input?: string): Buffer | undefined {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT_BYTES, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    return undefined;
  }
}

/**
 * Runs git without blocking the event loop (the language server's reads:
 * a keystroke is never kept waiting for git). Same answers as `git`.
 */
function gitAsync(args: readonly string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

function gitBytesAsync(args: readonly string[], cwd: string, input?: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
    // A git that exits before reading all its input closes the pipe: the answer is then its exit, above.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/**
 * Where git would find the repository holding `dir`, looked for without
 * starting git (each start costs a few milliseconds, and checking 200 plans
 * outside git should start none): `none` when no folder from `dir` up holds a
 * `.git` (git would only say "not a git repository"); the folder holding it,
 * which is the repository's top folder; or `ask` when only git can say (GIT_DIR
 * or GIT_WORK_TREE set, or a `core.worktree` in the repository's config).
 */
function findRepository(dir: string): { top: string } | 'none' | 'ask' {
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE) return 'ask';
  for (let d = path.resolve(dir); ; ) {
    const dotGit = path.join(d, '.git');
    if (existsSync(dotGit)) {
      try {
        if (/^\s*worktree\s*=/im.test(readFileSync(path.join(dotGit, 'config'), 'utf8'))) return 'ask';
      } catch {
        // A `.git` file (a linked worktree or a submodule) or no config: the folder holding it is the top.
      }
      return { top: d };
    }
    const up = path.dirname(d);
    if (up === d) return 'none';
    d = up;
  }
}

/** The top folder of the repository holding `dir`, or undefined outside git. */
export function repositoryRoot(dir: string): string | undefined {
  const found = findRepository(dir);
  if (found !== 'ask') return found === 'none' ? undefined : found.top;
  const out = git(['rev-parse', '--show-toplevel'], dir);
  return out === undefined ? undefined : path.resolve(out.trim());
}

/** `repositoryRoot`, without blocking. */
export async function repositoryRootAsync(dir: string): Promise<string | undefined> {
  const found = findRepository(dir);
  if (found !== 'ask') return found === 'none' ? undefined : found.top;
  const out = await gitAsync(['rev-parse', '--show-toplevel'], dir);
  return out === undefined ? undefined : path.resolve(out.trim());
}

/** The commit checked out (HEAD), or undefined in a repository with no commit yet. Without blocking. */
export async function headCommitAsync(root: string): Promise<string | undefined> {
  const out = await gitAsync(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root);
  return out === undefined ? undefined : out.trim();
}

/** The upstream branch of the branch checked out (`origin/main`), or undefined when it has none. Without blocking. */
export async function upstreamBranchAsync(root: string): Promise<string | undefined> {
  const out = await gitAsync(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], root);
  const name = out?.trim();
  return name ? name : undefined;
}

/** `mergeBase`, without blocking. */
export async function mergeBaseAsync(a: string, b: string, root: string): Promise<string | undefined> {
  const out = await gitAsync(['merge-base', a, b], root);
  return out === undefined ? undefined : out.trim();
}

/** `fileAt`, without blocking. */
export function fileAtAsync(commit: string, repoPath: string, root: string): Promise<Uint8Array | undefined> {
  return gitBytesAsync(['show', `${commit}:${repoPath}`], root);
}

/** A file at a commit: what `filesAt` reads. */
export interface FileAtCommit {
  commit: string;
  /** Relative to the repository's top folder, with `/`. */
  path: string;
}

/**
 * The bytes of several files at their commits, in the order asked (undefined
 * where one did not exist), read by one `git cat-file --batch` rather than one
 * git per version. A path with a line break cannot be written on its input
 * line, so such a list is read one `git show` at a time.
 */
export function filesAt(wanted: readonly FileAtCommit[], root: string): (Uint8Array | undefined)[] {
  if (wanted.length === 0) return [];
  if (!batchable(wanted)) return wanted.map((w) => fileAt(w.commit, w.path, root));
  const out = gitBytes(['cat-file', '--batch'], root, batchInput(wanted));
  return out === undefined ? wanted.map(() => undefined) : parseBatch(out, wanted.length);
}

/**
 * `filesAt` without blocking, with its `git cat-file --batch` started now,
 * before the caller knows what it will ask (while `git log` works out which commits to
 * ask about, say), so the two gits start side by side. Call what it returns
 * once, with the files wanted (none is fine: the batch then just ends); until
 * then its git waits for its questions.
 */
export function startFilesAt(root: string): (wanted: readonly FileAtCommit[]) => Promise<(Uint8Array | undefined)[]> {
  let child: ReturnType<typeof execFile> | undefined;
  const output = new Promise<Buffer | undefined>((resolve) => {
    child = execFile('git', ['cat-file', '--batch'], { cwd: root, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
    // A git that exits before reading all its input closes the pipe: the answer is then its exit, above.
    child.stdin?.on('error', () => undefined);
  });
  return async (wanted) => {
    if (wanted.length === 0 || !batchable(wanted)) {
      child?.stdin?.end();
      return wanted.length === 0 ? [] : Promise.all(wanted.map((w) => fileAtAsync(w.commit, w.path, root)));
    }
    child?.stdin?.end(batchInput(wanted));
    const out = await output;
    return out === undefined ? wanted.map(() => undefined) : parseBatch(out, wanted.length);
  };
}

function batchable(wanted: readonly FileAtCommit[]): boolean {
  return wanted.every((w) => !/[\r\n]/.test(w.path) && /^[0-9a-f]+$/.test(w.commit));
}

function batchInput(wanted: readonly FileAtCommit[]): string {
  return wanted.map((w) => `${w.commit}:${w.path}\n`).join('');
}

/** A `git cat-file --batch` answer: `<object> <type> <size>` and the bytes, or `<name> missing` (or `ambiguous`), per line asked. */
const BATCH_HEADER = /^[0-9a-f]+ (\S+) (\d+)$/;

function parseBatch(out: Buffer, count: number): (Uint8Array | undefined)[] {
  const files: (Uint8Array | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(10, at);
    if (eol < 0) {
      files.push(undefined);
      continue;
    }
    const header = BATCH_HEADER.exec(out.subarray(at, eol).toString('latin1'));
    at = eol + 1;
    if (header === null) {
      files.push(undefined);
      continue;
    }
    const size = Number(header[2]);
    files.push(header[1] === 'blob' ? new Uint8Array(out.subarray(at, at + size)) : undefined);
    at += size + 1;
  }
  return files;
}

/** `fileLog`, without blocking. */
export async function fileLogAsync(file: string, root: string): Promise<PlanCommit[] | undefined> {
  const rel = repoRelative(path.resolve(root, file), root);
  const out = await gitAsync(fileLogArgs(rel), root);
  return out === undefined ? undefined : parseFileLog(out, rel);
}

/** The full hash a ref names (`main`, `HEAD~2`, a tag), or undefined when it names no commit. */
export function resolveCommit(ref: string, root: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  const out = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  return out === undefined ? undefined : out.trim();
}

/** Where two histories meet (what a pull request is compared with), or undefined. */
export function mergeBase(a: string, b: string, root: string): string | undefined {
  const out = git(['merge-base', a, b], root);
  return out === undefined ? undefined : out.trim();
}

/** The bytes of a file at a commit, or undefined when it did not exist there. */
export function fileAt(commit: string, repoPath: string, root: string): Uint8Array | undefined {
  return gitBytes(['show', `${commit}:${repoPath}`], root);
}

/**
 * The files changed between `base` and `head` (a commit), or between `base`
 * and the working tree when `head` is undefined (untracked files that git
 * does not ignore count as added). Renames are detected as git does.
 * `pathspecs` limit the files (repository-relative, or empty for all).
 */
export function changedFiles(base: string, head: string | undefined, pathspecs: readonly string[], root: string): ChangedFile[] | undefined {
  const out = git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', base, ...(head ? [head] : []), '--', ...pathspecs], root);
  if (out === undefined) return undefined;
  const files: ChangedFile[] = [];
  const parts = out.split('\0');
  for (let i = 0; i < parts.length - 1; ) {
    const status = parts[i++];
    if (status.startsWith('R')) files.push({ status: 'renamed', oldPath: parts[i++], newPath: parts[i++] });
    else if (status.startsWith('C')) {
      i++;
      files.push({ status: 'added', newPath: parts[i++] });
    } else if (status === 'A') files.push({ status: 'added', newPath: parts[i++] });
    else if (status === 'D') files.push({ status: 'removed', oldPath: parts[i++] });
    else {
      const p = parts[i++];
      files.push({ status: 'modified', oldPath: p, newPath: p });
    }
  }
  if (head === undefined) {
    const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs], root);
    for (const p of untracked?.split('\0') ?? []) if (p !== '') files.push({ status: 'added', newPath: p });
  }
  return files;
}

/**
 * The commits that changed a file, newest first, following renames, with the
 * file's path at each. Undefined outside git; empty for a file git never saw.
 */
export function fileLog(file: string, root: string): PlanCommit[] | undefined {
  const rel = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
  const out = git(fileLogArgs(rel), root);
  return out === undefined ? undefined : parseFileLog(out, rel);
}

function fileLogArgs(rel: string): string[] {
  return ['log', '--follow', '--no-color', '--format=%x1e%H%x1f%ad%x1f%an', '--date=format:%Y-%m-%d', '--name-only', '-z', '--', rel];
}

function parseFileLog(out: string, rel: string): PlanCommit[] {
  const commits: PlanCommit[] = [];
  for (const record of out.split('\x1e')) {
    if (record.trim() === '') continue;
    // Each record: hash, date and author, NUL, then the file's name at that commit (after a line break), NUL.
    const [head, name = ''] = record.split('\0');
    const [commit, date, author] = head.split('\x1f');
    const names = [name.trim()].filter((s) => s !== '');
    if (commit && date) commits.push({ commit, date, author: author ?? '', path: names[0] ?? rel });
  }
  return commits;
}

/** The path of `file` relative to the repository's top folder, with `/`. */
export function repoRelative(file: string, root: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}
