/**
 * Reads a Word .docx into blocks: headings, paragraphs (bullets marked) and
 * tables in body order. Tables are read from `w:tbl`/`w:tr`/`w:tc`: a
 * vertically merged cell (`w:vMerge`) gives its value to every row it spans,
 * a cell spanning columns (`w:gridSpan`) takes the first and leaves the
 * others marked, a cell's shading (`w:shd`) is kept as its colour, and a row
 * marked to repeat on each page (`w:tblHeader`) is marked as a header row.
 */
import type { SourceBlock, SourceCell, SourceDocument, SourceRow } from '../../core/import/types';
import { ImportError, MAX_COLUMNS, MAX_ROWS } from './limits';
import { child, descendants, parseXml, type XmlNode } from './xml';
import { openZip } from './zip';

/** Style id -> style name ("Heading1" -> "heading 1"), from word/styles.xml. */
function styleNames(styles: XmlNode[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const root of styles) {
    for (const s of descendants(root, 'w:style')) {
      const id = s.attrs.get('w:styleId');
      const name = child(s, 'w:name')?.attrs.get('w:val');
      if (id !== undefined && name !== undefined) names.set(id, name.toLowerCase());
    }
  }
  return names;
}

/** A paragraph's text: its runs' `w:t`, tabs as spaces, line breaks as new lines. */
function paragraphText(p: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === 'w:t') out += c.children.map((t) => t.text ?? '').join('');
      else if (c.name === 'w:tab') out += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
      else if (c.name !== 'w:pPr' && c.name !== 'w:rPr' && c.name !== 'w:delText' && c.name !== 'w:instrText') walk(c);
    }
  };
  walk(p);
  // Control characters other than line breaks cannot be written to YAML; Word uses none of them in text.
  return out.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

function cleanLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l !== '');
}

interface Styles {
  names: Map<string, string>;
}

function paragraphBlock(p: XmlNode, styles: Styles): SourceBlock | undefined {
  const text = cleanLines(paragraphText(p)).join(' ');
  if (text === '') return undefined;
  const pPr = child(p, 'w:pPr');
  const styleId = pPr ? child(pPr, 'w:pStyle')?.attrs.get('w:val') : undefined;
  const style = styleId === undefined ? '' : (styles.names.get(styleId) ?? styleId.toLowerCase());
  if (style === 'title') return { kind: 'heading', text, level: 0 };
  const heading = /^heading\s*(\d)$/.exec(style);
  if (heading) return { kind: 'heading', text, level: Number(heading[1]) };
  const bullet = (pPr !== undefined && child(pPr, 'w:numPr') !== undefined) || /list/.test(style) || /^[•·▪‣◦-]\s/.test(text);
  return { kind: 'paragraph', text: text.replace(/^[•·▪‣◦]\s*/, ''), bullet };
}

interface CellInfo {
  lines: string[];
  fill?: string;
  span: number;
  vMerge?: 'restart' | 'continue';
}

function readCell(tc: XmlNode): CellInfo {
  const tcPr = child(tc, 'w:tcPr');
  const span = Math.max(1, Math.min(MAX_COLUMNS, Number(tcPr ? child(tcPr, 'w:gridSpan')?.attrs.get('w:val') : undefined) || 1));
  const vm = tcPr ? child(tcPr, 'w:vMerge') : undefined;
  const vMerge = vm === undefined ? undefined : vm.attrs.get('w:val') === 'restart' ? 'restart' : 'continue';
  const fillRaw = tcPr ? child(tcPr, 'w:shd')?.attrs.get('w:fill') : undefined;
  const fill = fillRaw !== undefined && /^[0-9a-f]{6}$/i.test(fillRaw) ? fillRaw.toUpperCase() : undefined;
  // Every paragraph of the cell (nested tables included) is a line.
  const lines = descendants(tc, 'w:p').flatMap((p) => cleanLines(paragraphText(p)));
  return { lines, fill, span, vMerge };
}

