import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE_KEYS, checkOptionsOf, readOptions } from './options';
import { CHANGE_KINDS } from './diff/kinds';
import { ALL_RULES } from './rules';
import type { CheckOptions, SeverityLevel } from './types';

// Defined with the other file names (plans, configs) in planFiles.ts, which the extension bundles without this file's YAML parser.
export { CONFIG_FILE_NAMES } from './planFiles';

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));
const CHANGE_IDS: ReadonlySet<string> = new Set(CHANGE_KINDS.map((k) => k.id));

/**
 * Reads a config file's text:
 *
 *   rules: { stale-update: off, due-soon: warning }
 *   dueSoonDays: 21
 *   staleUpdateDays: 60
 *
 * Returns the options it sets and, for a bad config, plain messages saying
 * what is wrong (the CLI stops with exit 2; the editor shows them). Which
 * keys a config file may hold, and what each accepts, is the options table's
 * (`options.ts`), shared with the editor settings.
 */
export function parseConfigText(text: string, fileName: string): { options: CheckOptions; errors: string[] } {
  let data: unknown;
  try {
    data = fileName.endsWith('.json') ? JSON.parse(text === '' ? '{}' : text) : parseYaml(text, { maxAliasCount: 100, logLevel: 'error' }) ?? {};
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { options: {}, errors: [`${fileName} could not be read (${detail}). Fix the ${fileName.endsWith('.json') ? 'JSON' : 'YAML'} syntax.`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { options: {}, errors: [`${fileName} must hold settings such as ${andList(CONFIG_FILE_KEYS.map((k) => `\`${k}:\``))}.`] };
  }
  // `$schema` (for editors) and `x-` keys (the team's own notes) are not eqplan's to judge.
  const entries = Object.entries(data).filter(([key]) => key !== '$schema' && !key.startsWith('x-'));
  const known = andList(CONFIG_FILE_KEYS.map((k) => `\`${k}\``));
  const { values, problems } = readOptions(entries, { source: { kind: 'configFile', fileName }, ruleIds: RULE_IDS, changeIds: CHANGE_IDS }, (key) => `In ${fileName}, \`${key}\` is not a setting eqplan knows. Settings are ${known}.`);
  return { options: checkOptionsOf(values), errors: problems };
}

/** "a, b and c" */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Merges option layers; later layers win, rule and change maps are merged key by key. */
export function mergeOptions(...layers: (CheckOptions | undefined)[]): CheckOptions {
  const out: CheckOptions = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      if (k === 'rules') out.rules = { ...out.rules, ...(v as Record<string, SeverityLevel>) };
      else if (k === 'changes') out.changes = { ...out.changes, ...(v as Record<string, SeverityLevel>) };
      else (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
