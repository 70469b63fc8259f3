/**
 * Writes the `eqplan import` test fixtures in tests/import/fixtures/ from the
 * text of the council documents in the seeds: two Word files (the Leicester
 * table shape and the improvement-plan shape), an Excel workbook and a CSV.
 * The .docx files are written as raw OOXML with jszip, so each feature the
 * importer must handle is there on purpose: w:vMerge, w:gridSpan, a cell with
 * only w:shd colour, multi-paragraph cells, a w:tblHeader row repeated in the
 * table, section headings with a lead officer line and "Our aspirations".
 *
 * Run: npx tsx scripts/makeImportFixtures.ts   (then UPDATE_GOLDEN=1 npx mocha tests/import/fixtures.test.ts)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

const OUT = path.join(__dirname, '..', 'tests', 'import', 'fixtures');
/** A fixed time inside the zips, so regenerated files are byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function para(text: string, style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

interface CellSpec {
  /** Paragraphs of the cell. */
  text?: string | string[];
  /** Shading colour (w:shd w:fill). */
  fill?: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}
type Cell = string | string[] | CellSpec;
interface RowSpec {
  cells: Cell[];
  header?: boolean;
}

function cellXml(cell: Cell): string {
  const spec: CellSpec = typeof cell === 'string' || Array.isArray(cell) ? { text: cell } : cell;
  const props = [
    spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : '',
    spec.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : spec.vMerge === 'continue' ? '<w:vMerge/>' : '',
    spec.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${spec.fill}"/>` : '',
  ].join('');
  const paragraphs = spec.text === undefined ? [''] : typeof spec.text === 'string' ? [spec.text] : spec.text;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs.map((p) => (p === '' ? '<w:p/>' : para(p))).join('')}</w:tc>`;
}

function table(columns: number, rows: RowSpec[]): string {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(columns)}</w:tblGrid>`;
  const trs = rows.map((r) => `<w:tr>${r.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${r.cells.map(cellXml).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${trs}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>`;

async function writeDocx(file: string, body: string): Promise<void> {
  const zip = new JSZip();
  const opts = { date: FIXED_DATE, createFolders: false };
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`, opts);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, opts);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, opts);
  zip.file('word/styles.xml', STYLES, opts);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`, opts);
  writeFileSync(path.join(OUT, file), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}

const LEICESTER_HEADER = ['Ref', 'Desired Outcome', 'Action', 'Lead Service Area', 'Supporting Services', 'How will we measure success?'];

/** Leicester City Council, Equality Action Plan 2019-2020 (seed 004): the Ref | Desired Outcome | Action | Lead | Support | Measure shape. */
async function leicester(): Promise<void> {
  const body = [
    para('Leicester City Council Equality Action Plan 2019 – 2020', 'Title'),
    para('Priorities', 'Heading1'),
    para('P1 Design, commission and deliver services that are accessible, inclusive and responsive to the needs of people and communities in Leicester'),
    para('P2 Raise awareness of equalities issues and tackle prejudices, both internally and externally'),
    para('Priority 1: Design, commission and deliver services that are accessible, inclusive and responsive to the needs of people and communities in Leicester', 'Heading1'),
    table(6, [
      { header: true, cells: LEICESTER_HEADER },
      { cells: ['1a', 'Staff working in roles involved with commissioning and procuring services have a good understanding of equalities and the equality impact assessment (EIA) process', 'Targeted delivery of EIA workshops to procurement', { text: 'Equalities team', vMerge: 'restart' }, 'Procurement, ASC commissioning', ['EIA workshops delivered to all staff who work in corporate procurement and ASC commissioning', 'Evaluation of workshops, EIA and report log, EIA and mitigating actions report.']] },
      { cells: ['1b', 'Staff working in regulatory services have a robust understanding of equalities and equality impact assessment (EIA)', ['Targeted delivery of EIA workshops to regulatory services.', 'Targeted delivery of workshops about employment responsibilities and how to use organisational support mechanisms.'], { vMerge: 'continue' }, 'Regulatory services', 'EIA workshops delivered to all staff who work in regulatory services. Evaluation of workshops.'] },
      // The header again, as a table that runs over a page break looks when it was pasted from a PDF.
      { header: true, cells: LEICESTER_HEADER },
      { cells: ['1d', 'The organisation has a clear and considered approach to digital inclusion.', ['1. Develop and implement a stakeholder communications and engagement plan. Communications plan for 19/20 to be developed by end July 2019.', '2. Use evidence from the City Listening project 2019/20 to identify any themes/ specific barriers to digital access and inclusion.'], ['Action 1 and 3 - Equalities team and Adult Skills and Learning.', 'Action 2 - Equalities team and neighbourhood services.'], 'Communications', 'Regular progress update against actions to Digital Transformation, relevant officers and lead member where appropriate.'] },
      { cells: ['1e', "The 'city listening' project has improved our understanding of the barriers to achievement faced by women in contemporary Leicester.", '', 'Neighbourhood Services', 'Equality Team', 'The project has been delivered and the evaluation and findings have been reported to the Government Equalities Office.'] },
    ]),
    para('Priority 2: Raise awareness of equalities issues and tackle prejudices, both internally and externally', 'Heading1'),
    table(6, [
      { header: true, cells: LEICESTER_HEADER },
      { cells: ['2a', 'We have continued to build upon our work to increase awareness of disabilities and, in particular, hidden disabilities', 'Pilot a lived experience panel event to provide an opportunity for staff to increase their awareness of hidden disabilities.', 'Equality team', 'Human resources, Employee groups', 'Lived experience panel and workshop on council support mechanisms has been delivered and evaluated for impact.'] },
      { cells: ['2c', "Celebrate International Women's day 2020, possibly linking with the City Listening Project.", 'To be informed by the project participants/ project findings', 'All', 'Human resources', ''] },
      { cells: ['', 'Consideration as to how this might then be expanded to include VCS organisations.', '', '', '', ''] },
    ]),
    para('Priority 4: Provide a working environment where employees are treated with fairness, dignity and respect', 'Heading1'),
    table(6, [
      { header: true, cells: LEICESTER_HEADER },
      { cells: ['4a', 'Progress recommendations following review of evidence around dignity at work policy.', 'Actions to be informed by the review of evidence currently underway.', 'Human Resources', 'Equality Team', 'Actions have been identified and progressed.'] },
      // The lead text runs across the lead and supporting columns (w:gridSpan), as in the published plan.
      { cells: ['4c', 'Implement improvements to the A2W and reasonable adjustment process.', ['Implement portal for IT equipment.', 'Update intranet pages to reflect how managers and employees can self-serve.'], { text: 'IT support and buyers for portal and Equality Team for intranet update once portal implemented', span: 2 }, 'Portal has been tested and implemented successfully. Intranet pages have been updated.'] },
    ]),
  ].join('');
  await writeDocx('leicester-2019-20.docx', body);
}

const IMPROVEMENT_HEADER = ['What can the Council already evidence?', 'What are the gaps/what needs to be done?', 'By when', 'Responsible officer', 'RAG'];

/** The improvement-plan shape (evidence, gap/action, by when, responsible officer, RAG) with objectives as section headings. */
async function improvement(): Promise<void> {
  const body = [
    para('Northfield District Council Equality Improvement Plan 2022-2025', 'Title'),
    para('Objective 1: Understanding and working with your communities', 'Heading1'),
    para('Lead officer for the section: Head of Housing and Communities'),
    para('Our aspirations'),
    para('We know who lives in the district and use that knowledge in every decision', 'ListBullet'),
    para('Residents who are seldom heard help shape our services', 'ListBullet'),
    table(5, [
      { header: true, cells: IMPROVEMENT_HEADER },
      { cells: ['District profile last refreshed in 2019, before the 2021 Census results', 'Refresh the district equality profile with 2021 Census data and publish it on the website', 'Dec 22', 'Performance and Insight Team', 'Complete'] },
      { cells: ['Consultation is run service by service; no shared list of community groups', ['Set up a community engagement network with voluntary and faith groups', 'Agree how we consult it'], '30.6.23', 'Community Engagement Officer', 'G'] },
      { cells: ['Equality impact assessments are completed but quality varies', 'Introduce a quality check of equality impact assessments before they go to Cabinet', 'Nov 22', 'Policy and Equalities Manager', { fill: 'FFC000' }] },
      { cells: ['Armed forces covenant signed in 2016; no local action since', 'Review our commitments under the Armed Forces Covenant', 'Under development', 'TBC', 'A/G'] },
    ]),
    para('Objective 2: Leadership, partnership and organisational commitment', 'Heading1'),
    para('Lead officer for the section: Chief Executive'),
    table(5, [
      { header: true, cells: IMPROVEMENT_HEADER },
      { cells: ['No member training on the Public Sector Equality Duty since the 2019 elections', 'Deliver equality duty training to all councillors', '2023/24', 'Democratic Services Manager', { text: 'Amber', fill: 'FFC000' }] },
      { cells: ['Equality clauses in contracts over the threshold only', "Add equality questions to all tenders over £25,000 and check suppliers' answers", 'Ongoing', 'Procurement Lead', 'Green'] },
      { cells: ['Staff survey results are reported to the steering group', '', 'Bi-annual', 'All', ''] },
      { cells: ['A joint equality forum with the county council was proposed in 2021', '', '', '', ''] },
      // A section heading written as one row merged across the table (w:gridSpan over every column).
      { cells: [{ text: ['Objective 3: Accessible and responsive services', 'Lead officer for the section: Head of Customer Services'], span: 5 }] },
      { cells: ['Equality monitoring of complaints started in 2022', 'Publish an annual equality monitoring report for complaints', 'Spring', 'Head of Customer Services', { fill: 'FF0000' }] },
    ]),
  ].join('');
  await writeDocx('northfield-improvement-plan.docx', body);
}

/** An Excel workbook from Luton's People Plan (seed 001): a title row merged across, a merged owner, fills and date cells. */
async function luton(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('People Plan');
  ws.addRow(['Luton Council People Plan: equality actions']);
  ws.mergeCells('A1:F1');
  ws.addRow(['Ref', 'Action', 'Lead officer', 'Target date', 'RAG status', 'Workstream']);
  const rows: [string, string, string, Date | string, string, string][] = [
    ['PP1', 'Guaranteed interview scheme for care leavers', 'Head of HR', new Date(Date.UTC(2024, 2, 31)), '', 'First steps into employment'],
    ['PP2', 'Help internal apprentices to achieve functional skills (Maths; English & ICT level 2)', '', new Date(Date.UTC(2023, 8, 30)), 'R', 'First steps into employment'],
    ['PP3', 'Evaluate success of Buying Additional Holiday Scheme', 'Reward Manager', 'Q2 2024/25', '', 'Irresistible benefits'],
    ['PP4', 'Launch and measure impact of Flexible Retirement and Green car/bike schemes\nReport to People Board', 'Reward Manager', 'TBC', 'Completed', 'Irresistible benefits'],
  ];
  for (const r of rows) ws.addRow(r);
  // PP1's lead is merged down over PP2, as plans do when one officer leads several rows.
  ws.mergeCells('C3:C4');
  const fill = (address: string, argb: string) => {
    ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  };
  fill('E3', 'FF00B050');
  fill('E5', 'FFFFBF00');
  fill('A2', 'FFD9D9D9');
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.getCell('D4').numFmt = 'dd/mm/yyyy';
  ws.getCell('B6').alignment = { wrapText: true };
  const buffer = await wb.xlsx.writeBuffer();
  // exceljs stamps the zip entries with the time of writing; rewrite them with a fixed date so the file is stable.
  const zip = await JSZip.loadAsync(buffer);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.file(name);
    if (entry) fixed.file(name, (await entry.async('string')).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, (m) => m.replace(/>[^<]*</, '>2024-01-01T00:00:00Z<')), { date: FIXED_DATE, createFolders: false });
  }
  writeFileSync(path.join(OUT, 'luton-people-plan.xlsx'), await fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}

