/**
 * Every eqplan option, once: its key, type, range, default, description and
 * where it can be set (the project's config file, the editor's `eqplan`
 * settings, a command-line flag). The config-file reader (`config.ts`), the
 * language server's settings reader, the extension, the CLI's `--as-of`,
 * `package.json` `contributes.configuration` and `docs/configuration.md` are
 * all derived from this table (`npm run docs:config` writes the last two;
 * tests/core/options.test.ts fails when they are out of step).
 *
 * Pure, and free of the rules on purpose: the extension imports this table
 * (through `protocol.ts`) without bundling the engine, so the rule ids a
 * reader checks against come in as a parameter (`ReadContext.ruleIds`).
 */
import { parseIsoDay } from './dates';
import type { CheckOptions, SeverityLevel } from './types';
import { closest } from './words';

/** The severity levels a rule can be set to, weakest last but `off`. */
export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * Other words people write for a level, accepted the same in a config file
 * and in the editor settings. `false` (YAML `overdue: false`) turns a rule off.
 */
export const SEVERITY_ALIASES: ReadonlyMap<string | false, SeverityLevel> = new Map<string | false, SeverityLevel>([
  ['info', 'information'],
  ['warn', 'warning'],
  ['none', 'off'],
  ['disabled', 'off'],
  [false, 'off'],
]);

/** Words that leave a rule at its own default severity (a setting that undoes a config file's change is written differently). */
const DEFAULT_LEVEL_WORDS: readonly string[] = ['default', ''];

/**
 * A severity as written in a config file or setting, in canonical form:
 * `warn` -> `warning`, `Disabled` -> `off`, `false` -> `off`. `'default'`
 * for `default`, an empty value or null (the rule keeps its own severity);
 * undefined for anything else.
 */
export function parseSeverityLevel(value: unknown): SeverityLevel | 'default' | undefined {
  if (value === null || value === undefined) return 'default';
  if (value === false) return SEVERITY_ALIASES.get(false);
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (DEFAULT_LEVEL_WORDS.includes(word)) return 'default';
  return SEVERITY_LEVELS.find((l) => l === word) ?? SEVERITY_ALIASES.get(word);
}

/** Where a value was read from; messages name it ("In .eqplanrc.yaml, ..." or "The eqplan.dueSoonDays setting ..."). */
export type OptionSource = { kind: 'configFile'; fileName: string } | { kind: 'editor' } | { kind: 'cli' };

export interface ReadContext {
  source: OptionSource;
  /** The engine's rule ids (`RULES.map((r) => r.id)`): passed in so this table does not import the rules. */
  ruleIds: ReadonlySet<string>;
  /** The kinds of change `eqplan diff` reports (`CHANGE_KINDS`), for the `changes` option; only readers of a config file need them. */
  changeIds?: ReadonlySet<string>;
}

/** A value read from a config file, a setting or a flag: `value` undefined means "not set, the default applies". */
export interface OptionRead<T> {
  value?: T;
  problems: string[];
}

/** Where an option can be set. */
export interface OptionPlaces {
  /** In `.eqplanrc.yaml` / `eqplan.config.json`, under the option's key. */
  configFile: boolean;
  /** In the editor's settings, as `eqplan.<key>`. */
  editor: boolean;
  /** On the command line (`eqplan check`, `eqplan report`). */
  cli?: { flag: string; placeholder: string; help: string };
}

interface OptionCommon {
  /** The key: in a config file as written, in the editor prefixed with `eqplan.`. */
  key: string;
  /** Markdown, for a council officer: what it changes, in plain words. */
  description: string;
  /** VS Code's setting scope: `resource` settings may differ per folder. */
  scope: 'resource' | 'window';
  places: OptionPlaces;
  /** Why it cannot be set in a config file, when it cannot: said to whoever tries. */
  notInConfigFile?: string;
  /** A good value as JSON (as in VS Code's settings.json), for the docs' examples. */
  example: string;
}

export interface IntegerOption extends OptionCommon {
  kind: 'integer';
  default: number;
  min: number;
  max: number;
  /** The unit, plural, for messages: "a whole number of days". */
  unit: string;
}

export interface DateOption extends OptionCommon {
  kind: 'date';
  /** Empty: no date set. */
  default: '';
}

