/**
 * The import pipeline's node side, bundled on its own as dist/import.js and
 * loaded only when an import runs (see `load.ts`): it reads the file, picks
 * the reader by what the file really is, and gives the tables to the pure
 * importer in core.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { importPlan, type ImportOptions, type ImportOutcome, type SourceDocument } from '../../core/import';
import { readCsv } from './csv';
import { readDocx } from './docx';
import { ImportError, MAX_INPUT_BYTES, megabytes } from './limits';
import { sniffKind } from './sniff';
import { readXlsx } from './xlsx';

export { ImportError } from './limits';

/** Reads a table file into blocks. Throws ImportError (with what to do) for anything it cannot read. */
export async function readSourceFile(file: string, sheet?: string): Promise<SourceDocument> {
  const name = path.basename(file);
  let buffer: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ImportError(`${name} is a folder. Name the Word, Excel or CSV file to import.`);
    if (stat.size > MAX_INPUT_BYTES) {
      throw new ImportError(`${name} is ${megabytes(stat.size)}; eqplan imports files of up to ${megabytes(MAX_INPUT_BYTES)} (a plan's table is usually well under 1 MB). Check that it is the plan, or save only the plan's table in a file of its own.`);
    }
    buffer = readFileSync(file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(`${name} ${code === 'ENOENT' ? 'does not exist' : 'could not be read'}. Check the file name.`);
  }
  return readSourceBuffer(buffer, name, sheet);
}

/** Reads a table file already in memory; `name` is its file name (the extension matters). */
export async function readSourceBuffer(buffer: Buffer, name: string, sheet?: string): Promise<SourceDocument> {
  if (buffer.length > MAX_INPUT_BYTES) throw new ImportError(`${name} is ${megabytes(buffer.length)}; eqplan imports files of up to ${megabytes(MAX_INPUT_BYTES)}.`);
  const kind = sniffKind(name, buffer);
  switch (kind) {
    case 'docx':
      return readDocx(buffer, name);
    case 'xlsx':
      return readXlsx(buffer, name, sheet);
    case 'csv':
    case 'tsv':
      return readCsv(buffer, name, kind === 'tsv');
  }
}

/** Reads a file and imports it. Throws ImportError when the file cannot be read at all. */
export async function importFile(file: string, options: ImportOptions): Promise<ImportOutcome> {
  return importPlan(await readSourceFile(file, options.sheet), options);
}
