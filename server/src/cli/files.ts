/**
 * Turns the paths typed after `eqplan check` into the plan files to check: a
 * file is taken as is; a folder is searched for plans; anything else that looks
 * like a glob is expanded. Searching a folder is `node/planDiscovery.ts`, the
 * same search as the language server's workspace scan (`.gitignore` honoured,
 * `node_modules` and `.git` never entered); this file adds globs, the paths to
 * show and the usage errors.
 */
import { statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { NEVER_SCANNED_FOLDERS } from '../core/planFiles';
import { findPlanFiles, GitignoreCache, isPlanFile } from '../node/planDiscovery';
import { UsageError } from './errors';

export interface PlanFile {
  /** The path to show: relative to the working folder when typed relative, forward slashes. */
  display: string;
  absolute: string;
}

// `require`, not `import`: the CLI is bundled as CommonJS, and tinyglobby's ESM
// build (through fdir) calls createRequire(import.meta.url), which a CommonJS
// bundle leaves undefined. Its CommonJS build has no such call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

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
      for (const file of findPlanFiles([absolute], { gitignores })) add(path.isAbsolute(target) ? file : path.relative(cwd, file), file);
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

function expandGlob(pattern: string, cwd: string, gitignores: GitignoreCache): string[] {
  const matches = globSync(toPosix(pattern), {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: [...NEVER_SCANNED_FOLDERS].map((folder) => `**/${folder}/**`),
    expandDirectories: false,
  });
  return matches
    .map((m) => path.resolve(m))
    .filter((file) => !gitignores.ignoresWithParents(cwd, file) && isPlanFile(file));
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