export interface BooleanOption extends OptionCommon {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceOption extends OptionCommon {
  kind: 'choice';
  default: string;
  choices: readonly { value: string; description: string }[];
}

export interface RulesOption extends OptionCommon {
  kind: 'rules';
  default: Readonly<Record<string, SeverityLevel>>;
}

export interface ChangesOption extends OptionCommon {
  kind: 'changes';
  default: Readonly<Record<string, SeverityLevel>>;
}

export type OptionSpec = IntegerOption | DateOption | BooleanOption | ChoiceOption | RulesOption | ChangesOption;

const EDITOR_ONLY = 'It changes how the editor behaves, so it is an editor setting only.';

/** The table. Add an option here, then run `npm run docs:config` (see docs/configuration.md). */
export const OPTIONS = {
  asOf: {
    kind: 'date',
    key: 'asOf',
    default: '',
    description:
      'The date to check plans against ("today"), written `YYYY-MM-DD`, for example the date of a committee meeting. Leave empty to use the plan\'s own `asOf`, or else today\'s date.',
    example: '"2024-03-31"',
    scope: 'resource',
    places: { configFile: false, editor: true, cli: { flag: '--as-of', placeholder: 'YYYY-MM-DD', help: 'judge plans as if today were this date' } },
    notInConfigFile: 'A fixed date in a shared config file would freeze every plan in time; write `asOf:` in the plan itself, or use `--as-of` or the eqplan.asOf setting.',
  },
  dueSoonDays: {
    kind: 'integer',
    key: 'dueSoonDays',
    default: 14,
    min: 0,
    max: 3650,
    unit: 'days',
    description: 'How many days ahead an open action counts as **due soon** (the `due-soon` check).',
    example: '21',
    scope: 'resource',
    places: { configFile: true, editor: true },
  },
  staleUpdateDays: {
    kind: 'integer',
    key: 'staleUpdateDays',
    default: 90,
    min: 0,
    max: 3650,
    unit: 'days',
    description: 'After how many days without a progress update an open action is flagged (the `stale-update` check).',
    example: '60',
    scope: 'resource',
    places: { configFile: true, editor: true },
  },
  repeatedSlipTimes: {
    kind: 'integer',
    key: 'repeatedSlipTimes',
    // Once or twice is ordinary re-planning (a restructure, a budget round); a third new date for the
    // same action means the date is not a commitment, which is what a committee needs to hear.
    default: 3,
    min: 1,
    max: 100,
    unit: 'times',
    description:
      'How many times an open action\'s deadline may be moved later, over the plan\'s history in git, before it is flagged (the `repeated-slip` check). Three by default: once or twice is ordinary re-planning, a third new date means the date is not a commitment.',
    example: '2',
    scope: 'resource',
    places: { configFile: true, editor: true },
  },
  repeatedSlipDays: {
    kind: 'integer',
    key: 'repeatedSlipDays',
    // Half a year: an equality plan is reported on once a year, so an action moved by more than half a year
    // in all has in effect missed a reporting cycle, however few moves it took.
    default: 180,
    min: 1,
    max: 3650,
    unit: 'days',
    description:
      'How many days in all an open action\'s deadline may be moved later, over the plan\'s history in git, before it is flagged (the `repeated-slip` check). 180 by default: plans are reported on once a year, and an action moved by more than half a year has in effect missed a reporting cycle.',
    example: '90',
    scope: 'resource',
    places: { configFile: true, editor: true },
  },
  rules: {
    kind: 'rules',
    key: 'rules',
    default: {},
    description:
      'Change how a check is reported, or turn it off: a check id and `off`, `hint`, `information`, `warning` or `error`. For example `{ "due-soon": "off", "unowned": "error" }`. A `.eqplanrc.yaml` file in the project sets the same for everyone, in the editor and on the command line.',
    example: '{ "due-soon": "off", "unowned": "error" }',
    scope: 'resource',
    places: { configFile: true, editor: true },
  },
  changes: {
    kind: 'changes',
    key: 'changes',
    default: {},
    description:
      'Change how `eqplan diff` reports a kind of change, or turn it off: a kind (see [the kinds of change](diff.md#kinds-of-change)) and `off`, `hint`, `information`, `warning` or `error`. For example `{ "rag-improved": "warning", "actual-added": "off" }`.',
    example: '{ "rag-improved": "warning", "actual-added": "off" }',
    scope: 'resource',
    places: { configFile: true, editor: false },
  },
  'inlayHints.enabled': {
    kind: 'boolean',
    key: 'inlayHints.enabled',
    default: true,
    description: 'Show the date a deadline means next to it (`due: 2022-11` shows `30 Nov 2022`) and how overdue it is.',
    example: 'false',
    scope: 'resource',
    places: { configFile: false, editor: true },
    notInConfigFile: EDITOR_ONLY,
  },
  debounceMs: {
    kind: 'integer',
    key: 'debounceMs',
    default: 200,
    min: 0,
    max: 5000,
    unit: 'milliseconds',
    description: 'How long to wait after you stop typing before checking the plan and redrawing the preview, in milliseconds.',
    example: '500',
    scope: 'resource',
    places: { configFile: false, editor: true },
    notInConfigFile: EDITOR_ONLY,
  },
  'trace.server': {
    kind: 'choice',
    key: 'trace.server',
    default: 'off',
    choices: [
      { value: 'off', description: 'No tracing.' },
      { value: 'messages', description: 'Log each message between VS Code and the eqplan checker.' },
      { value: 'verbose', description: 'Log each message with its contents.' },
    ],
    description: 'For troubleshooting: log the messages between VS Code and the eqplan checker in the **eqplan** output.',
    example: '"messages"',
    scope: 'window',
    places: { configFile: false, editor: true },
    notInConfigFile: EDITOR_ONLY,
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof OPTIONS;

/** The options in table order. */
export const OPTION_LIST: readonly OptionSpec[] = Object.values(OPTIONS);

const BY_KEY: ReadonlyMap<string, OptionSpec> = new Map(OPTION_LIST.map((o) => [o.key, o]));

/** The option with this key (as in a config file, without `eqplan.`), if there is one. */
export function optionByKey(key: string): OptionSpec | undefined {
  return BY_KEY.get(key);
}

/** The keys a config file may hold. */
export const CONFIG_FILE_KEYS: readonly string[] = OPTION_LIST.filter((o) => o.places.configFile).map((o) => o.key);

/** What each option holds once read. */
export interface OptionValues {
  asOf?: string;
  dueSoonDays?: number;
  staleUpdateDays?: number;
  repeatedSlipTimes?: number;
  repeatedSlipDays?: number;
  rules?: Record<string, SeverityLevel>;
  changes?: Record<string, SeverityLevel>;
  'inlayHints.enabled'?: boolean;
  debounceMs?: number;
  'trace.server'?: string;
}

// ---------------------------------------------------------------------------
// Reading one value: the one validation of each kind, used by every reader.
// ---------------------------------------------------------------------------

const NOT_SET: OptionRead<never> = { problems: [] };

function problem(text: string): OptionRead<never> {
  return { problems: [text] };
}

/** An object as JSON, or its shape when it cannot be written (a YAML alias that contains itself). */
function jsonOrShape(value: object): string {
  try {
    return JSON.stringify(value) ?? 'a set of fields';
  } catch {
    return Array.isArray(value) ? 'a list' : 'a set of fields';
  }
}

/** A value as its writer would recognise it: never "[object Object]". */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? jsonOrShape(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isJsonFile(source: OptionSource): boolean {
  return source.kind === 'configFile' && source.fileName.toLowerCase().endsWith('.json');
}

/** How a message names the option: "In .eqplanrc.yaml, `dueSoonDays`", "The eqplan.dueSoonDays setting", "--as-of". */
function subject(spec: OptionSpec, source: OptionSource): string {
  switch (source.kind) {
    case 'configFile':
      return `In ${source.fileName}, \`${spec.key}\``;
    case 'editor':
      return `The eqplan.${spec.key} setting`;
    case 'cli':
      return spec.places.cli?.flag ?? spec.key;
  }
}

/** Like `subject`, with the value written after it: "The eqplan.asOf setting 2023-02-30", "--as-of 2023-02-30". */
function subjectWithValue(spec: OptionSpec, source: OptionSource, value: string): string {
  return source.kind === 'configFile' ? `${subject(spec, source)} (${value})` : `${subject(spec, source)} ${value}`;
}

/** The start of a message about one entry of a map option: "In .eqplanrc.yaml," or "In the eqplan.rules setting,". */
function within(spec: OptionSpec, source: OptionSource): string {
  switch (source.kind) {
    case 'configFile':
      return `In ${source.fileName},`;
    case 'editor':
      return `In the eqplan.${spec.key} setting,`;
    case 'cli':
      return `In ${spec.places.cli?.flag ?? spec.key},`;
  }
}

/** The option set to `value` as its reader would write it: `dueSoonDays: 30`, `"dueSoonDays": 30`, `"eqplan.dueSoonDays": 30`. */
function written(spec: OptionSpec, source: OptionSource, value: string): string {
  if (source.kind === 'editor') return `"eqplan.${spec.key}": ${value}`;
  if (source.kind === 'cli') return `${spec.places.cli?.flag ?? spec.key} ${value}`;
  return isJsonFile(source) ? `"${spec.key}": ${value}` : `${spec.key}: ${value}`;
}

function readInteger(spec: IntegerOption, value: unknown, source: OptionSource): OptionRead<number> {
  if (value === undefined || value === null) return NOT_SET;
  const inRange = (n: number): boolean => Number.isInteger(n) && n >= spec.min && n <= spec.max;
  const digits = typeof value === 'string' && /^\s*\d+\s*$/.test(value);
  // A flag's value is always text; elsewhere a number in quotes is a slip worth naming.
  if (source.kind === 'cli' && digits && inRange(Number(value))) return { value: Number(value), problems: [] };
  if (typeof value === 'number' && inRange(value)) return { value, problems: [] };
  if (digits && inRange(Number(value))) {
    // `dueSoonDays: "30"` is the number written as text: say so, or "not `30`" reads as nonsense.
    return problem(`${subject(spec, source)} is written as text in quotes (\`"${value}"\`). Write the number of ${spec.unit} without quotes: \`${written(spec, source, value.trim())}\`.`);
  }
  return problem(`${subject(spec, source)} must be a whole number of ${spec.unit} (${spec.min} to ${spec.max}), not \`${shown(value)}\`.`);
}

function readDate(spec: DateOption, value: unknown, source: OptionSource): OptionRead<string> {
  if (value === undefined || value === null) return NOT_SET;
  const example = source.kind === 'editor' ? '2024-03-31' : written(spec, source, '2024-03-31');
  if (typeof value === 'number') {
    return problem(`${subjectWithValue(spec, source, shown(value))} is a number; write the date as text, YYYY-MM-DD (for example "2024-03-31").`);
  }
  if (typeof value !== 'string') return problem(`${subject(spec, source)} needs a date written YYYY-MM-DD, for example ${example} (got \`${shown(value)}\`).`);
  const text = value.trim();
  // An empty setting is how the settings page clears it: the plan's own `asOf`, or else today.
  // A flag has no such use, so `--as-of ""` (an unset variable in a CI script) is a mistake to report.
  if (text === '' && source.kind !== 'cli') return NOT_SET;
  const leaveEmpty = source.kind === 'editor' ? ' Leave it empty to use the plan\'s own `asOf`, or else today.' : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return problem(`${subject(spec, source)} needs a date written YYYY-MM-DD, for example ${example} (got \`${value}\`).${leaveEmpty}`);
  if (parseIsoDay(text) === undefined) return problem(`${subjectWithValue(spec, source, text)} is not a real date. Write a date that exists, as YYYY-MM-DD, for example ${example}.`);
  return { value: text, problems: [] };
}

function readBoolean(spec: BooleanOption, value: unknown, source: OptionSource): OptionRead<boolean> {
  if (value === undefined || value === null) return NOT_SET;
  if (typeof value === 'boolean') return { value, problems: [] };
  return problem(`${subject(spec, source)} must be true or false, not \`${shown(value)}\`.`);
}

function readChoice(spec: ChoiceOption, value: unknown, source: OptionSource): OptionRead<string> {
  if (value === undefined || value === null) return NOT_SET;
  const choice = spec.choices.find((c) => c.value === value);
  if (choice) return { value: choice.value, problems: [] };
  return problem(`${subject(spec, source)} must be one of ${spec.choices.map((c) => c.value).join(', ')}, not \`${shown(value)}\`.`);
}

function rulesExample(source: OptionSource): string {
  if (source.kind === 'editor') return '`{ "stale-update": "off" }`';
  return isJsonFile(source) ? '`"rules": { "stale-update": "off" }`' : '`rules: { stale-update: off }`';
}

function readRules(spec: RulesOption, value: unknown, ctx: ReadContext): OptionRead<Record<string, SeverityLevel>> {
  const { source, ruleIds } = ctx;
  if (value === undefined || value === null) return NOT_SET;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return problem(`${subject(spec, source)} must map rule ids to a severity, for example ${rulesExample(source)}.`);
  }
  const problems: string[] = [];
  const rules: Record<string, SeverityLevel> = {};
  for (const [id, raw] of Object.entries(value)) {
    const level = parseSeverityLevel(raw);
    if (!ruleIds.has(id)) {
      const guess = closest(id, ruleIds);
      problems.push(`${within(spec, source)} \`${id}\` is not an eqplan rule.${guess ? ` Did you mean \`${guess}\`?` : ''} Known rules: ${[...ruleIds].join(', ')}.`);
    } else if (level === undefined) {
      problems.push(`${within(spec, source)} the severity of \`${id}\` must be one of ${SEVERITY_LEVELS.join(', ')}, not \`${shown(raw)}\`.`);
    } else if (level !== 'default') {
      rules[id] = level;
    }
  }
  return Object.keys(rules).length > 0 ? { value: rules, problems } : { problems };
}

function readChanges(spec: ChangesOption, value: unknown, ctx: ReadContext): OptionRead<Record<string, SeverityLevel>> {
  const { source } = ctx;
  const kindIds = ctx.changeIds ?? new Set<string>();
  if (value === undefined || value === null) return NOT_SET;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return problem(`${subject(spec, source)} must map kinds of change to a severity, for example ${isJsonFile(source) ? '`"changes": { "rag-improved": "warning" }`' : '`changes: { rag-improved: warning }`'}.`);
  }
  const problems: string[] = [];
  const changes: Record<string, SeverityLevel> = {};
  for (const [id, raw] of Object.entries(value)) {
    const level = parseSeverityLevel(raw);
    if (!kindIds.has(id)) {
      const guess = closest(id, kindIds);
      problems.push(`${within(spec, source)} \`${id}\` is not a kind of change eqplan diff reports.${guess ? ` Did you mean \`${guess}\`?` : ''} Known kinds: ${[...kindIds].join(', ')}.`);
    } else if (level === undefined) {
      problems.push(`${within(spec, source)} the severity of \`${id}\` must be one of ${SEVERITY_LEVELS.join(', ')}, not \`${shown(raw)}\`.`);
    } else if (level !== 'default') {
      changes[id] = level;
    }
  }
  return Object.keys(changes).length > 0 ? { value: changes, problems } : { problems };
}

