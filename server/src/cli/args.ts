/**
 * The command line of `eqplan`, parsed with node's `util.parseArgs`. Anything
 * wrong becomes a `UsageError` saying what to type instead.
 */
import { parseArgs } from 'node:util';
import { OPTIONS, OPTION_LIST, RULES, readOption, type Severity } from '../core';
import { DIFF_FORMATS, type DiffFormat } from './diff';
import { UsageError } from './errors';
import { parseImportArgs, type ImportArgs } from './importArgs';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

const FAIL_SEVERITIES = ['error', 'warning', 'information'] as const;

export interface CheckArgs {
  command: 'check';
  /** Files, folders and globs as typed; `.` when none. */
  targets: string[];
  format: Format;
  output?: string;
  asOf?: string;
  failSeverity: Severity;
  maxWarnings?: number;
  config?: string;
  fix: boolean;
  quiet: boolean;
  /** true for `--color`, false for `--no-color`, undefined to decide from the terminal and environment. */
  color?: boolean;
}

export interface ReportArgs {
  command: 'report';
  plan: string;
  output?: string;
  asOf?: string;
  config?: string;
  title?: string;
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

export interface DiffArgs {
  command: 'diff';
  /** Without --base: the old file and the new file. With --base: paths limiting the plans compared (none: all). */
  files: string[];
  base?: string;
  head?: string;
  format: DiffFormat;
  output?: string;
  failOn: Severity;
  config?: string;
}

export interface HistoryArgs {
  command: 'history';
  plan: string;
  format: HistoryFormat;
  output?: string;
}

export const HISTORY_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

type HelpTopic = 'check' | 'report' | 'rules' | 'import' | 'diff' | 'history';
const HELP_TOPICS: readonly HelpTopic[] = ['check', 'report', 'rules', 'import', 'diff', 'history'];

export interface HelpArgs {
  command: 'help';
  topic?: HelpTopic;
}

export interface VersionArgs {
  command: 'version';
}

export type CliArgs = CheckArgs | ReportArgs | RulesArgs | DiffArgs | HistoryArgs | ImportArgs | HelpArgs | VersionArgs;

/** `as-of`: the options table's flag for `asOf`, as parseArgs names it. */
const AS_OF = OPTIONS.asOf.places.cli.flag.replace(/^--/, '');

/** The help lines of the options table's flags (`--as-of`), in the column layout of the help below. */
const OPTION_FLAG_HELP = OPTION_LIST.flatMap((o) => (o.places.cli ? [`  ${`${o.places.cli.flag} <${o.places.cli.placeholder}>`.padEnd(25)}${o.places.cli.help}`] : [])).join('\n');

export const MAIN_HELP = `eqplan: checks equality action plans kept as YAML.

Usage:
  eqplan check [files|folders|globs...] [options]   check plans (default: the current folder)
  eqplan report <plan> -o report.html [options]     write a one-page HTML progress report
  eqplan rules [--format json]                      list the checks and their default severity
  eqplan import <file.docx|.xlsx|.csv> [options]    write a plan from a council's Word or Excel table
  eqplan diff <old> <new> | --base <ref> [paths]    what a change did to plans: deadlines
                                                    slipped, ratings changed, actions deleted
  eqplan history <plan>                             each action's deadlines and RAG over the
                                                    plan's git history
  eqplan --help | eqplan <command> --help           show help
  eqplan --version                                  show the version

Exit codes: 0 no problems at or above --fail-severity; 1 problems found;
2 the command could not run (wrong option, missing file, bad config file).`;

export const CHECK_HELP = `Usage: eqplan check [files|folders|globs...] [options]

Checks each plan. A folder is searched for *.eqplan.yaml / *.eqplan.yml files and
for other YAML files whose first lines contain \`eqplan: 1\`; .gitignore files are
honoured and node_modules/.git are skipped. Default: the current folder.

Options:
  --format <name>          stylish (default), json, sarif, github, junit, markdown
  -o, --output <file>      write the report to a file instead of the screen
${OPTION_FLAG_HELP}
  --fail-severity <level>  error (default), warning or information: exit 1 when a
                           problem at or above this level is found
  --max-warnings <n>       also exit 1 when there are more than n warnings
                           (-1: no limit, the default)
  --config <file>          use this config file instead of looking for
                           .eqplanrc.yaml / .eqplanrc.yml / eqplan.config.json
  --fix                    rewrite what can be fixed safely (e.g. "Nov 22" -> 2022-11),
                           keeping comments and layout, then report what is left
  --quiet                  report errors only (the exit code still counts
                           everything; the totals line says what was hidden)
  --color, --no-color      force colours on or off (default: on for a terminal;
                           NO_COLOR and FORCE_COLOR are respected)
  -h, --help               show this help`;

export const REPORT_HELP = `Usage: eqplan report <plan> -o report.html [options]

Writes a self-contained HTML page with the plan's progress: RAG counts,
overdue actions, deadlines by month, targets and their trajectories.

Options:
  -o, --output <file>      the HTML file to write (default: the plan's name with .html)
${OPTION_FLAG_HELP}
  --config <file>          use this config file
  --title <text>           the page title (default: the plan's title)
  -h, --help               show this help`;

export const RULES_HELP = `Usage: eqplan rules [--format json]

Lists every check with its id, default severity and what it looks for.
Change severities or turn checks off in .eqplanrc.yaml, for example:
  rules: { stale-update: off, due-soon: warning }`;

export const DIFF_HELP = `Usage: eqplan diff <old plan> <new plan> [options]
       eqplan diff --base <git ref> [--head <git ref>] [files|folders...] [options]

Lists what changed between two versions of a plan: deadlines slipped or brought
forward, RAG ratings worse or better, owners and measures changed or removed,
actions deleted instead of closed, targets lowered, past figures revised.
Only values are compared: reformatting, reordering and comments are not changes.

With --base, the plans git sees changed between the ref (where this branch left
it, as a pull request shows) and the working tree, or --head, are compared;
added, deleted and renamed plans are followed.

Options:
  --base <ref>             compare with this branch, tag or commit (e.g. main, origin/main)
  --head <ref>             the new version (default: the files as they are now)
  --format <name>          stylish (default), json, markdown (a pull-request comment), github
  -o, --output <file>      write to a file instead of the screen
  --fail-on <level>        error (default), warning or information: exit 1 when a
                           change at or above this level is found
  --config <file>          use this config file (its \`changes:\` section sets severities)
  -h, --help               show this help

Exit codes: 0 no change at or above --fail-on; 1 such changes; 2 could not run.`;

export const HISTORY_HELP = `Usage: eqplan history <plan> [options]

Walks the plan's git history (following renames) and shows, for each action,
every deadline it has had with the date and author of the commit that set it,
how many times and how far it slipped, and its RAG over time; for each
objective, its RAG counts over time.

Options:
  --format <name>          stylish (default), json, markdown
  -o, --output <file>      write to a file instead of the screen
  -h, --help               show this help`;

/** Parses `process.argv.slice(2)`. Throws `UsageError` for anything it cannot use. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return { command: 'help', topic: HELP_TOPICS.find((t) => t === topic) };
  }
  if (first === '-v' || first === '--version' || first === 'version') return { command: 'version' };
  switch (first) {
    case 'check':
      return parseCheck(rest);
    case 'report':
      return parseReport(rest);
    case 'rules':
      return parseRules(rest);
    case 'import':
      return parseImportArgs(rest, asOfDate);
    case 'diff':
      return parseDiff(rest);
    case 'history':
      return parseHistory(rest);
    default:
      if (first.startsWith('-')) {
        throw new UsageError(`\`${first}\` must come after a command, for example \`eqplan check ${first}\`. Run \`eqplan --help\` to see the commands.`);
      }
      throw new UsageError(`\`${first}\` is not an eqplan command. To check a plan, run \`eqplan check ${first}\`; run \`eqplan --help\` to see the commands.`);
  }
}

function parseCheck(argv: string[]): CheckArgs | HelpArgs {
  const { values, positionals } = parse('check', joinNegativeMaxWarnings(argv), {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    [AS_OF]: { type: 'string' },
    'fail-severity': { type: 'string' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    fix: { type: 'boolean' },
    quiet: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'check' };
  const format = oneOf('--format', str(values.format) ?? 'stylish', FORMATS);
  const failSeverity = oneOf('--fail-severity', str(values['fail-severity']) ?? 'error', FAIL_SEVERITIES);
  const maxWarningsText = str(values['max-warnings']);
  let maxWarnings: number | undefined;
  if (maxWarningsText !== undefined) {
    if (!/^-?\d+$/.test(maxWarningsText.trim())) {
      throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more, or -1 for no limit), not \`${maxWarningsText}\`. Example: --max-warnings 10`);
    }
    // As in ESLint, a negative number (-1) means no limit.
    const n = Number(maxWarningsText.trim());
    maxWarnings = n < 0 ? undefined : n;
  }
  if (values.color && values['no-color']) throw new UsageError('Use either --color or --no-color, not both.');
  return {
    command: 'check',
    targets: positionals.length > 0 ? positionals : ['.'],
    format,
    output: nonEmpty('--output', str(values.output)),
    asOf: asOfDate(str(values[AS_OF])),
    failSeverity,
    maxWarnings,
    config: nonEmpty('--config', str(values.config)),
    fix: values.fix === true,
    quiet: values.quiet === true,
    color: values.color ? true : values['no-color'] ? false : undefined,
  };
}

/**
 * `--max-warnings -1` as `--max-warnings=-1`: parseArgs would take `-1` for an
 * option and refuse it, but -1 (no limit) is what ESLint users type.
 */
function joinNegativeMaxWarnings(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) {
      out.push(`--max-warnings=${argv[i + 1]}`);
      i++;
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

function parseReport(argv: string[]): ReportArgs | HelpArgs {
  const { values, positionals } = parse('report', argv, {
    output: { type: 'string', short: 'o' },
    [AS_OF]: { type: 'string' },
    config: { type: 'string' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'report' };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Name the plan to report on, for example `eqplan report plan.eqplan.yaml -o report.html`.'
        : `\`eqplan report\` takes one plan, not ${positionals.length}. Run it once per plan.`,
    );
  }
  return {
    command: 'report',
    plan: positionals[0],
    output: nonEmpty('--output', str(values.output)),
    asOf: asOfDate(str(values[AS_OF])),
    config: nonEmpty('--config', str(values.config)),
    title: str(values.title),
  };
}

function parseRules(argv: string[]): RulesArgs | HelpArgs {
  const { values, positionals } = parse('rules', argv, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'rules' };
  if (positionals.length > 0) throw new UsageError(`\`eqplan rules\` takes no file names (got \`${positionals[0]}\`). Run \`eqplan rules\` on its own.`);
  return { command: 'rules', format: oneOf('--format', str(values.format) ?? 'text', ['text', 'json'] as const) };
}

function parseDiff(argv: string[]): DiffArgs | HelpArgs {
  const { values, positionals } = parse('diff', argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'diff' };
  const base = str(values.base);
  const head = str(values.head);
  if (base !== undefined && base.trim() === '') throw new UsageError('--base needs a branch, tag or commit, for example `--base main`.');
  if (base === undefined && head !== undefined) throw new UsageError('--head goes with --base, for example `eqplan diff --base main --head my-branch`.');
  if (base === undefined && positionals.length !== 2) {
    throw new UsageError(
      positionals.length < 2
        ? 'Name the old and the new version of the plan, for example `eqplan diff old.eqplan.yaml plan.eqplan.yaml`, or compare with git: `eqplan diff --base main`.'
        : `\`eqplan diff\` compares two files, not ${positionals.length}. To compare every changed plan with a branch, use \`eqplan diff --base main\`.`,
    );
  }
  return {
    command: 'diff',
    files: positionals,
    base,
    head,
    format: oneOf('--format', str(values.format) ?? 'stylish', DIFF_FORMATS),
    output: nonEmpty('--output', str(values.output)),
    failOn: oneOf('--fail-on', str(values['fail-on']) ?? 'error', FAIL_SEVERITIES),
    config: nonEmpty('--config', str(values.config)),
  };
}

function parseHistory(argv: string[]): HistoryArgs | HelpArgs {
  const { values, positionals } = parse('history', argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'history' };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'Name the plan, for example `eqplan history plan.eqplan.yaml`.' : `\`eqplan history\` takes one plan, not ${positionals.length}.`);
  }
  return { command: 'history', plan: positionals[0], format: oneOf('--format', str(values.format) ?? 'stylish', HISTORY_FORMATS), output: nonEmpty('--output', str(values.output)) };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(command: string, argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError(`${describeParseError(e, options)} Run \`eqplan ${command} --help\` to see the options.`);
  }
}

