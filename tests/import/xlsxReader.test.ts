/**
 * The .xlsx reader (server/src/node/import/xlsx.ts) on workbooks written by
 * another program (exceljs, built here in memory): every kind of cell value,
 * date formats, fills, merged ranges, hidden sheets and 1904 dates.
 */
import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../server/src/node/import/xlsx';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import: the .xlsx reader', () => {
  it('reads text, numbers, booleans, dates, date-times, formulas by their result, rich text and errors', async () => {
    const buffer = await workbook((wb) => {
      const ws = wb.addWorksheet('Plan');
      ws.addRow(['Text', 42, 0.25, true, new Date(Date.UTC(2024, 2, 31)), new Date(Date.UTC(2024, 2, 31, 18, 30))]);
      ws.getCell('G1').value = { formula: 'B1*2', result: 84 };
      ws.getCell('H1').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] };
      ws.getCell('I1').value = { error: '#N/A' };
      ws.getCell('J1').value = 45000;
      ws.getCell('J1').numFmt = 'd mmmm yyyy';
      ws.getCell('K1').value = 45000;
      ws.getCell('K1').numFmt = '"Due "0';
      ws.getCell('L1').value = 'Line one\nLine two';
    });
    const doc = await readXlsx(buffer, 'values.xlsx');
    assert.equal(doc.blocks.length, 1);
    const block = doc.blocks[0];
    assert.ok(block.kind === 'table');
    const cells = block.rows[0].cells;
    assert.deepEqual(
      cells.map((c) => [c.lines, c.date]),
      [
        [['Text'], undefined],
        [['42'], undefined],
        [['0.25'], undefined],
        [['true'], undefined],
        [['2024-03-31'], '2024-03-31'],
        [['2024-03-31'], '2024-03-31'],
        [['84'], undefined],
        [['Rich text'], undefined],
        [[], undefined],
        // 45000 days after 30 Dec 1899, shown with a date format; the same number in quotes-only format is a number.
        [['2023-03-15'], '2023-03-15'],
        [['45000'], undefined],
        [['Line one', 'Line two'], undefined],
      ],
    );
  });

  it('keeps solid fill colours (not theme colours), marks merged ranges, and skips hidden sheets', async () => {
    const buffer = await workbook((wb) => {
      wb.addWorksheet('Notes', { state: 'hidden' }).addRow(['hidden']);
      const ws = wb.addWorksheet('Actions');
      ws.addRow(['Title across the table']);
      ws.mergeCells('A1:C1');
      ws.addRow(['1', 'Lead', 'Red']);
      ws.addRow(['2', '', 'Amber']);
      ws.mergeCells('B2:B3');
      ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5 } };
    });
    const doc = await readXlsx(buffer, 'merged.xlsx');
    assert.deepEqual(
      doc.blocks.map((b) => (b.kind === 'table' ? b.label : b.kind)),
      ['sheet Actions'],
    );
    const block = doc.blocks[0];
    assert.ok(block.kind === 'table');
    const [title, first, second] = block.rows;
    assert.equal(title.fullWidth, true);
    assert.deepEqual(
      title.cells.map((c) => [c.lines, c.merged]),
      [
        [['Title across the table'], undefined],
        [[], 'across'],
        [[], 'across'],
      ],
    );
    assert.equal(first.cells[2].fill, 'FF0000');
    assert.deepEqual([second.cells[1].lines, second.cells[1].merged], [['Lead'], 'down']);
    assert.equal(second.cells[2].fill, undefined);
    await assert.rejects(readXlsx(buffer, 'merged.xlsx', 'Notes'), /has no sheet named "Notes"\. Its sheets are: "Actions"\./);
    assert.equal((await readXlsx(buffer, 'merged.xlsx', 'actions')).blocks.length, 1);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const buffer = await workbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Plan');
      ws.addRow([new Date(Date.UTC(2025, 0, 15))]);
    });
    const block = (await readXlsx(buffer, '1904.xlsx')).blocks[0];
    assert.ok(block.kind === 'table');
    assert.equal(block.rows[0].cells[0].date, '2025-01-15');
  });

  it('says a damaged workbook cannot be read', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets>');
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    await assert.rejects(readXlsx(buffer, 'broken.xlsx'), /broken\.xlsx could not be read as an Excel workbook/);
  });
});
