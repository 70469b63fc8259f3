/** Writing results: to stdout, to `--output FILE`, and appending the GitHub job summary. */
import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors';
import { fitToBytes, STEP_SUMMARY_LIMIT_BYTES } from './formatters/githubSummary';

/** Writes `text` to `file` (creating its folder) or, without a file, to stdout. */
export function writeOutput(text: string, file: string | undefined, cwd: string): void {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(cwd, file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text, 'utf8');
  } catch {
    throw new UsageError(`Could not write ${file}. Check that its folder can be written to and that it is not a folder itself.`);
  }
}

/**
 * Appends markdown to the job summary file GitHub names in
 * GITHUB_STEP_SUMMARY, keeping the file under GitHub's 1 MiB limit.
 */
export function appendStepSummary(summaryFile: string, markdown: string): void {
  let existing = 0;
  try {
    existing = statSync(summaryFile).size;
  } catch {
    // a new file
  }
  // Leave a little room for what later steps of the job write.
  const room = STEP_SUMMARY_LIMIT_BYTES - existing - 1024;
  const text = fitToBytes(markdown, room);
  if (text === '') return;
  try {
    appendFileSync(summaryFile, `${existing > 0 ? '\n' : ''}${text}`, 'utf8');
  } catch {
    process.stderr.write(`eqplan: could not write the job summary to ${summaryFile}; the annotations above are complete.\n`);
  }
}

/** `https://github.com/org/repo/blob/<sha>/` inside GitHub Actions, for links to lines. */
export function githubBlobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}