/** A CSV as Excel saves it with "CSV UTF-8": a byte order mark, CRLF line ends, quoted cells with commas and line breaks. */
function csv(): void {
  const rows = [
    ['No.', 'Objective', 'Action', 'Owner', 'Deadline', 'Status', 'Notes'],
    ['1', 'Workforce reflects the town', 'Publish the ethnicity pay gap report', 'Head of HR', '31.3.24', 'Green', ''],
    ['2', 'Workforce reflects the town', 'Increase senior managers from ethnic minority backgrounds, M6 and above', 'Chief Executive', 'Mar 2025', 'A', 'Motion commitment 3'],
    ['3', 'Inclusive culture', 'Roll out reverse mentoring, with a second cohort\nand an evaluation', 'OD Manager, HR Business Partners', '2024-Q4', 'amber', ''],
    ['4', 'Inclusive culture', 'Run Race Equality Week events every February', 'Equalities Officer', 'Annually', '', 'Race Equality Week, 5-11 February'],
  ];
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""').replace(/\n/g, '\r\n')}"` : c);
  const text = `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
  writeFileSync(path.join(OUT, 'luton-commitments.csv'), text, 'utf8');
}

async function main(): Promise<void> {
  await leicester();
  await improvement();
  await luton();
  csv();
}

void main();
