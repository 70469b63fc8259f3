/**
 * Reads an Excel .xlsx: each visible sheet (or the one `--sheet` names) is a
 * table. An .xlsx is a zip of XML parts, read with the same zip and XML
 * readers as a .docx (`zip.ts` caps the sizes and refuses a DOCTYPE before
 * the XML parser sees a part):
 *
 * - `xl/workbook.xml` and its relationships: the sheets, their names, which
 *   are hidden, and whether dates count from 1904;
 * - `xl/sharedStrings.xml`: the text of text cells (rich text joined);
 * - `xl/styles.xml`: each cell style's number format (a date format makes a
 *   number a date) and fill (a solid colour is kept, for RAG cells coloured
 *   in place of a word);
 * - each sheet: its cells (`<c r="B3" t="s" s="2"><v>…</v></c>`) and merged
 *   ranges. A range merged down gives its value to every row; a range merged
 *   across keeps it in its first column.
 *
 * Values are read as exceljs (which writes the test fixtures) reads them:
 * numbers as written, dates as the day (serial 25569 is 1 Jan 1970),
 * formulas by their last result, errors as empty. Not a general spreadsheet
 * reader: no formulas evaluated, no formats applied to numbers.
 */
import type { SourceCell, SourceDocument, SourceRow } from '../../core/import/types';
import { ImportError, MAX_COLUMNS, MAX_ROWS } from './limits';
import { child, descendants, parseXml, type XmlNode } from './xml';
import { openZip, vetAllParts, type OpenedZip } from './zip';

/** One cell as read: its text, the day when it is a date, its fill colour (RRGGBB). */
interface ReadCell {
  text: string;
  date?: string;
  fill?: string;
}

/** Built-in number formats that show a date or time (ids 14–22 and 45–47 of the standard's table). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when, outside quotes and `[…]`, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The day of an Excel date serial, as an ISO date (the time of day dropped). */
function serialDay(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** The text inside an element: its `<t>` runs (`<rPh>` phonetic guides left out). */
function runText(node: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === 't') out += c.children.map((t) => t.text ?? '').join('');
      else if (c.name !== 'rPh' && c.name !== 'rPr') walk(c);
    }
  };
  walk(node);
  return out;
}

function elementText(node: XmlNode | undefined): string | undefined {
  return node ? node.children.map((t) => t.text ?? '').join('') : undefined;
}

/** A part's XML, or the error every unreadable part gives. */
async function readPart(opened: OpenedZip, name: string, fileName: string): Promise<XmlNode[] | undefined> {
  const text = await opened.text(name);
  if (text === undefined) return undefined;
  try {
    return parseXml(text);
  } catch {
    throw unreadable(fileName);
  }
}

function unreadable(fileName: string): ImportError {
  return new ImportError(`${fileName} could not be read as an Excel workbook. Open it in Excel and save it again as .xlsx.`);
}

/** Each cell style's date-ness and fill, by style index. */
function readStyles(styles: XmlNode[] | undefined): { date: boolean; fill?: string }[] {
  if (!styles) return [];
  const root = styles.find((n) => n.name === 'styleSheet');
  if (!root) return [];
  const formats = new Map<number, string>();
  for (const f of descendants(root, 'numFmt')) formats.set(Number(f.attrs.get('numFmtId')), f.attrs.get('formatCode') ?? '');
  const fills: (string | undefined)[] = [];
  for (const fill of child(root, 'fills')?.children.filter((c) => c.name === 'fill') ?? []) {
    const pattern = child(fill, 'patternFill');
    const type = pattern?.attrs.get('patternType');
    const rgb = pattern ? child(pattern, 'fgColor')?.attrs.get('rgb') : undefined;
    fills.push(type !== undefined && type !== 'none' && rgb !== undefined && /^[0-9a-f]{8}$/i.test(rgb) ? rgb.slice(2).toUpperCase() : undefined);
  }
  return (child(root, 'cellXfs')?.children.filter((c) => c.name === 'xf') ?? []).map((xf) => {
    const id = Number(xf.attrs.get('numFmtId') ?? 0);
    const code = formats.get(id);
    const fillId = Number(xf.attrs.get('fillId') ?? 0);
    return { date: code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id), fill: fillId > 0 ? fills[fillId] : undefined };
  });
}

