/**
 * Reads each plan file, finds its config, checks it (fixing it first with
 * `--fix`) and returns one `FileResult` per file. All file I/O of `check` is
 * here; the engine only ever sees text.
 */
import { writeFileSync } from 'node:fs';
import { checkParsed, mergeOptions, readingOfParse, readPlanForCheck, planFileProblemFinding, RULES, type CheckInput, type DecodedPlan, type Finding, type ParsedPlan, type PlanVersion } from '../core';
import type { ConfigResolver } from '../node/config';
import { readPlanFile } from '../node/planDiscovery';
import { knownHistory, readPlanVersions, readPlanVersionsAsync } from '../node/planVersions';
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
  /** Give each finding its safe fixes (what `--fix` applies): the output format counts them (`showsSafeFixes`). Otherwise findings carry no fixes. */
  safeFixes: boolean;
}

/**
 * Checks every file in order, on this thread. Each plan's history is read
 * from git while the plan is parsed (git runs beside this process, on the
 * other core). Throws `UsageError` for an unreadable file or a bad config
 * file.
 */
export async function checkFiles(files: readonly PlanFile[], opts: CheckFilesOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const options = optionsFor(file, opts);
    const text = readPlanText(file, opts.fix);
    if (typeof text !== 'string') {
      results.push(notAPlan(file, text.finding));
      continue;
    }
    const versions = wantsHistory(options) ? readPlanVersionsAsync(file.absolute, opts.localToday, text).catch(() => undefined) : undefined;
    results.push(finishFile(file, opts, options, readForCheck(text, opts), await versions));
  }
  return results;
}

/**
 * Checks one file (fixing it first with `--fix`), reading its history from
 * git as it goes: what each worker thread (`checkWorker.ts`) runs. The same
 * result as `checkFiles` gives the file.
 */
export function checkOneFile(file: PlanFile, opts: CheckFilesOptions): FileResult {
  const options = optionsFor(file, opts);
  const text = readPlanText(file, opts.fix);
  if (typeof text !== 'string') return notAPlan(file, text.finding);
  return finishFile(file, opts, options, readForCheck(text, opts), wantsHistory(options) ? historyOrNone(() => readPlanVersions(file.absolute, opts.localToday, text)) : undefined);
}

/** History is extra, never a reason to fail a check: anything going wrong reading it means no history (as `checkFiles` does). */
function historyOrNone(read: () => PlanVersion[] | undefined): PlanVersion[] | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The file's check options, from its config file and the command line. Throws `UsageError` for a bad config file. */
function optionsFor(file: PlanFile, opts: CheckFilesOptions): CheckInput {
  const config = opts.configs.forPlan(file.absolute);
  if (config.errors.length > 0) {
    throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
  }
  return { ...mergeOptions(config.options, { asOf: opts.asOf }), localToday: opts.localToday };
}

/** The plan's git history feeds `repeated-slip`: read only when the rule is on. */
function wantsHistory(options: CheckInput): boolean {
  return options.rules?.['repeated-slip'] !== 'off';
}

/** A plan read to be checked. */
interface PlanRead {
  text: string;
  /** Its parse, shared by the check and the history (none with `--fix`, which parses as it fixes). */
  parsed?: ParsedPlan;
}

/** A plan's text with its parse (the parse left to the fixer with `--fix`). */
function readForCheck(text: string, opts: CheckFilesOptions): PlanRead {
  return { text, parsed: opts.fix ? undefined : readPlanForCheck(text) };
}

/** The result of a file that is not a text plan (too big, binary, not UTF-8). */
function notAPlan(file: PlanFile, finding: Finding): FileResult {
  return { file: file.display, findings: [finding], error: finding.message };
}

/** The check (or fix) of a plan read by `readForCheck`, given its versions in git (undefined: no history). */
function finishFile(file: PlanFile, opts: CheckFilesOptions, options: CheckInput, plan: PlanRead, versions: readonly PlanVersion[] | undefined): FileResult {
  const { parsed, text: read } = plan;
  const history = knownHistory(file.absolute, versions, parsed && readingOfParse(parsed));
  if (history) options.history = history;

  if (parsed) {
    const result = checkParsed(parsed, options);
    return { file: file.display, findings: settled(result.findings, opts.safeFixes), summary: result.summary };
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
  return { file: file.display, findings: settled(outcome.result.findings, opts.safeFixes), summary: outcome.result.summary, fixed };
}

/**
 * The findings as plain data, with their safe fixes made now when the format
 * shows them, else no fixes. The engine makes a finding's fixes on first
 * read, from the plan's YAML tree (built then, for a plan the check read
 * quickly): a result kept until the report is printed would otherwise keep
 * every plan's text and reading alive with it (200 plans of 100 actions held
 * 220 MB and spent a quarter of the run collecting garbage), and a worker
 * thread's results, copied when posted back, would make every fix. Only the
 * rules that can offer a safe fix (`safeFixes`) are asked, so a plan without
 * their findings is never parsed whole. Single-thread and worker results are
 * the same plain data.
 */
function settled(findings: readonly Finding[], withSafeFixes: boolean): Finding[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    offset: f.offset,
    endOffset: f.endOffset,
    path: f.path,
    fixes: withSafeFixes && SAFE_FIX_RULES.has(f.rule) ? f.fixes.filter((x) => x.safe) : [],
  }));
}

const SAFE_FIX_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.safeFixes).map((r) => r.id));

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
