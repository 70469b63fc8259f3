import type { ActionHistory } from './diff/historyTypes';

/**
 * Shared types of the eqplan engine. The engine is pure: text and options in,
 * findings and a plan summary out. Positions are 0-based lines and UTF-16
 * columns, exactly as LSP counts them, so the server can pass them straight on.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A severity as set in a config file or setting; `off` turns a rule off. */
export type SeverityLevel = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One text replacement; `offset`/`length` index the text the engine checked. */
export interface TextEdit {
  range: Range;
  offset: number;
  length: number;
  newText: string;
  /**
   * For an edit that sets one value: the path of that value (keys and list
   * indexes). `--fix` checks that afterwards the value there reads as
   * `newText` does, and that no other value changed.
   */
  valuePath?: readonly (string | number)[];
}

export interface Fix {
  /** What the fix does, as a quick-fix title: "Change the deadline to 2022-11". */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes keep the meaning of the plan (a date phrase written in canonical
   * form, a RAG in lower case) and are applied by `eqplan check --fix` and
   * "Fix all". Other fixes are offered one by one as quick fixes only.
   */
  safe: boolean;
  /** The preferred fix of a finding (VS Code's `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Plain English for a policy officer: what is wrong, where, what to do. */
  message: string;
  range: Range;
  /** Start and end offsets of `range` in the text. */
  offset: number;
  endOffset: number;
  /** JSON pointer to the node the finding is about, e.g. `/objectives/0/actions/2/due`. */
  path: string;
  fixes: Fix[];
}

/** Settings a check depends on. Every field is optional; defaults in `options.ts`. */
export interface CheckOptions {
  /** "Today" (YYYY-MM-DD) from `--as-of` or the `eqplan.asOf` setting; wins over the plan's `asOf`. */
  asOf?: string;
  /**
   * The local date (YYYY-MM-DD) used when neither the `asOf` option nor the
   * plan's `asOf` is set. The front door reads the clock (`server/src/node/clock.ts`); core never does.
   */
  localToday?: string;
  /** Days ahead that count as "due soon" (default 14). */
  dueSoonDays?: number;
  /** Days after which an open action's newest update is stale (default 90). */
  staleUpdateDays?: number;
  /** How many times an open action's deadline may move later before `repeated-slip` flags it (default 3). */
  repeatedSlipTimes?: number;
  /** How many days in all an open action's deadline may move later before `repeated-slip` flags it (default 180). */
  repeatedSlipDays?: number;
  /** Per-rule severity overrides. */
  rules?: Record<string, SeverityLevel>;
  /** Per-change-kind severity overrides for `eqplan diff` (the `changes:` section of a config file). */
  changes?: Record<string, SeverityLevel>;
}

/**
 * What a check needs: the settings and a date to check against. Core has no
 * clock: the front door (the CLI, the language server) reads its own and
 * passes the local date as `localToday`; a fixed `asOf` date alone also does.
 */
export type CheckInput = CheckOptions & { history?: KnownHistory } & ({ localToday: string } | { asOf: string });

/**
 * What the plan's past says about each action, read from git by the front
 * door (core reads no files): the `repeated-slip` rule and the deadline hover
 * use it. Absent when the plan has no history (not in git, git missing): then
 * they say nothing about the past.
 */
export interface KnownHistory {
  /**
   * What the history was read from (the commit, and the file's path): the
   * same `at` means the same history, so a cache of checks can key on it
   * without comparing the histories.
   */
  at: string;
  /** Each action's history by its id (`historyIndex` of `core/diff/history.ts`). */
  actions: ReadonlyMap<string, ActionHistory>;
}

/** Where "today" came from, for hovers and reports. */
export type TodaySource = 'option' | 'plan' | 'local';
