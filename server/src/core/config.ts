import { parse as parseYaml } from 'yaml';
import { CHANGE_KINDS } from './diff/kinds';
import { ALL_RULES } from './rules';
import type { CheckOptions, SeverityLevel } from './types';

// Defined with the other file names (plans, configs) in planFiles.ts, which the extension bundles without this file's YAML parser.
export { CONFIG_FILE_NAMES } from './planFiles';

const LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'information', 'warning', 'error'];
const LEVEL_ALIASES: Record<string, SeverityLevel> = { info: 'information', warn: 'warning', none: 'off', disabled: 'off' };

/**
 * Reads a config file's text:
 *
 *   rules: { stale-update: off, due-soon: warning }
 *   dueSoonDays: 21
 *   staleUpdateDays: 60
 *
 * Returns the options it sets and, for a bad config, plain messages saying
 * what is wrong (the CLI stops with exit 2; the editor shows them).
 */
export function parseConfigText(text: string, fileName: string): { options: CheckOptions; errors: string[] } {
  const errors: string[] = [];
  const options: CheckOptions = {};
  let data: unknown;
  try {
    data = fileName.endsWith('.json') ? JSON.parse(text === '' ? '{}' : text) : parseYaml(text, { maxAliasCount: 100 }) ?? {};
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { options, errors: [`${fileName} could not be read (${detail}). Fix the ${fileName.endsWith('.json') ? 'JSON' : 'YAML'} syntax.`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { options, errors: [`${fileName} must hold settings such as \`rules:\`, \`dueSoonDays:\` and \`staleUpdateDays:\`.`] };
  }
  const ruleIds = new Set(ALL_RULES.map((r) => r.id));
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`In ${fileName}, \`rules\` must map rule ids to a severity, for example \`rules: { stale-update: off }\`.`);
        continue;
      }
      options.rules = {};
      for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
        const normal = typeof level === 'string' ? (LEVEL_ALIASES[level.toLowerCase()] ?? level.toLowerCase()) : level === false ? 'off' : level;
        if (!ruleIds.has(id)) errors.push(`In ${fileName}, \`${id}\` is not an eqplan rule. Known rules: ${[...ruleIds].join(', ')}.`);
        else if (!LEVELS.includes(normal as SeverityLevel)) errors.push(`In ${fileName}, the severity of \`${id}\` must be one of ${LEVELS.join(', ')}, not \`${String(level)}\`.`);
        else options.rules[id] = normal as SeverityLevel;
      }
    } else if (key === 'changes') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`In ${fileName}, \`changes\` must map kinds of change to a severity, for example \`changes: { rag-improved: warning }\`.`);
        continue;
      }
      const kindIds = new Set(CHANGE_KINDS.map((k) => k.id));
      options.changes = {};
      for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
        const normal = typeof level === 'string' ? (LEVEL_ALIASES[level.toLowerCase()] ?? level.toLowerCase()) : level === false ? 'off' : level;
        if (!kindIds.has(id)) errors.push(`In ${fileName}, \`${id}\` is not a kind of change eqplan diff reports. Known kinds: ${[...kindIds].join(', ')}.`);
        else if (!LEVELS.includes(normal as SeverityLevel)) errors.push(`In ${fileName}, the severity of \`${id}\` must be one of ${LEVELS.join(', ')}, not \`${String(level)}\`.`);
        else options.changes[id] = normal as SeverityLevel;
      }
    } else if (key === 'dueSoonDays' || key === 'staleUpdateDays') {
      if (typeof value === 'string' && /^\s*\d+\s*$/.test(value) && Number(value) <= 3650) {
        // `dueSoonDays: "30"` is the number written as text: say so, or "not `30`" reads as nonsense.
        const written = fileName.endsWith('.json') ? `"${key}": ${value.trim()}` : `${key}: ${value.trim()}`;
        errors.push(`In ${fileName}, \`${key}\` is written as text in quotes (\`"${value}"\`). Write the number of days without quotes: \`${written}\`.`);
      } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3650) errors.push(`In ${fileName}, \`${key}\` must be a whole number of days (0 to 3650), not \`${String(value)}\`.`);
      else options[key] = value;
    } else if (key === '$schema' || key.startsWith('x-')) {
      continue;
    } else {
      errors.push(`In ${fileName}, \`${key}\` is not a setting eqplan knows. Settings are \`rules\`, \`changes\`, \`dueSoonDays\` and \`staleUpdateDays\`.`);
    }
  }
  return { options, errors };
}

/** Merges option layers; later layers win, rule maps are merged key by key. */
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
