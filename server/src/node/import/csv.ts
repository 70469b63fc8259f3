/**
 * Reads a CSV or TSV file with csv-parse: quoted cells with commas and line
 * breaks, a UTF-8 byte order mark, Excel's CRLF line ends, and the encodings
 * Excel saves in (UTF-8, "Unicode text" UTF-16, and Windows-1252 "CSV").
 */
import { parse } from 'csv-parse/sync';
import type { SourceDocument } from '../../core/import/types';
import { ImportError, MAX_COLUMNS, MAX_ROWS } from './limits';

function decode(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    // Excel's "CSV (Comma delimited)" is saved in Windows-1252: £ and curly quotes are single bytes.
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** Reads a CSV (or TSV) held in memory. Throws ImportError for anything it cannot read. */
export function readCsv(buffer: Buffer, fileName: string, tab: boolean): SourceDocument {
  if (buffer.includes(0) && !(buffer[0] === 0xff || buffer[0] === 0xfe)) {
    throw new ImportError(`${fileName} is not a text table: it contains binary data. Save the plan from Excel as CSV, or import the .xlsx itself.`);
  }
  const text = decode(buffer);
  const firstLine = text.slice(0, 4096).split(/\r\n|\r|\n/)[0] ?? '';
  // Some European Excel settings save CSV with semicolons.
  const delimiter = tab ? '\t' : (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
      on_record: (record: string[], context: { lines: number; records: number }) => {
        if (record.length > MAX_COLUMNS) {
          throw new ImportError(`${fileName} has ${record.length} columns on line ${context.lines}; eqplan imports tables of up to ${MAX_COLUMNS} columns. Check that it is the plan's table.`);
        }
        if (context.records > MAX_ROWS) throw new ImportError(`${fileName} has more than ${MAX_ROWS} rows, far more than a plan; eqplan stopped reading it.`);
        return record;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const line = /line (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new ImportError(`${fileName} could not be read as a ${tab ? 'TSV' : 'CSV'} table${line ? ` (near line ${line})` : ''}: a quote is not closed or a cell is too long. Open it in Excel and save it as CSV again.`);
  }
  const rows = records.map((r) => ({
    cells: r.map((c) => ({ lines: c.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, ' ').split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '') })),
  }));
  return { fileName, format: tab ? 'tsv' : 'csv', blocks: [{ kind: 'table', label: 'the table', rows }] };
}
