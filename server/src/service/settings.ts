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
  if (isObject(s.rules)) {
    const ids = new Set(RULES.map((r) => r.id));
    const rules: Record<string, SeverityLevel> = {};
    for (const [id, level] of Object.entries(s.rules)) {
      if (level === null || level === undefined || level === '' || level === 'default') continue;
      const normal = typeof level === 'string' ? (ALIASES[level.toLowerCase()] ?? level.toLowerCase()) : level === false ? 'off' : level;
      if (!ids.has(id)) problems.push(`The setting eqplan.rules.${id} names a rule eqplan does not have.`);
      else if (typeof normal !== 'string' || !LEVELS.has(normal)) problems.push(`The setting eqplan.rules.${id} must be off, hint, information, warning or error.`);
      else rules[id] = normal as SeverityLevel;
    }
    if (Object.keys(rules).length > 0) options.rules = rules;
  }
  const inlay = isObject(s.inlayHints) ? s.inlayHints.enabled : s['inlayHints.enabled'];
  const debounce = typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0 ? Math.min(s.debounceMs, 10_000) : DEFAULT_DEBOUNCE_MS;
  return { settings: { options, inlayHintsEnabled: inlay !== false, debounceMs: debounce }, problems };
}
