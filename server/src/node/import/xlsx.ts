/**
 * Reads an Excel .xlsx with exceljs: each sheet (or the one `--sheet` names)
 * is a table. exceljs gives real date cells as dates, fills as colours, and
 * merged ranges; a range merged down gives its value to every row, a range
 * merged across keeps it in its first column. The zip is vetted first
 * (`zip.ts`: size caps, no DOCTYPE), because exceljs unzips whatever it is given.
 */
import type { Cell, CellValue } from 'exceljs';
import type { SourceCell, SourceDocument, SourceRow } from '../../core/import/types';
import { ImportError, MAX_COLUMNS, MAX_ROWS } from './limits';
import { openZip, vetAllParts } from './zip';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The text of a cell value, and the day when it is a date. */
function valueText(value: CellValue): { text: string; date?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    // exceljs reads a date cell as midnight UTC of that day.
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    return { text: iso, date: iso || undefined };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text).join('') };
  if ('result' in value) return valueText(value.result ?? null);
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  if ('error' in value) return { text: '' };
  return { text: '' };
}

function fillOf(cell: Cell): string | undefined {
  const fill: unknown = cell.fill;
  if (!isObject(fill) || fill.type !== 'pattern' || fill.pattern === 'none') return undefined;
  const fg = fill.fgColor;
  const argb = isObject(fg) && typeof fg.argb === 'string' ? fg.argb : undefined;
  return argb !== undefined && /^[0-9a-f]{8}$/i.test(argb) ? argb.slice(2).toUpperCase() : undefined;
}

function lines(text: string): string[] {
  return text
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** Reads a .xlsx held in memory. Throws ImportError for anything it cannot read. */
export async function readXlsx(buffer: Buffer, fileName: string, sheet?: string): Promise<SourceDocument> {
  await vetAllParts(await openZip(buffer, fileName, 'Excel workbook'));
  // Loaded here, not at the top: exceljs is large and only an import of a workbook needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as the older Buffer type; an ArrayBuffer copy of the bytes is what it reads.
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ImportError(`${fileName} could not be read as an Excel workbook. Open it in Excel and save it again as .xlsx.`);
  }
  const sheets = workbook.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const chosen = sheet === undefined ? sheets : sheets.filter((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (chosen.length === 0) {
    throw new ImportError(`${fileName} has no sheet named "${sheet}". Its sheets are: ${sheets.map((w) => `"${w.name}"`).join(', ')}.`);
  }
  let rowBudget = MAX_ROWS;
  const blocks: SourceDocument['blocks'] = [];
  for (const ws of chosen) {
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    if (columnCount > MAX_COLUMNS) throw new ImportError(`${fileName}: sheet "${ws.name}" has ${columnCount} columns; eqplan imports tables of up to ${MAX_COLUMNS} columns. Use --sheet to pick the plan's sheet, or delete the extra columns.`);
    rowBudget -= rowCount;
    if (rowBudget < 0) throw new ImportError(`${fileName} has more than ${MAX_ROWS} rows, far more than a plan; eqplan stopped reading it. Use --sheet to pick the plan's sheet.`);
    const rows: SourceRow[] = [];
    for (let r = 1; r <= rowCount; r++) {
      const cells: SourceCell[] = [];
      const distinctMasters = new Set<string>();
      for (let c = 1; c <= columnCount; c++) {
        const cell = ws.getCell(r, c);
        const master = cell.isMerged ? cell.master : cell;
        distinctMasters.add(master.address);
        if (master !== cell && master.address !== cell.address) {
          if (Number(master.row) === r) {
            cells.push({ lines: [], merged: 'across' });
          } else {
            const v = valueText(master.value);
            cells.push({ lines: lines(v.text), date: v.date, fill: fillOf(master), merged: 'down' });
          }
          continue;
        }
        const v = valueText(cell.value);
        cells.push({ lines: lines(v.text), date: v.date, fill: fillOf(cell) });
      }
      rows.push({ cells, fullWidth: columnCount > 1 && distinctMasters.size === 1 ? true : undefined });
    }
    blocks.push({ kind: 'table', label: `sheet ${ws.name}`, rows });
  }
  return { fileName, format: 'xlsx', blocks };
}
