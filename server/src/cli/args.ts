/**
 * The command line of `eqplan`, parsed with node's `util.parseArgs`. Anything
 * wrong becomes a `UsageError` saying what to type instead.
 */
import { parseArgs } from 'node:util';
import { OPTIONS, OPTION_LIST, RULES, readOption, type Severity } from '../core';
import { UsageError } from './errors';
import { parseImportArgs, type ImportArgs } from './import-args';

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

export interface HelpArgs {
  command: 'help';
  topic?: 'check' | 'report' | 'rules' | 'import';
}

export interface VersionArgs {
  command: 'version';
}

export type CliArgs = CheckArgs | ReportArgs | RulesArgs | HelpArgs | VersionArgs | ImportArgs;

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

/** Parses `process.argv.slice(2)`. Throws `UsageError` for anything it cannot use. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return { command: 'help', topic: topic === 'check' || topic === 'report' || topic === 'rules' || topic === 'import' ? topic : undefined };
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