/** "BC12" -> [12, 55] (row and column, from 1); undefined when it is not a cell reference. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Where a sheet part is, from the workbook's relationship id. */
function sheetTargets(rels: XmlNode[] | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  for (const r of rels ? descendants(rels.find((n) => n.name === 'Relationships') ?? { name: '', attrs: new Map(), children: [] }, 'Relationship') : []) {
    const id = r.attrs.get('Id');
    const target = r.attrs.get('Target');
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return targets;
}

/** Reads a .xlsx held in memory. Throws ImportError for anything it cannot read. */
export async function readXlsx(buffer: Buffer, fileName: string, sheet?: string): Promise<SourceDocument> {
  const opened = await openZip(buffer, fileName, 'Excel workbook');
  // Every XML part through the caps and the DOCTYPE check, read or not, as for any workbook.
  await vetAllParts(opened);
  const workbook = (await readPart(opened, 'xl/workbook.xml', fileName))?.find((n) => n.name === 'workbook');
  if (!workbook) throw unreadable(fileName);
  const date1904 = /^(1|true)$/.test(child(workbook, 'workbookPr')?.attrs.get('date1904') ?? '');
  const targets = sheetTargets(await readPart(opened, 'xl/_rels/workbook.xml.rels', fileName));
  const sheets = descendants(workbook, 'sheet')
    .filter((s) => s.attrs.get('state') !== 'hidden' && s.attrs.get('state') !== 'veryHidden')
    .map((s) => ({ name: s.attrs.get('name') ?? '', part: targets.get(s.attrs.get('r:id') ?? '') }));
  const chosen = sheet === undefined ? sheets : sheets.filter((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (chosen.length === 0) {
    throw new ImportError(`${fileName} has no sheet named "${sheet}". Its sheets are: ${sheets.map((w) => `"${w.name}"`).join(', ')}.`);
  }
  const strings = (await readPart(opened, 'xl/sharedStrings.xml', fileName))?.find((n) => n.name === 'sst');
  const shared = strings ? strings.children.filter((c) => c.name === 'si').map(runText) : [];
  const styles = readStyles(await readPart(opened, 'xl/styles.xml', fileName));

  let rowBudget = MAX_ROWS;
  const blocks: SourceDocument['blocks'] = [];
  for (const ws of chosen) {
    const root = ws.part ? (await readPart(opened, ws.part, fileName))?.find((n) => n.name === 'worksheet') : undefined;
    if (!root) throw unreadable(fileName);
    const grid = readGrid(root, shared, styles, date1904);
    const { rowCount, columnCount } = grid;
    if (columnCount > MAX_COLUMNS) throw new ImportError(`${fileName}: sheet "${ws.name}" has ${columnCount} columns; eqplan imports tables of up to ${MAX_COLUMNS} columns. Use --sheet to pick the plan's sheet, or delete the extra columns.`);
    rowBudget -= rowCount;
    if (rowBudget < 0) throw new ImportError(`${fileName} has more than ${MAX_ROWS} rows, far more than a plan; eqplan stopped reading it. Use --sheet to pick the plan's sheet.`);
    blocks.push({ kind: 'table', label: `sheet ${ws.name}`, rows: tableRows(grid) });
  }
  return { fileName, format: 'xlsx', blocks };
}

interface Grid {
  cells: Map<string, ReadCell>;
  /** The top-left cell of the merged range a cell is in ("r,c"), for cells in one. */
  masters: Map<string, [number, number]>;
  rowCount: number;
  columnCount: number;
}

/** The cells of a sheet, its merged ranges, and how far it reaches. */
function readGrid(root: XmlNode, shared: readonly string[], styles: readonly { date: boolean; fill?: string }[], date1904: boolean): Grid {
  const cells = new Map<string, ReadCell>();
  let rowCount = 0;
  let columnCount = 0;
  let rowNumber = 0;
  for (const row of child(root, 'sheetData')?.children.filter((c) => c.name === 'row') ?? []) {
    rowNumber = Number(row.attrs.get('r') ?? rowNumber + 1);
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS * 10) continue;
    let col = 0;
    for (const c of row.children) {
      if (c.name !== 'c') continue;
      const at = cellRef(c.attrs.get('r') ?? '');
      col = at ? at[1] : col + 1;
      if (col > MAX_COLUMNS * 50) continue;
      const style = styles[Number(c.attrs.get('s') ?? 0)] ?? { date: false };
      cells.set(`${rowNumber},${col}`, cellValue(c, shared, style, date1904));
      rowCount = Math.max(rowCount, rowNumber);
      columnCount = Math.max(columnCount, col);
    }
  }
  const masters = new Map<string, [number, number]>();
  for (const m of descendants(child(root, 'mergeCells') ?? { name: '', attrs: new Map(), children: [] }, 'mergeCell')) {
    const [from, to] = (m.attrs.get('ref') ?? '').split(':').map(cellRef);
    if (!from || !to) continue;
    const [r1, c1, r2, c2] = [Math.min(from[0], to[0]), Math.min(from[1], to[1]), Math.max(from[0], to[0]), Math.max(from[1], to[1])];
    if (r2 > MAX_ROWS * 10 || c2 > MAX_COLUMNS * 50) continue;
    rowCount = Math.max(rowCount, r2);
    columnCount = Math.max(columnCount, c2);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) masters.set(`${r},${c}`, [r1, c1]);
  }
  return { cells, masters, rowCount, columnCount };
}

/** A cell's value by its type: shared text, inline text, a formula's text, a boolean, an error, or a number (a date when its style says so). */
function cellValue(c: XmlNode, shared: readonly string[], style: { date: boolean; fill?: string }, date1904: boolean): ReadCell {
  const type = c.attrs.get('t') ?? 'n';
  const v = elementText(child(c, 'v'));
  const fill = style.fill;
  switch (type) {
    case 's':
      return { text: shared[Number(v)] ?? '', fill };
    case 'inlineStr':
      return { text: runText(child(c, 'is') ?? c), fill };
    case 'str':
      return { text: v ?? '', fill };
    case 'b':
      return { text: v === undefined ? '' : String(v === '1' || v === 'true'), fill };
    case 'e':
      return { text: '', fill };
    case 'd': {
      const t = v === undefined ? Number.NaN : Date.parse(v);
      const iso = Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
      return { text: iso, date: iso || undefined, fill };
    }
    default: {
      if (v === undefined || v.trim() === '') return { text: '', fill };
      const n = Number(v);
      if (Number.isNaN(n)) return { text: v, fill };
      if (style.date) {
        const iso = serialDay(n, date1904) ?? '';
        return { text: iso, date: iso || undefined, fill };
      }
      return { text: String(n), fill };
    }
  }
}

/** The sheet as rows of source cells, merged ranges marked. */
function tableRows(grid: Grid): SourceRow[] {
  const rows: SourceRow[] = [];
  for (let r = 1; r <= grid.rowCount; r++) {
    const cells: SourceCell[] = [];
    const distinctMasters = new Set<string>();
    for (let c = 1; c <= grid.columnCount; c++) {
      const master = grid.masters.get(`${r},${c}`) ?? [r, c];
      const masterKey = `${master[0]},${master[1]}`;
      distinctMasters.add(masterKey);
      const value = grid.cells.get(masterKey) ?? { text: '' };
      if (master[0] !== r || master[1] !== c) {
        if (master[0] === r) cells.push({ lines: [], merged: 'across' });
        else cells.push({ lines: lines(value.text), date: value.date, fill: value.fill, merged: 'down' });
        continue;
      }
      cells.push({ lines: lines(value.text), date: value.date, fill: value.fill });
    }
    rows.push({ cells, fullWidth: grid.columnCount > 1 && distinctMasters.size === 1 ? true : undefined });
  }
  return rows;
}

function lines(text: string): string[] {
  return text
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}