/**
 * Reads one option's value as written in a config file, a setting or a flag.
 * Bad values are not used (the default applies) and each problem is said in
 * plain words that name where it was written.
 */
export function readOption(key: 'asOf', value: unknown, ctx: ReadContext): OptionRead<string>;
export function readOption(key: 'dueSoonDays' | 'staleUpdateDays' | 'repeatedSlipTimes' | 'repeatedSlipDays' | 'debounceMs', value: unknown, ctx: ReadContext): OptionRead<number>;
export function readOption(key: 'rules' | 'changes', value: unknown, ctx: ReadContext): OptionRead<Record<string, SeverityLevel>>;
export function readOption(key: 'inlayHints.enabled', value: unknown, ctx: ReadContext): OptionRead<boolean>;
export function readOption(key: 'trace.server', value: unknown, ctx: ReadContext): OptionRead<string>;
export function readOption(key: OptionKey, value: unknown, ctx: ReadContext): OptionRead<OptionValues[OptionKey]>;
export function readOption(key: OptionKey, value: unknown, ctx: ReadContext): OptionRead<OptionValues[OptionKey]> {
  const spec: OptionSpec = OPTIONS[key];
  switch (spec.kind) {
    case 'integer':
      return readInteger(spec, value, ctx.source);
    case 'date':
      return readDate(spec, value, ctx.source);
    case 'boolean':
      return readBoolean(spec, value, ctx.source);
    case 'choice':
      return readChoice(spec, value, ctx.source);
    case 'rules':
      return readRules(spec, value, ctx);
    case 'changes':
      return readChanges(spec, value, ctx);
  }
}

