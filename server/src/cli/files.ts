/**
 * Turns the paths typed after `eqplan check` into the plan files to check: a
 * file is taken as is; a folder is searched for plans; anything else that looks
 * like a glob is expanded. `.gitignore` files are honoured while searching and
 * `node_modules` / `.git` are never entered.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { looksLikePlan } from '../core';
import { UsageError } from './errors';

export interface PlanFile {
  /** The path to show: relative to the working folder when typed relative, forward slashes. */
  display: string;
  absolute: string;
}

/** Files bigger than this are not sniffed for `eqplan: 1` (and are not checked; see check-files.ts). */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

// `require`, not `import`: the CLI is bundled as CommonJS, and tinyglobby's ESM
// build (through fdir) calls createRequire(import.meta.url), which a CommonJS
// bundle leaves undefined. Its CommonJS build has no such call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');
type Ignore = ReturnType<typeof ignore>;

const PLAN_NAME = /\.eqplan\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/** `looksLikePlan` only reads the start of a file; so do we. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Expands `targets` (as typed) into plan files, de-duplicated and sorted by
 * their shown path so the output is stable. Throws `UsageError` for a path
 * that does not exist and when nothing at all is found.
 */
export function expandTargets(targets: readonly string[], cwd: string): PlanFile[] {
  const found = new Map<string, PlanFile>();
  const gitignores = new GitignoreCache();
  const add = (typed: string, absolute: string): void => {
    if (!found.has(absolute)) found.set(absolute, { display: displayPath(typed, absolute, cwd), absolute });
  };

  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(target, absolute);
    } else if (stat?.isDirectory()) {
      for (const file of searchFolder(absolute, gitignores)) add(path.isAbsolute(target) ? file : path.relative(cwd, file), file);
    } else if (stat) {
      throw new UsageError(`${target} is neither a file nor a folder. Name a plan file (*.eqplan.yaml) or a folder of plans.`);
    } else if (isDynamicPattern(toPosix(target))) {
      for (const file of expandGlob(target, cwd, gitignores)) add(path.isAbsolute(target) ? file : path.relative(cwd, file), file);
    } else {
      throw new UsageError(`${target} does not exist. Check the file or folder name (it is looked up from the folder eqplan runs in).`);
    }
  }

  if (found.size === 0) {
    const list = targets.map((t) => `\`${t}\``).join(', ');
    throw new UsageError(
      `No equality plans found in ${list}. Plans are files named *.eqplan.yaml or *.eqplan.yml, or YAML files starting with \`eqplan: 1\`; name a plan file or the folder that holds your plans.`,
    );
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** Finds plans under `root`, depth first, without following symlinked folders (no loops). */
function searchFolder(root: string, gitignores: GitignoreCache): string[] {
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
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isFile = entry.isFile();
      const isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) isFile = statOrUndefined(full)?.isFile() ?? false;
      if (!isFile && !isDir) continue;
      if (gitignores.ignores(root, full, isDir)) continue;
      if (isDir) stack.push(full);
      else if (isPlanCandidate(full)) files.push(full);
    }
  }
  return files;
}

function expandGlob(pattern: string, cwd: string, gitignores: GitignoreCache): string[] {
  const matches = globSync(toPosix(pattern), {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    expandDirectories: false,
  });
  return matches
    .map((m) => path.resolve(m))
    .filter((file) => !gitignores.ignoresWithParents(cwd, file) && isPlanCandidate(file));
}

/** A `*.eqplan.yaml` file, or another YAML file whose top level has `eqplan: 1`. */
function isPlanCandidate(file: string): boolean {
  const name = path.basename(file);
  if (PLAN_NAME.test(name)) return true;
  if (!YAML_NAME.test(name)) return false;
  return looksLikePlan(readStart(file));
}

/** The start of a file as text, '' when it is too big or unreadable. */
function readStart(file: string): string {
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (stat.size > MAX_PLAN_BYTES) return '';
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return decodeStart(buffer.subarray(0, read));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The start of a file as text for sniffing. A byte order mark is dropped, so
 * `eqplan: 1` on the first line of a file saved by Notepad is still seen; a
 * UTF-16 file is decoded so that checking it can say how to save it as UTF-8.
 */
function decodeStart(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2, bytes.length & ~1).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length & ~1)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * `.gitignore` files, read once per folder. A path is ignored when the
 * `.gitignore` of the search root or of any folder between it and the path says
 * so (the deeper file wins, as in git, including `!` re-includes).
 */
class GitignoreCache {
  private readonly byDir = new Map<string, Ignore | null>();

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

/** The path as the user would type it: relative to `cwd` when they typed a relative path. */
function displayPath(typed: string, absolute: string, cwd: string): string {
  if (path.isAbsolute(typed)) return toPosix(absolute);
  return toPosix(path.relative(cwd, absolute)) || path.basename(absolute);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
