/**
 * Plans on disk in the workspace folders, for workspace diagnostics and
 * workspace symbols: found by walking the folders (skipping node_modules,
 * .git and other hidden folders), read and checked once per file version.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPlan, looksLikePlan, type CheckInput, type CheckResult } from '../core';
import { optionsKey } from './store';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Enough for any real repository of plans; stops a walk of a huge folder from running away. */
const MAX_FILES_SEEN = 50_000;
const MAX_PLAN_BYTES = 20 * 1024 * 1024;

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

/** Plan files under the folders: `*.eqplan.yaml|yml`, and `.yaml|.yml` files whose top level has `eqplan: 1`. */
export function findPlanFiles(folders: readonly string[]): string[] {
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_FILES_SEEN) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !(e.name.startsWith('.') && e.name !== '.')) walk(full);
      } else if (e.isFile()) {
        if (/\.eqplan\.ya?ml$/i.test(e.name)) out.push(full);
        else if (/\.ya?ml$/i.test(e.name) && !e.name.startsWith('.eqplanrc')) {
          try {
            if (statSync(full).size <= MAX_PLAN_BYTES && looksLikePlan(readHead(full))) out.push(full);
          } catch {
            // unreadable: not a plan we can check
          }
        }
      }
    }
  };
  for (const f of folders) walk(f);
  return [...new Set(out)].sort();
}

/** The first 64 KB of a file: enough to see `eqplan: 1` without reading big YAML files whole. */
function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
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
    if (!stat.isFile() || stat.size > MAX_PLAN_BYTES) return undefined;
    const stamp = `${stat.mtimeMs}:${stat.size}:${optionsKey(options)}`;
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = { stamp, result: checkPlan(text, options) };
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