/**
 * Reads `[key, value]` pairs (a config file's top level, or the editor's
 * `eqplan` section flattened to table keys), in their order, so problems come
 * in the order a reader scans the file. A key the table does not have is
 * judged by `unknownKey` (a config file reports it; the editor's section may
 * hold keys of other tools, so the settings reader passes none). An option
 * that cannot be set from this source is a problem.
 */
export function readOptions(
  entries: Iterable<readonly [string, unknown]>,
  ctx: ReadContext,
  unknownKey?: (key: string) => string | undefined,
): { values: OptionValues; problems: string[] } {
  const values: OptionValues = {};
  const problems: string[] = [];
  for (const [key, value] of entries) {
    if (!isOptionKey(key)) {
      const said = unknownKey?.(key);
      if (said !== undefined) problems.push(said);
      continue;
    }
    const spec: OptionSpec = OPTIONS[key];
    if (!allowedIn(spec, ctx.source)) {
      problems.push(notAllowed(spec, ctx.source));
      continue;
    }
    switch (key) {
      case 'asOf':
        take(readOption('asOf', value, ctx), (v) => (values.asOf = v));
        break;
      case 'dueSoonDays':
        take(readOption('dueSoonDays', value, ctx), (v) => (values.dueSoonDays = v));
        break;
      case 'staleUpdateDays':
        take(readOption('staleUpdateDays', value, ctx), (v) => (values.staleUpdateDays = v));
        break;
      case 'repeatedSlipTimes':
        take(readOption('repeatedSlipTimes', value, ctx), (v) => (values.repeatedSlipTimes = v));
        break;
      case 'repeatedSlipDays':
        take(readOption('repeatedSlipDays', value, ctx), (v) => (values.repeatedSlipDays = v));
        break;
      case 'rules':
        take(readOption('rules', value, ctx), (v) => (values.rules = v));
        break;
      case 'changes':
        take(readOption('changes', value, ctx), (v) => (values.changes = v));
        break;
      case 'inlayHints.enabled':
        take(readOption('inlayHints.enabled', value, ctx), (v) => (values['inlayHints.enabled'] = v));
        break;
      case 'debounceMs':
        take(readOption('debounceMs', value, ctx), (v) => (values.debounceMs = v));
        break;
      case 'trace.server':
        take(readOption('trace.server', value, ctx), (v) => (values['trace.server'] = v));
        break;
      default: {
        // A new option in the table needs its line here; TypeScript says so.
        const unhandled: never = key;
        throw new Error(`option ${String(unhandled)} is not read`);
      }
    }
  }
  return { values, problems };

  function take<T>(read: OptionRead<T>, set: (value: T) => void): void {
    problems.push(...read.problems);
    if (read.value !== undefined) set(read.value);
  }
}

