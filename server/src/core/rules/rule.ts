import type { PlanEdits } from '../edits';
import type { PlanModel } from '../model';
import type { NodePath, ParsedPlan } from '../parse';
import type { ActionHistory } from '../diff/history';
import type { Fix, Severity } from '../types';

/** A finding as a rule reports it; the engine turns `path` + `at` into a range. */
export interface RawFinding {
  message: string;
  path: NodePath;
  /** Which part of the node to mark: its value (default), its key, or the item's first line. */
  at?: 'value' | 'key' | 'item';
  /** An explicit [start, end) offset span, for findings not tied to a plan node (comments, syntax). */
  span?: [number, number];
  /**
   * Set by a schema finding that suggests renaming an unknown key to a field
   * that has its own "missing" rule (`deadline` -> `due`): that rule's finding
   * on the same item is the same problem, so it is dropped.
   */
  explainsMissing?: { item: string; field: string };
  /** The fixes, or a function that makes them: fixes are built only when someone asks for them. */
  fixes?: (Fix | undefined)[] | (() => (Fix | undefined)[]);
}

export interface RuleContext {
  parsed: ParsedPlan;
  plan: PlanModel;
  /** Today as a day number (see dates.ts) and as `YYYY-MM-DD`. */
  today: number;
  todayIso: string;
  dueSoonDays: number;
  staleUpdateDays: number;
  /** `repeated-slip`'s limits: moves later, and days later in all. */
  repeatedSlipTimes: number;
  repeatedSlipDays: number;
  /** Each action's history by id, when the front door read one from git (see `KnownHistory`); undefined otherwise. */
  history?: ReadonlyMap<string, ActionHistory>;
  edits: PlanEdits;
  /**
   * After an edit (the language server's re-check), the model of the check
   * this one takes over, whose objectives and targets the edit did not touch
   * are the same objects in `plan`: a plan-wide rule may keep an index per
   * model and update it from this one's. Undefined for a whole check.
   */
  previousPlan?: PlanModel;
}

/**
 * One check of the plan format. Each rule lives in its own file with its docs;
 * `check` reports raw findings and never throws for well-typed models.
 */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** A short title for lists and SARIF. */
  title: string;
  /** What it flags and why a council would care. */
  description: string;
  /** An example message, as a policy officer would see it. */
  example: string;
  /**
   * What a rule's findings depend on, which decides how an edit re-checks it
   * (required with `check`). `item`: each finding is about one objective,
   * action or target and depends only on it (and on the plan's owners, its
   * date and the options), so the check runs the rule on one item at a time
   * (`ctx.plan` then lists just that item) and keeps the findings of items an
   * edit did not touch. `plan`: findings compare items with each other
   * (`duplicate-id`), so the rule sees the whole plan after every edit.
   */
  scope?: 'item' | 'plan';
  /**
   * True when some of its findings come with a fix safe to make without
   * review (`Fix.safe`: what `eqplan check --fix` applies). Only these rules'
   * fixes are made for the command line's report of what `--fix` would fix;
   * `tests/core/safeFixes.test.ts` holds every other rule to offering none.
   */
  safeFixes?: boolean;
  /** Plan-level rules; undefined for `yaml-syntax` and `schema`, which the parser and validator report. */
  check?(ctx: RuleContext, report: (finding: RawFinding) => void): void;
}

/** Public metadata of a rule (what the CLI's `rules` command, SARIF and the README list). */
export type RuleInfo = Omit<Rule, 'check'>;
