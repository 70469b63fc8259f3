/**
 * Reads each plan file, finds its config, checks it (fixing it first with
 * `--fix`) and returns one `FileResult` per file. All file I/O of `check` is
 * here; the engine only ever sees text.
 */
import { writeFileSync } from 'node:fs';
import { checkPlan, mergeOptions, planFileProblemFinding, type CheckInput, type DecodedPlan, type Finding } from '../core';
import type { ConfigResolver } from '../node/config';
import { readPlanFile } from '../node/planDiscovery';
import { readKnownHistory } from '../node/planVersions';
import { UsageError } from './errors';
import type { PlanFile } from './files';
import { fixPlanText } from './fix';
import type { FileResult } from './results';

export interface CheckFilesOptions {
  asOf?: string;
  /** The local date, read once for the whole run (core has no clock). */
  localToday: string;
  configs: ConfigResolver;
  fix: boolean;
}

/** Checks every file in order. Throws `UsageError` for an unreadable file or a bad config file. */
export function checkFiles(files: readonly PlanFile[], opts: CheckFilesOptions): FileResult[] {
  return files.map((file) => checkOneFile(file, opts));
}

/**
 * Checks one file (fixing it first with `--fix`). The one step both the
 * single-thread loop and the worker threads (`checkWorker.ts`) run.
 */
export function checkOneFile(file: PlanFile, opts: CheckFilesOptions): FileResult {
  const config = opts.configs.forPlan(file.absolute);
  if (config.errors.length > 0) {
    throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
  }
  const options: CheckInput = { ...mergeOptions(config.options, { asOf: opts.asOf }), localToday: opts.localToday };

  const read = readPlanText(file, opts.fix);
  if (typeof read !== 'string') return { file: file.display, findings: [read.finding], error: read.finding.message };
  // The plan's git history feeds `repeated-slip`: read once per file, and only when the rule is on (it costs a git call per commit).
  if (options.rules?.['repeated-slip'] !== 'off') {
    const history = readKnownHistory(file.absolute, opts.localToday);
    if (history) options.history = history;
  }

  if (!opts.fix) {
    const result = checkPlan(read, options);
    return { file: file.display, findings: result.findings, summary: result.summary };
  }
  const outcome = fixPlanText(read, options);
  if (outcome.brokeSyntax) {
    process.stderr.write(`eqplan: ${file.display} was not fixed: the fixes would have left it with YAML syntax errors, so the file is unchanged. Make the changes by hand using the findings reported for it, and please report this to the eqplan maintainers.\n`);
  }
  if (outcome.refused) {
    process.stderr.write(`eqplan: ${file.display} was not fixed: ${outcome.refused}, so the file is unchanged. Make the changes by hand using the findings reported for it (check for a line break or odd character before the value).\n`);
  }
  const fixed = outcome.text !== read;
  if (fixed) {
    try {
      writeFileSync(file.absolute, outcome.text, 'utf8');
    } catch {
      throw new UsageError(`${file.display} could not be saved after fixing it. Check that the file is not read-only, or run without --fix.`);
    }
  }
  return { file: file.display, findings: outcome.result.findings, summary: outcome.result.summary, fixed };
}

/**
 * The file's text, or a finding saying why it is not a text plan (too big,
 * binary, not saved as UTF-8), read as every front door reads plans
 * (`node/planDiscovery.ts`). Such files are never given to the engine, so
 * `--fix` never writes them. Throws `UsageError` when the file cannot be read
 * at all.
 */
function readPlanText(file: PlanFile, fixing: boolean): string | { finding: Finding } {
  let read: DecodedPlan;
  try {
    read = readPlanFile(file.absolute, file.display);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it no longer exists' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    throw new UsageError(`${file.display} could not be read (${why}). Check the path and the file's permissions.`);
  }
  if (read.ok) return read.text;
  const unchanged = fixing ? ' The file has not been changed.' : '';
  return { finding: planFileProblemFinding(read.problem, read.problem.message + unchanged) };
}
