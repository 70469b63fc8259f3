/**
 * The output formats of `eqplan check --format`, by name. Each formatter is
 * loaded only when its format is asked for: a run prints one format, and the
 * others (SARIF, JUnit, markdown with its rule texts) would only slow the
 * start of every `eqplan check`.
 */
import type { Format } from '../args';
import type { Formatter } from './types';

/** The formatter for `format`, loaded on first use. */
export async function loadFormatter(format: Format): Promise<Formatter> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish')).formatStylish;
    case 'json':
      return (await import('./json')).formatJson;
    case 'sarif':
      return (await import('./sarif')).formatSarif;
    case 'github':
      return (await import('./github')).formatGithub;
    case 'junit':
      return (await import('./junit')).formatJunit;
    case 'markdown':
      return (await import('./markdown')).formatMarkdown;
  }
}

/**
 * Whether a format reads the findings' safe fixes (to say how many problems
 * `--fix` would fix). Only then are they made for the findings of a check:
 * making fixes needs a plan's whole YAML tree, which the check itself does
 * not build (see `checkFiles.ts`). The other formats get findings with no fixes.
 */
export function showsSafeFixes(format: Format): boolean {
  return format === 'stylish';
}

export type { Formatter, FormatContext } from './types';
