/**
 * Finding and reading plan files on disk: the one walk `eqplan check` and the
 * language server's workspace scan share, so CI and the editor see the same
 * plans. What a plan file is (names, marker, size limit, decoding) is
 * answered by `core/planFiles.ts`; this file only does the file-system part:
 * walking folders, honouring `.gitignore` files and reading bytes.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { decodePlanBytes, isPlanFileName, MAX_PLAN_BYTES, mayHoldPlanMarker, NEVER_SCANNED_FOLDERS, PLAN_HEAD_BYTES, planMarkerInHead, planSizeProblem, type DecodedPlan } from '../core/planFiles';

type Ignore = ReturnType<typeof ignore>;

/** Limits of one search. */
export interface PlanSearchOptions {
  /**
   * Stop after looking at this many folder entries. The language server sets
   * one so that opening a huge folder (a home folder) cannot stall it; the
   * CLI searches what it is told to, however big.
   */
  maxEntries?: number;
  /** `.gitignore` files already read (a CLI run shares one cache across all the paths typed). */
  gitignores?: GitignoreCache;
}

/**
 * The plan files under the folders, as absolute paths, sorted, without
 * duplicates: files named `*.eqplan.yaml` / `*.eqplan.yml`, and other YAML
 * files that carry the `eqplan: 1` marker (see `isPlanFile`). Folders in
 * `NEVER_SCANNED_FOLDERS` and whatever a `.gitignore` in a searched folder
 * ignores are skipped; hidden (dot) folders are searched like any other.
 * Symlinked files are followed, symlinked folders are not (no loops).
 * Unreadable folders are passed over.
 */
export function findPlanFiles(folders: readonly string[], options: PlanSearchOptions = {}): string[] {
  const gitignores = options.gitignores ?? new GitignoreCache();
  const found = new Set<string>();
  const budget = { left: options.maxEntries ?? Number.POSITIVE_INFINITY };
  for (const folder of folders) for (const file of searchFolder(path.resolve(folder), gitignores, budget)) found.add(file);
  return [...found].sort(byPath);
}

/**
 * Is this file a plan by its name or its first lines? A `*.eqplan.yaml` /
 * `*.eqplan.yml` file is, whatever is in it (reading it says what is wrong);
 * another YAML file is when its start carries the marker. A YAML file over
 * the size limit is not opened to look (a plan is never that big; a data
 * file may be), and an unreadable one is not a plan.
 */
export function isPlanFile(file: string): boolean {
  const name = path.basename(file);
  if (isPlanFileName(name)) return true;
  if (!mayHoldPlanMarker(name)) return false;
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_PLAN_BYTES) return false;
    fd = openSync(file, 'r');
    const head = new Uint8Array(Math.min(PLAN_HEAD_BYTES, stat.size));
    const read = readSync(fd, head, 0, head.length, 0);
    return planMarkerInHead(head.subarray(0, read));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A plan file's text, read and decoded as every front door reads plans
 * (`decodePlanBytes`): or the problem that stops it being read (too big, not
 * UTF-8), in a message that calls the file `name`. A file over the size
 * limit is not read at all. Throws the file-system error when the file
 * cannot be read (missing, a folder, no permission): each caller words that
 * for its own users.
 */
export function readPlanFile(file: string, name: string): DecodedPlan {
  const tooBig = planSizeProblem(statSync(file).size, name);
  if (tooBig) return { ok: false, problem: tooBig };
  return decodePlanBytes(readFileSync(file), name);
}

/** Finds plans under `root`, depth first, counting entries against `budget`. */
function searchFolder(root: string, gitignores: GitignoreCache, budget: { left: number }): string[] {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable sub-folder is not something the user named; skip it
    }
    for (const entry of entries) {
      if (--budget.left < 0) return files;
      if (NEVER_SCANNED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isFile = entry.isFile();
      const isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) isFile = statOrUndefined(full)?.isFile() ?? false;
      if (!isFile && !isDir) continue;
      if (gitignores.ignores(root, full, isDir)) continue;
      if (isDir) stack.push(full);
      else if (isPlanFile(full)) files.push(full);
    }
  }
  return files;
}

/**
 * `.gitignore` files, read once per folder. A path is ignored when the
 * `.gitignore` of the search root or of any folder between it and the path
 * says so (the deeper file wins, as in git, including `!` re-includes).
 * `.gitignore` files above the search root are not read.
 */
export class GitignoreCache {
  private readonly byDir = new Map<string, Ignore | null>();

  /** Is `file` (a folder when `isDir`) under `root` ignored, by the rules that apply to it itself? */
  ignores(root: string, file: string, isDir: boolean): boolean {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    let ignored = false;
    let dir = root;
    const parts = rel.split(path.sep);
    for (let i = 0; i < parts.length; i++) {
      const ig = this.load(dir);
      if (ig) {
        const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
        const result = ig.test(sub);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      dir = path.join(dir, parts[i]);
    }
    return ignored;
  }

  /** Like `ignores`, also true when a folder on the way is ignored (for glob matches, which skip the walk). */
  ignoresWithParents(root: string, file: string): boolean {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    let current = root;
    for (let i = 0; i < parts.length - 1; i++) {
      current = path.join(current, parts[i]);
      if (this.ignores(root, current, true)) return true;
    }
    return this.ignores(root, file, false);
  }

  private load(dir: string): Ignore | null {
    let ig = this.byDir.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    try {
      const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
      ig = ignore().add(text);
    } catch {
      // no .gitignore here
    }
    this.byDir.set(dir, ig);
    return ig;
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Code-unit order, the same on every machine (no locale). */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
