/**
 * Reads each plan file, finds its config, checks it (fixing it first with
 * `--fix`) and returns one `FileResult` per file. All file I/O of `check` is
 * here; the engine only ever sees text.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { checkPlan, mergeOptions, type CheckOptions, type Finding } from '../core';
import type { ConfigResolver } from '../node/config';
import { UsageError } from './errors';
import { MAX_PLAN_BYTES, type PlanFile } from './files';
import { fixPlanText } from './fix';
import type { FileResult } from './results';

export interface CheckFilesOptions {
  asOf?: string;
  configs: ConfigResolver;
  fix: boolean;
}

/** Checks every file in order. Throws `UsageError` for an unreadable file or a bad config file. */
export function checkFiles(files: readonly PlanFile[], opts: CheckFilesOptions): FileResult[] {
  return files.map((file) => checkOneFile(file, opts));
}

function checkOneFile(file: PlanFile, opts: CheckFilesOptions): FileResult {
  const config = opts.configs.forPlan(file.absolute);
  if (config.errors.length > 0) {
    throw new UsageError(`Bad config file: ${config.errors.join(' ')}`);
  }
  const options: CheckOptions = mergeOptions(config.options, { asOf: opts.asOf });

  const read = readPlanText(file, opts.fix);
  if (typeof read !== 'string') return { file: file.display, findings: [read.finding], error: read.finding.message };

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
 * binary, not saved as UTF-8). Such files are never given to the engine, so
 * `--fix` never writes them. Throws `UsageError` when the file cannot be read
 * at all.
 */
function readPlanText(file: PlanFile, fixing: boolean): string | { finding: Finding } {
  const unchanged = fixing ? ' The file has not been changed.' : '';
  let buffer: Buffer;
  try {
    const size = statSync(file.absolute).size;
    if (size > MAX_PLAN_BYTES) {
      const mb = (size / (1024 * 1024)).toFixed(1);
      return notText(`${file.display} is not a text plan file eqplan can check: it is ${mb} MB, over the 10 MB limit. Check that you named the right file; a plan is a short YAML text file.`);
    }
    buffer = readFileSync(file.absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it no longer exists' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    throw new UsageError(`${file.display} could not be read (${why}). Check the path and the file's permissions.`);
  }
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return notText(`${file.display} is saved as Unicode (UTF-16) text, and eqplan reads plans saved as UTF-8. In Notepad, Word or Excel choose Save As and pick UTF-8 as the encoding, then check it again.${unchanged}`);
  }
  if (buffer.includes(0)) {
    return notText(`${file.display} is not a text plan file: it contains binary data. Save the plan as plain text YAML (UTF-8), not as a Word, Excel or PDF file.`);
  }
  try {
    // Strict: a Windows-1252 `é` must not become U+FFFD, which --fix would then save. A UTF-8 BOM is kept (the engine gives it no column) so a fixed file keeps it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    const line = firstInvalidUtf8Line(buffer);
    return notText(`${file.display} is not saved as UTF-8 text: line ${line + 1} has a character (often an accented letter, £ or a curly quote) saved in another encoding, such as Windows-1252 ("ANSI"). In Word, Notepad or Excel choose Save As and pick UTF-8 as the encoding, then check it again.${unchanged}`, line);
  }
}

/** The 0-based line of the first byte that is not valid UTF-8, so the finding points at it. */
function firstInvalidUtf8Line(buffer: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i <= buffer.length; i++) {
    if (i < buffer.length && buffer[i] !== 0x0a) continue;
    try {
      decoder.decode(buffer.subarray(lineStart, i));
    } catch {
      return line;
    }
    line++;
    lineStart = i + 1;
  }
  return 0;
}

/** A finding for a file that is not text: an error at its first character, under the `yaml-syntax` rule (the file is not readable YAML). */
function notText(message: string, line = 0): { finding: Finding } {
  const at = { line, character: 0 };
  return { finding: { rule: 'yaml-syntax', severity: 'error', message, range: { start: at, end: at }, offset: 0, endOffset: 0, path: '', fixes: [] } };
}
