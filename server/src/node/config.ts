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

/**
 * Resolves configs by walking up from each plan's folder to the filesystem
 * root; the first folder holding `.eqplanrc.yaml`, `.eqplanrc.yml` or
 * `eqplan.config.json` wins. Lookups and parsed files are cached per folder,
 * so checking a thousand plans reads each config once. Call `clear()` when
 * files may have changed (the language server does on file events).
 */
export class ConfigResolver {
  private readonly dirToFile = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /**
   * @param overrideFile a config named explicitly (`--config`); it applies to every plan.
   * @param displayName how to name a config file in messages (the CLI shows paths relative to the working folder).
   */
  constructor(
    private readonly overrideFile?: string,
    private readonly displayName: (absolutePath: string) => string = (p) => p,
  ) {}

  /** The config for the plan at `planPath` (absolute, or relative to the working folder). */
  forPlan(planPath: string): LoadedConfig {
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
      if (found !== null) break;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.dirToFile.set(d, found ?? null);
    return found ?? undefined;
  }

  clear(): void {
    this.dirToFile.clear();
    this.loaded.clear();
  }

  private load(file: string, shownAs: string): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const result = readConfigFile(file, shownAs);
    this.loaded.set(file, result);
    return result;
  }
}

/** The config file directly in `dir`, or null. */
function configIn(dir: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there: try the next name
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
