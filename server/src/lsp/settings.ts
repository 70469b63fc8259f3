/**
 * The `eqplan` settings section, read through `workspace/configuration`, as
 * check options. Bad values are dropped (the default applies) and reported.
 */
import { parseIsoDay, RULES, type CheckOptions, type SeverityLevel } from '../core';

export interface EqplanSettings {
  options: CheckOptions;
  inlayHintsEnabled: boolean;
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);
const ALIASES: Record<string, SeverityLevel> = { info: 'information', warn: 'warning', none: 'off' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function days(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650 ? v : undefined;
}

/** Reads the `eqplan` section (whatever shape the client sends). */
export function readSettings(raw: unknown): { settings: EqplanSettings; problems: string[] } {
  const problems: string[] = [];
  const s = isObject(raw) ? raw : {};
  const options: CheckOptions = {};
  if (typeof s.asOf === 'string' && s.asOf.trim() !== '') {
    if (parseIsoDay(s.asOf.trim()) !== undefined) options.asOf = s.asOf.trim();
    else problems.push(`The eqplan.asOf setting "${s.asOf}" is not a date. Write it as YYYY-MM-DD (for example 2024-03-31), or leave it empty to use today.`);
  }
  if (s.dueSoonDays !== undefined && s.dueSoonDays !== null) {
    const d = days(s.dueSoonDays);
    if (d === undefined) problems.push('The eqplan.dueSoonDays setting must be a whole number of days (0 to 3650).');
    else options.dueSoonDays = d;
  }
  if (s.staleUpdateDays !== undefined && s.staleUpdateDays !== null) {
    const d = days(s.staleUpdateDays);
    if (d === undefined) problems.push('The eqplan.staleUpdateDays setting must be a whole number of days (0 to 3650).');
    else options.staleUpdateDays = d;
  }
  if (typeof s.asOf === 'number') problems.push(`The eqplan.asOf setting ${s.asOf} is a number; write the date as text, YYYY-MM-DD (for example "2024-03-31").`);
  // Rules may come as one object ("rules": { "overdue": "off" }) or, from some editors, as dotted keys ("rules.overdue": "off").
  const ruleEntries: [string, unknown][] = [
    ...(isObject(s.rules) ? Object.entries(s.rules) : []),
    ...Object.entries(s).filter(([k]) => k.startsWith('rules.')).map(([k, v]): [string, unknown] => [k.slice('rules.'.length), v]),
  ];
  if (s.rules !== undefined && s.rules !== null && !isObject(s.rules)) problems.push('The eqplan.rules setting must be a set of rule ids and severities, for example { "due-soon": "off" }.');
  if (ruleEntries.length > 0) {
    const ids = new Set(RULES.map((r) => r.id));
    const rules: Record<string, SeverityLevel> = {};
    for (const [id, level] of ruleEntries) {
      if (level === null || level === undefined || level === '' || level === 'default') continue;
      const normal = typeof level === 'string' ? (ALIASES[level.toLowerCase()] ?? level.toLowerCase()) : level === false ? 'off' : level;
      if (!ids.has(id)) problems.push(`The setting eqplan.rules.${id} names a rule eqplan does not have.`);
      else if (typeof normal !== 'string' || !LEVELS.has(normal)) problems.push(`The setting eqplan.rules.${id} must be off, hint, information, warning or error.`);
      else rules[id] = normal as SeverityLevel;
    }
    if (Object.keys(rules).length > 0) options.rules = rules;
  }
  const inlay = isObject(s.inlayHints) ? s.inlayHints.enabled : s['inlayHints.enabled'];
  if (inlay !== undefined && typeof inlay !== 'boolean') problems.push('The eqplan.inlayHints.enabled setting must be true or false.');
  const debounce = typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0 ? Math.min(s.debounceMs, 10_000) : DEFAULT_DEBOUNCE_MS;
  return { settings: { options, inlayHintsEnabled: inlay !== false, debounceMs: debounce }, problems };
}
