/**
 * The `eqplan` settings section, read through `workspace/configuration`, as
 * check options. Bad values are dropped (the default applies) and reported.
 */
import { OPTIONS, RULES, checkOptionsOf, readOptions, type CheckOptions } from '../core';

export interface EqplanSettings {
  options: CheckOptions;
  inlayHintsEnabled: boolean;
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = OPTIONS.debounceMs.default;

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads the `eqplan` section (whatever shape the client sends). What each
 * setting accepts is the options table's (`core/options.ts`), shared with
 * the config file.
 */
export function readSettings(raw: unknown): { settings: EqplanSettings; problems: string[] } {
  const s = isObject(raw) ? raw : {};
  // Rules may come as one object ("rules": { "overdue": "off" }) or, from some editors, as dotted keys ("rules.overdue": "off").
  const dotted = Object.entries(s).filter(([k]) => k.startsWith('rules.'));
  const rules = dotted.length > 0 && (s.rules === undefined || s.rules === null || isObject(s.rules)) ? { ...(isObject(s.rules) ? s.rules : {}), ...Object.fromEntries(dotted.map(([k, v]) => [k.slice('rules.'.length), v])) } : s.rules;
  const { values, problems } = readOptions(
    [
      ['asOf', s.asOf],
      ['dueSoonDays', s.dueSoonDays],
      ['staleUpdateDays', s.staleUpdateDays],
      ['repeatedSlipTimes', s.repeatedSlipTimes],
      ['repeatedSlipDays', s.repeatedSlipDays],
      ['rules', rules],
      ['inlayHints.enabled', isObject(s.inlayHints) ? s.inlayHints.enabled : s['inlayHints.enabled']],
      ['debounceMs', s.debounceMs],
    ],
    { source: { kind: 'editor' }, ruleIds: RULE_IDS },
  );
  return {
    settings: {
      options: checkOptionsOf(values),
      inlayHintsEnabled: values['inlayHints.enabled'] ?? OPTIONS['inlayHints.enabled'].default,
      debounceMs: values.debounceMs ?? OPTIONS.debounceMs.default,
    },
    problems,
  };
}
