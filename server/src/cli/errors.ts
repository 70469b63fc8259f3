/**
 * Exit codes of `eqplan` and the one error type that stops a run with a
 * message for the user (never a stack trace).
 */

/** Nothing at or above `--fail-severity`, and warnings within `--max-warnings`. */
export const EXIT_OK = 0;
/** Findings at or above `--fail-severity`, or more warnings than `--max-warnings`. */
export const EXIT_FINDINGS = 1;
/** A usage error, a path that does not exist or cannot be read, a bad config file, an internal error. */
export const EXIT_USAGE = 2;

/**
 * A problem the user can fix by changing the command line, a path or a config
 * file. `main` prints its message as one line on stderr and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