function readTable(tbl: XmlNode, label: string, rowBudget: { left: number }, fileName: string): SourceBlock {
  const rows: SourceRow[] = [];
  const grid: (SourceCell | undefined)[][] = [];
  const trs = tbl.children.filter((c) => c.name === 'w:tr');
  const gridCols = child(tbl, 'w:tblGrid')?.children.filter((c) => c.name === 'w:gridCol').length ?? 0;
  if (gridCols > MAX_COLUMNS) throw new ImportError(`${fileName}: ${label} has ${gridCols} columns; eqplan imports tables of up to ${MAX_COLUMNS} columns. Check that it is the plan's table.`);
  for (const tr of trs) {
    if (--rowBudget.left < 0) throw new ImportError(`${fileName} has more than ${MAX_ROWS} table rows, far more than a plan; eqplan stopped reading it. Check that it is the plan, or split it.`);
    const trPr = child(tr, 'w:trPr');
    const headerRow = trPr !== undefined && child(trPr, 'w:tblHeader') !== undefined && child(trPr, 'w:tblHeader')?.attrs.get('w:val') !== 'false' && child(trPr, 'w:tblHeader')?.attrs.get('w:val') !== '0';
    const before = Number(trPr ? child(trPr, 'w:gridBefore')?.attrs.get('w:val') : undefined) || 0;
    const cells: SourceCell[] = [];
    for (let i = 0; i < Math.min(before, MAX_COLUMNS); i++) cells.push({ lines: [] });
    const tcs = tr.children.filter((c) => c.name === 'w:tc' || c.name === 'w:sdt').flatMap((c) => (c.name === 'w:sdt' ? descendants(c, 'w:tc') : [c]));
    const above = grid[grid.length - 1] ?? [];
    let firstSpan = 0;
    for (const tc of tcs) {
      const info = readCell(tc);
      if (firstSpan === 0) firstSpan = info.span;
      const col = cells.length;
      if (col + info.span > MAX_COLUMNS) throw new ImportError(`${fileName}: ${label} has more than ${MAX_COLUMNS} columns; eqplan imports tables of up to ${MAX_COLUMNS} columns.`);
      const upper = above[col];
      if (info.vMerge === 'continue' && upper) {
        cells.push({ lines: [...upper.lines], fill: upper.fill ?? info.fill, merged: 'down' });
      } else {
        cells.push({ lines: info.lines, fill: info.fill });
      }
      for (let s = 1; s < info.span; s++) cells.push({ lines: [], merged: 'across' });
    }
    grid.push(cells);
    const width = Math.max(gridCols, cells.length);
    rows.push({ cells, headerRow: headerRow && rows.length > 0 ? true : undefined, fullWidth: tcs.length === 1 && width > 1 && firstSpan >= width ? true : undefined });
  }
  return { kind: 'table', label, rows };
}

/** Reads a .docx held in memory. Throws ImportError for anything it cannot read. */
export async function readDocx(buffer: Buffer, fileName: string): Promise<SourceDocument> {
  const zip = await openZip(buffer, fileName, 'Word document');
  const documentXml = await zip.text('word/document.xml');
  if (documentXml === undefined) throw new ImportError(`${fileName} is not a Word document: it has no document part. Open it in Word and save it as .docx again.`);
  const stylesXml = await zip.text('word/styles.xml');
  let body: XmlNode | undefined;
  let styles: Styles;
  try {
    const doc = parseXml(documentXml);
    body = doc.flatMap((n) => descendants(n, 'w:body'))[0];
    styles = { names: styleNames(stylesXml === undefined ? [] : parseXml(stylesXml)) };
  } catch {
    throw new ImportError(`${fileName} is damaged: its text is not well-formed XML. Open it in Word and save it again.`);
  }
  if (!body) throw new ImportError(`${fileName} has no document body. Open it in Word and save it again.`);
  const blocks: SourceBlock[] = [];
  const budget = { left: MAX_ROWS };
  let tableNo = 0;
  const walk = (nodes: readonly XmlNode[]): void => {
    for (const n of nodes) {
      if (n.name === 'w:p') {
        const b = paragraphBlock(n, styles);
        if (b) blocks.push(b);
      } else if (n.name === 'w:tbl') {
        tableNo++;
        blocks.push(readTable(n, `table ${tableNo}`, budget, fileName));
      } else if (n.name === 'w:sdt' || n.name === 'w:sdtContent' || n.name === 'w:customXml') {
        walk(n.children);
      }
    }
  };
  walk(body.children);
  return { fileName, format: 'docx', blocks };
}