function isOptionKey(key: string): key is OptionKey {
  return Object.hasOwn(OPTIONS, key);
}

function notAllowed(spec: OptionSpec, source: OptionSource): string {
  switch (source.kind) {
    case 'configFile':
      return `${subject(spec, source)} cannot be set in a config file. ${spec.notInConfigFile ?? ''}`.trim();
    case 'editor':
      return `${subject(spec, source)} is not an editor setting.`;
    case 'cli':
      return `${spec.key} has no command-line flag.`;
  }
}

function allowedIn(spec: OptionSpec, source: OptionSource): boolean {
  switch (source.kind) {
    case 'configFile':
      return spec.places.configFile;
    case 'editor':
      return spec.places.editor;
    case 'cli':
      return spec.places.cli !== undefined;
  }
}

/** The options a check depends on, out of everything read. */
export function checkOptionsOf(values: OptionValues): CheckOptions {
  const options: CheckOptions = {};
  if (values.asOf !== undefined) options.asOf = values.asOf;
  if (values.dueSoonDays !== undefined) options.dueSoonDays = values.dueSoonDays;
  if (values.staleUpdateDays !== undefined) options.staleUpdateDays = values.staleUpdateDays;
  if (values.repeatedSlipTimes !== undefined) options.repeatedSlipTimes = values.repeatedSlipTimes;
  if (values.repeatedSlipDays !== undefined) options.repeatedSlipDays = values.repeatedSlipDays;
  if (values.rules !== undefined) options.rules = values.rules;
  if (values.changes !== undefined) options.changes = values.changes;
  return options;
}
