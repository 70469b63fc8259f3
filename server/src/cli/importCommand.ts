/**
 * `eqplan import <file>`: writes a plan from a council's Word, Excel or CSV
 * table and prints the import report. The readers are loaded only now (see
 * node/import/load.ts), so other commands do not pay for them.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { localIsoDate } from '../core';
import { formatImportReport } from '../core/import/report';
import { loadImporter } from '../node/import/load';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors';
import type { ImportArgs } from './importArgs';

/** `plans/Equality plan.docx` -> `plans/Equality plan.eqplan.yaml`. */
export function defaultImportOutput(input: string): string {
  return input.replace(/\.(docx|xlsx|csv|tsv|txt)$/i, '') + '.eqplan.yaml';
}

export async function runImport(args: ImportArgs, cwd: string): Promise<number> {
  const input = path.resolve(cwd, args.input);
  const outputShown = args.output ?? defaultImportOutput(args.input);
  const output = path.resolve(cwd, outputShown);
  if (output === input) throw new UsageError(`The output would replace ${args.input} itself. Name another file with -o.`);
  const importer = await loadImporter();
  let outcome;
  try {
    outcome = await importer.importFile(input, {
      today: args.asOf ?? localIsoDate(new Date()),
      objectivesFrom: args.objectivesFrom,
      columns: args.columns,
      sheet: args.sheet,
      organisation: args.organisation,
      title: args.title,
    });
  } catch (e) {
    if (e instanceof importer.ImportError) throw new UsageError(`${e.message} Nothing was written.`);
    throw e;
  }
  if (!outcome.ok) {
    process.stdout.write(`${formatImportReport(outcome.report, undefined, '').join('\n')}\n`);
    throw new UsageError(`${outcome.reason} Nothing was written.`);
  }
  try {
    // `wx`: never replace a file unless asked, even one created since the import started.
    writeFileSync(output, outcome.text, { encoding: 'utf8', flag: args.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${outputShown} already exists, so it was not replaced. Add --force to replace it, or name another file with -o. Nothing was written.`);
    throw new UsageError(`${outputShown} could not be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'its folder does not exist' : 'it cannot be written'}). Nothing was written.`);
  }
  const today = args.asOf ?? localIsoDate(new Date());
  process.stdout.write(`${formatImportReport(outcome.report, outcome.findings, today).join('\n')}\n\nWrote ${outputShown}.\n`);
  if (outcome.report.skipped.length > 0) {
    process.stdout.write(`${outcome.report.skipped.length === 1 ? 'One row was' : `${outcome.report.skipped.length} rows were`} not imported (listed above): add them by hand if they are actions.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
