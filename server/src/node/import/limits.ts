/**
 * Limits on what `eqplan import` reads, and the one error type its readers
 * throw. A council's plan table is a few hundred rows in a file well under
 * a megabyte; these limits are far above that and far below what would make
 * the importer slow or run out of memory on a hostile file.
 */

/** The largest input file, in bytes. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** The most a .docx or .xlsx may hold once unzipped, all parts read together. */
export const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
/** The largest single XML part once unzipped. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;
/** The most files a .docx or .xlsx zip may list. */
export const MAX_ZIP_ENTRIES = 5000;
/** The most rows in all tables together. */
export const MAX_ROWS = 10_000;
/** The most columns in one table. */
export const MAX_COLUMNS = 200;

/** A file that cannot be imported, with a message for the person who chose it. `eqplan import` exits 2. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
