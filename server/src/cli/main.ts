/**
 * Entry of the `eqplan` command (bundled to dist/cli.js, run by bin/eqplan.js).
 * It only dispatches; every concern has its own file. Nothing here prints a
 * stack trace: a problem the user can fix is one line on stderr and exit 2,
 * and so is anything unexpected.
 */
import { CHECK_HELP, MAIN_HELP, parseCliArgs, REPORT_HELP, RULES_HELP, type CliArgs } from './args';
import { runCheck } from './check-command';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { runReport } from './report-command';
import { runRules } from './rules-command';
import { VERSION } from './version';

function run(argv: readonly string[]): number {
  const args: CliArgs = parseCliArgs(argv);
  switch (args.command) {
    case 'help': {
      const text = args.topic === 'check' ? CHECK_HELP : args.topic === 'report' ? REPORT_HELP : args.topic === 'rules' ? RULES_HELP : MAIN_HELP;
      process.stdout.write(`${text}\n`);
      return EXIT_OK;
    }
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    case 'check':
      return runCheck(args, process.cwd(), process.env);
    case 'report':
      return runReport(args, process.cwd());
    case 'rules':
      return runRules(args);
  }
}

function fail(e: unknown): void {
  if (e instanceof UsageError) {
    process.stderr.write(`eqplan: ${e.message}\n`);
  } else {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`eqplan: something went wrong inside eqplan (${detail}). Please report this with the command you ran.\n`);
  }
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

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  fail(e);
}
