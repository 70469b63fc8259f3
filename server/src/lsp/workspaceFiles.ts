/**
 * Plans on disk in the workspace folders, for workspace diagnostics and
 * workspace symbols: found by the walk `eqplan check` uses (`.gitignore`
 * honoured, node_modules and .git skipped), read strictly as UTF-8 as the CLI
 * reads them, and checked once per file version.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPlan, optionsKey, planFileProblemFinding, type CheckInput, type CheckResult, type DecodedPlan } from '../core';
import { findPlanFiles as findPlanFilesOnDisk, readPlanFile } from '../node/planDiscovery';

/** Enough for any real repository of plans; stops a walk of a huge folder from running away. */
const MAX_FILES_SEEN = 50_000;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/**
 * Plan files under the folders: the same search as `eqplan check` runs
 * (`node/planDiscovery.ts`), capped at `MAX_FILES_SEEN` folder entries.
 */
export function findPlanFiles(folders: readonly string[]): string[] {
  return findPlanFilesOnDisk(folders, { maxEntries: MAX_FILES_SEEN });
}

interface CachedCheck {
  stamp: string;
  result: CheckResult;
}

/** Checks of plans on disk, cached by file size, time and options. */
export class DiskChecks {
  private readonly cache = new Map<string, CachedCheck>();

  /** The check of a file as it is on disk, and a stamp that changes when the file or options change. */
  check(file: string, options: CheckInput): { stamp: string; result: CheckResult } | undefined {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const stamp = `${stat.mtimeMs}:${stat.size}:${optionsKey(options)}`;
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached;
    let read: DecodedPlan;
    try {
      read = readPlanFile(file, path.basename(file));
    } catch {
      return undefined;
    }
    // A file that is not a text plan gets the one finding `eqplan check` gives it, over an empty parse (no symbols).
    const result = read.ok ? checkPlan(read.text, options) : { ...checkPlan('', options), findings: [planFileProblemFinding(read.problem)] };
    const entry = { stamp, result };
    this.cache.set(file, entry);
    return entry;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  clear(): void {
    this.cache.clear();
  }
}