/** What a good value of each option looks like, for error messages. */
const EXAMPLE_VALUES: Record<string, string> = {
  format: 'json',
  output: 'results.txt',
  [AS_OF]: '2024-03-31',
  'fail-severity': 'warning',
  'fail-on': 'warning',
  base: 'main',
  head: 'HEAD',
  'max-warnings': '10',
  config: '.eqplanrc.yaml',
  title: '"Equality plan progress"',
};

/** Turns node's parseArgs errors (written for programmers) into a plain sentence. */
function describeParseError(e: unknown, options: OptionSpec): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `\`${quoted}\` is not an option of this command.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // `quoted` is e.g. "-o, --output <value>", "--max-warnings <value>", "--fix" or "-o".
    const long = /--([\w-]+)/.exec(quoted)?.[1];
    const short = /^-(\w)\b/.exec(quoted)?.[1];
    const name = long ?? Object.keys(options).find((k) => options[k].short === short) ?? quoted.replace(/^-+/, '');
    if (options[name]?.type === 'boolean') return `\`--${name}\` does not take a value.`;
    return `\`--${name}\` needs a value, for example \`--${name} ${EXAMPLE_VALUES[name] ?? '...'}\`.`;
  }
  return message.split('\n')[0];
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function nonEmpty(option: string, v: string | undefined): string | undefined {
  if (v !== undefined && v.trim() === '') throw new UsageError(`${option} needs a file name.`);
  return v;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not \`${value}\`.`);
}

/** Validates `--as-of`: a real calendar date written YYYY-MM-DD, as the options table reads it everywhere. */
export function asOfDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const read = readOption('asOf', value, { source: { kind: 'cli' }, ruleIds: CLI_RULE_IDS });
  if (read.problems.length > 0) throw new UsageError(read.problems.join(' '));
  return read.value;
}

const CLI_RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
