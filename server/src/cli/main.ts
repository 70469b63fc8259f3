/**
 * Entry of the `eqplan` command (bundled to dist/cli.js, run by bin/eqplan.js).
 * It only dispatches; every concern has its own file. Nothing here prints a
 * stack trace: a problem the user can fix is one line on stderr and exit 2,
 * and so is anything unexpected. With `--format github` that line is also an
 * `::error::` workflow command on stdout, so it shows in the run's annotations.
 */
import { CHECK_HELP, DIFF_HELP, HISTORY_HELP, MAIN_HELP, parseCliArgs, REPORT_HELP, RULES_HELP, type CliArgs } from './args';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { escapeData, escapeProperty } from './formatters/github';
import { IMPORT_HELP } from './importArgs';
import { VERSION } from './version';

// Each command's module is loaded only when that command runs (`import()`, which the CommonJS
// bundle turns into a deferred require): `eqplan check` on one plan does not pay for the report
// template, git, the diff or the importer.
async function run(argv: readonly string[]): Promise<number> {
  const args: CliArgs = parseCliArgs(argv);
  switch (args.command) {
    case 'help': {
      const help = { check: CHECK_HELP, report: REPORT_HELP, rules: RULES_HELP, import: IMPORT_HELP, diff: DIFF_HELP, history: HISTORY_HELP } as const;
      const text = args.topic === undefined ? MAIN_HELP : help[args.topic];
      process.stdout.write(`${text}\n`);
      return EXIT_OK;
    }
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    case 'check':
      return (await import('./checkCommand')).runCheck(args, process.cwd(), process.env);
    case 'report':
      return (await import('./reportCommand')).runReport(args, process.cwd());
    case 'rules':
      return (await import('./rulesCommand')).runRules(args);
    case 'import':
      return (await import('./importCommand')).runImport(args, process.cwd());
    case 'diff':
      return (await import('./diffCommand')).runDiff(args, process.cwd(), process.env);
    case 'history':
      return (await import('./historyCommand')).runHistory(args, process.cwd());
  }
}

/**
 * True when the command line asks for `--format github`, read from the raw
 * arguments so that it works even when they could not be parsed.
 */
function asksForGithub(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return false;
    if (argv[i] === '--format=github' || (argv[i] === '--format' && argv[i + 1] === 'github')) return true;
  }
  return false;
}

const argv = process.argv.slice(2);

function fail(e: unknown): void {
  let message: string;
  if (e instanceof UsageError) {
    message = e.message;
  } else {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    message = `something went wrong inside eqplan (${detail}). Please report this with the command you ran.`;
  }
  process.stderr.write(`eqplan: ${message}\n`);
  if (asksForGithub(argv)) process.stdout.write(`::error title=${escapeProperty('eqplan could not run')}::${escapeData(`eqplan: ${message}`)}\n`);
  process.exitCode = EXIT_USAGE;
}

process.on('uncaughtException', (e) => {
  fail(e);
  process.exit(EXIT_USAGE);
});
// A closed pipe (`eqplan check | head`) is not an error worth a message.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
});

run(argv).then((c) => (process.exitCode = c), fail);
