/**
 * Finds and reads a project's eqplan config file for a plan on disk. Shared by
 * the command line and the language server so both report the same findings
 * for the same file. This is the Node side of `core/config.ts`: the engine
 * parses the text, this file finds and reads it.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, parseConfigText, type CheckOptions } from '../core';

/** The config that applies to one plan. */
export interface LoadedConfig {
  /** The options it sets (empty when there is no config file). */
  options: CheckOptions;
  /** The config file's absolute path, when one was found. */
  file?: string;
  /** What is wrong with the config file, in plain sentences that name it; empty when it is fine. */
  errors: string[];
}

/** A config file bigger than this is certainly not a config file. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** How a long-running process (the language server) keeps cached configs in step with the disk. */
export interface ConfigFreshness {
  /**
   * Look at the disk again when the last look is at least this old, in
   * milliseconds: the size and modification time of every config file read,
   * and the config file names in every folder looked in.
   */
  recheckAfterMs: number;
  /** Told when a look found a changed, added or removed config file (the cache has already forgotten it). */
  onChange?: () => void;
  /** The clock, in milliseconds (tests move it on). */
  now?: () => number;
}

/**
 * Resolves configs by walking up from each plan's folder to the filesystem
 * root; the first folder holding `.eqplanrc.yaml`, `.eqplanrc.yml` or
 * `eqplan.config.json` wins. Lookups and parsed files are cached per folder,
 * so checking a thousand plans reads each config once.
 *
 * The command line reads once and never looks again. The language server
 * runs for hours and not every editor tells it about changed files (Neovim
 * 0.7 does not), so it passes `freshness`: then a lookup that finds the cache
 * older than `recheckAfterMs` first stats what the cache depends on (a few
 * `stat` calls, no reading) and forgets what changed. `clear()` forgets
 * everything at once (the server calls it on file-watch events).
 */
export class ConfigResolver {
  /** Folder -> the nearest config file at or above it (null: none up to the root). */
  private readonly dirToFile = new Map<string, string | null>();
  /** Folder looked in -> the config file directly in it (null: none), to notice one added or removed. */
  private readonly dirOwnFile = new Map<string, string | null>();
  private readonly loaded = new Map<string, { config: LoadedConfig; stamp: string }>();
  private lastLook = Number.NEGATIVE_INFINITY;

  /**
   * @param overrideFile a config named explicitly (`--config`); it applies to every plan.
   * @param displayName how to name a config file in messages (the CLI shows paths relative to the working folder).
   * @param freshness when set, cached entries are checked against the disk at most every `recheckAfterMs`.
   */
  constructor(
    private readonly overrideFile?: string,
    private readonly displayName: (absolutePath: string) => string = (p) => p,
    private readonly freshness?: ConfigFreshness,
  ) {}

  /** The config for the plan at `planPath` (absolute, or relative to the working folder). */
  forPlan(planPath: string): LoadedConfig {
    this.recheckIfDue();
    const file = this.overrideFile !== undefined ? path.resolve(this.overrideFile) : this.findConfigFile(path.dirname(path.resolve(planPath)));
    if (file === undefined) return { options: {}, errors: [] };
    return this.load(file, this.displayName(file));
  }

  /** The nearest config file at or above `dir`, or undefined. */
  findConfigFile(dir: string): string | undefined {
    const visited: string[] = [];
    let current = path.resolve(dir);
    let found: string | null | undefined;
    for (;;) {
      found = this.dirToFile.get(current);
      if (found !== undefined) break;
      visited.push(current);
      found = configIn(current);
      this.dirOwnFile.set(current, found);
      if (found !== null) break;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.dirToFile.set(d, found ?? null);
    return found ?? undefined;
  }

  /**
   * With `freshness`, when the last look at the disk is at least
   * `recheckAfterMs` old: stats the config files read and the config names in
   * the folders looked in, forgets what changed and returns true when
   * something did (after telling `onChange`). Otherwise does nothing and
   * returns false. `forPlan` calls it; the server also calls it on a timer.
   */
  recheckIfDue(): boolean {
    if (!this.freshness) return false;
    const now = (this.freshness.now ?? Date.now)();
    if (now - this.lastLook < this.freshness.recheckAfterMs) return false;
    this.lastLook = now;
    let changed = false;
    for (const [file, entry] of this.loaded) {
      if (fileStamp(file) !== entry.stamp) {
        this.loaded.delete(file);
        changed = true;
      }
    }
    for (const [dir, own] of this.dirOwnFile) {
      if (configIn(dir) !== own) {
        // Which folders below it are affected is not worth working out: looking up again is cheap.
        this.dirToFile.clear();
        this.dirOwnFile.clear();
        changed = true;
        break;
      }
    }
    if (changed) this.freshness.onChange?.();
    return changed;
  }

  clear(): void {
    this.dirToFile.clear();
    this.dirOwnFile.clear();
    this.loaded.clear();
  }

  private load(file: string, shownAs: string): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached.config;
    // Stat before reading: a change made while reading then shows at the next look.
    const stamp = this.freshness ? fileStamp(file) : '';
    const config = readConfigFile(file, shownAs);
    this.loaded.set(file, { config, stamp });
    return config;
  }
}

/** Size, modification time and inode of a file (changed by any save, in place or by rename), or why there is none. */
function fileStamp(file: string): string {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'missing';
  } catch (e) {
    return `unreadable:${(e as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/** The config file directly in `dir`, or null. */
function configIn(dir: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(dir, name);
    try {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch {
      // unreadable (a folder we may not enter): try the next name
    }
  }
  return null;
}

/** Reads and parses one config file; problems are returned as messages naming `shownAs`. */
export function readConfigFile(file: string, shownAs: string = file): LoadedConfig {
  const name = shownAs;
  let text: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { options: {}, file, errors: [`The config file ${name} is a folder. Name a .eqplanrc.yaml or eqplan.config.json file.`] };
    if (stat.size > MAX_CONFIG_BYTES) return { options: {}, file, errors: [`The config file ${name} is too big to be an eqplan config (over 1 MB).`] };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'cannot be read';
    return { options: {}, file, errors: [`The config file ${name} ${why}. Check the path.`] };
  }
  if (text.includes('\u0000')) return { options: {}, file, errors: [`The config file ${name} is not a text file.`] };
  // The engine names the file in its messages and picks JSON or YAML by its extension.
  const { options, errors } = parseConfigText(text, name);
  return { options, file, errors };
}
