/**
 * `eqplan import`, the pure part: tables as a reader found them in, plan YAML
 * and an import report out. No files, no clock: the caller gives "today" for
 * the check of the result. Every value changed on the way in is listed in the
 * report and, where it lands in the plan, explained by a comment on its line.
 */
import { checkPlan } from '../check';
import { knownHeaderCount, mapColumns, normaliseHeader } from './columns';
import { formatImportReport } from './report';
import type { ColumnTarget, ImportFinding, ImportNote, ImportOptions, ImportOutcome, ImportReport, NormalisedValue, SourceCell, SourceDocument, SourceRow, TableReport } from './types';
import { OwnerRegistry, ragFromColour, ragFromText, readDeadline, splitNames, statusFromText } from './values';
import { entryLines, itemLines, type PlanEntry } from './yamlText';

export * from './types';
export { HEADER_SYNONYMS, normaliseHeader, fieldForHeader } from './columns';
export { formatImportReport } from './report';
export { ragFromColour, ragFromText, readDeadline } from './values';

/** At most this many rows above a table's header row are searched for it. */
const HEADER_SEARCH_ROWS = 10;
const LEAD_LINE = /^lead(?:\s+officers?)?(?:\s+for\s+(?:the|this)\s+(?:section|objective|priority|theme))?\s*[:\-–]\s*(.+)$/i;
const ASPIRATIONS_LINE = /^our\s+aspirations?\s*:?$/i;

interface Section {
  title: string;
  lead?: string;
  aspirations: string[];
}

interface Objective {
  id: string;
  title: string;
  lead?: string;
  aspirations: string[];
  actions: PlanEntry[][];
}

/** Text of a cell: its lines joined as lines. */
function cellText(cell: SourceCell | undefined): string {
  return cell ? cell.lines.join('\n').trim() : '';
}

/** An objective's id and title from a heading: "Priority 1: Design…" -> P1; "Equality objective 2 - …" -> EO2; "P3 Attract…" -> P3. */
function objectiveFromHeading(text: string): { id?: string; title: string } {
  const t = text.trim();
  let m = /^([A-Za-z][A-Za-z ]{0,40}?)\s+(\d{1,3}[a-z]?)\s*[:.\-–—)]\s*(.+)$/.exec(t);
  if (m) {
    const initials = m[1].split(/\s+/).map((w) => w[0].toUpperCase()).join('');
    return { id: `${initials}${m[2]}`, title: m[3].trim() };
  }
  m = /^([A-Z]{1,3}\d{1,3})\s*[:.\-–—]?\s+(.+)$/.exec(t);
  if (m) return { id: m[1], title: m[2].trim() };
  return { title: t };
}

/** "Leicester City Council Equality Action Plan 2019 – 2020" -> "Leicester City Council". */
function organisationFromTitle(title: string): string | undefined {
  const m = /^(.*?\b(?:Council|Authority|Trust|Board|Police|Service))\b/.exec(title);
  return m ? m[1].trim() : undefined;
}

class Importer {
  readonly objectives: Objective[] = [];
  readonly owners = new OwnerRegistry();
  readonly normalised: NormalisedValue[] = [];
  readonly skipped: ImportNote[] = [];
  readonly notes: ImportNote[] = [];
  readonly tables: TableReport[] = [];
  title?: string;
  private readonly objectiveIds = new Set<string>();
  private readonly byColumnValue = new Map<string, Objective>();

  constructor(private readonly doc: SourceDocument, private readonly options: ImportOptions) {}

  newObjective(section: Section): Objective {
    const parsed = objectiveFromHeading(section.title);
    let id = parsed.id ?? `O${this.objectives.length + 1}`;
    for (let n = 2; this.objectiveIds.has(id); n++) id = `${parsed.id ?? 'O'}${parsed.id ? `-${n}` : this.objectives.length + n}`;
    this.objectiveIds.add(id);
    const lead = section.lead === undefined ? undefined : this.ownerRef(section.lead);
    const objective: Objective = { id, title: parsed.title, lead, aspirations: section.aspirations, actions: [] };
    this.objectives.push(objective);
    return objective;
  }

  /** An owner's registry id, or the name as written for placeholders (`All`, `TBC`). */
  ownerRef(name: string): string {
    return this.owners.idFor(name) ?? name.trim();
  }

  run(): void {
    const mode = this.options.objectivesFrom ?? { kind: 'headings' };
    let pending: Section | undefined;
    let inAspirations = false;
    let current: Objective | undefined;
    for (const block of this.doc.blocks) {
      if (block.kind === 'heading') {
        inAspirations = false;
        if (this.title === undefined && (block.level === 0 || this.objectives.length === 0 && pending === undefined && this.tables.length === 0)) {
          this.title = block.text.trim();
          continue;
        }
        pending = { title: block.text.trim(), aspirations: [] };
      } else if (block.kind === 'paragraph') {
        const text = block.text.trim();
        if (text === '') continue;
        const lead = LEAD_LINE.exec(text);
        if (lead && pending) {
          pending.lead = lead[1].trim();
        } else if (ASPIRATIONS_LINE.test(text)) {
          inAspirations = true;
        } else if (inAspirations && block.bullet && pending) {
          pending.aspirations.push(text);
        } else {
          inAspirations = false;
          if (this.title === undefined && this.tables.length === 0 && pending === undefined) this.title = text;
        }
      } else {
        inAspirations = false;
        if (mode.kind === 'headings' && pending) {
          current = this.newObjective(pending);
          pending = undefined;
        }
        current = this.readTable(block.label, block.rows, mode.kind === 'column' ? mode.header : undefined, current);
      }
    }
  }

  /** Reads one table; returns the objective its last rows went to (a table split over pages continues it). */
  readTable(label: string, rows: readonly SourceRow[], objectiveColumn: string | undefined, current: Objective | undefined): Objective | undefined {
    const overrides = this.options.columns ?? new Map<string, ColumnTarget>();
    const texts = rows.map((r) => r.cells.map(cellText));
    let headerIndex = -1;
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      if (knownHeaderCount(texts[i], overrides) >= 2) {
        headerIndex = i;
        break;
      }
    }
    if (headerIndex < 0) {
      this.notes.push({ where: label, why: 'not imported: no header row eqplan recognises (it looks for headers such as "Action", "By when", "Lead officer"). Use --column "<header>=action" to say which column is which.' });
      this.skipped.push(...texts.filter((t) => t.some((c) => c !== '')).map((t, i) => ({ where: `${label}, row ${i + 1}`, why: `the table has no header row eqplan recognises (${excerpt(t)})` })));
      return current;
    }
    for (let i = 0; i < headerIndex; i++) {
      const line = texts[i].filter((c) => c !== '');
      if (line.length === 0) continue;
      if (this.title === undefined) {
        this.title = line[0];
        continue;
      }
      this.notes.push({ where: `${label}, row ${i + 1}`, why: `above the header row, not an action: ${excerpt(texts[i])}` });
    }
    const headers = texts[headerIndex].map((h) => h.replace(/\s+/g, ' ').trim());
    const targets = mapColumns(headers, overrides, objectiveColumn);
    const report: TableReport = { label, rows: 0, columns: headers.map((header, i) => ({ header, target: targets[i] })), objectives: [] };
    this.tables.push(report);
    if (!targets.includes('action')) {
      this.notes.push({ where: label, why: `not imported: none of its columns (${headers.map((h) => `"${h}"`).join(', ')}) reads as the action. Use --column "<header>=action".` });
      this.skipped.push({ where: label, why: 'the table has no action column' });
      return current;
    }
    if (objectiveColumn !== undefined && !targets.includes('objective')) {
      this.notes.push({ where: label, why: `has no column "${objectiveColumn}" to take objectives from, so its rows go to one objective` });
    }
    const headerKey = headers.map(normaliseHeader).join('|');
    let repeatedHeaders = 0;
    let emptyRows = 0;
    for (let r = headerIndex + 1; r < rows.length; r++) {
      const row = rows[r];
      const where = `${label}, row ${r + 1}`;
      const t = texts[r];
      if (row.headerRow || t.map(normaliseHeader).join('|') === headerKey) {
        repeatedHeaders++;
        continue;
      }
      if (t.every((c) => c === '') && !row.cells.some((c) => c.fill !== undefined && ragFromColour(c.fill) !== undefined)) {
        emptyRows++;
        continue;
      }
      if (t.length > 1 && (row.fullWidth || row.cells.slice(1).every((c) => c.merged === 'across'))) {
        // A row that is one cell merged across the whole table is a section heading inside the table.
        if (objectiveColumn === undefined) {
          const lines = t[0].split('\n');
          const section: Section = { title: lines[0], aspirations: [] };
          for (const l of lines.slice(1)) {
            const lead = LEAD_LINE.exec(l.trim());
            if (lead) section.lead = lead[1].trim();
          }
          current = this.newObjective(section);
          this.notes.push({ where, why: `a row across the whole table, read as the heading of objective ${current.id}` });
          continue;
        }
      }
      let objective = current;
      const objectiveText = valueOf(targets, row, 'objective');
      if (objectiveColumn !== undefined && objectiveText !== '') {
        objective = this.byColumnValue.get(objectiveText);
        if (!objective) {
          objective = this.newObjective({ title: objectiveText.replace(/\n/g, ' '), aspirations: [] });
          this.byColumnValue.set(objectiveText, objective);
        }
      }
      if (!objective) {
        objective = this.newObjective({ title: this.doc.format === 'xlsx' ? label.replace(/^sheet /, '') : 'Actions', aspirations: [] });
      }
      current = objectiveColumn === undefined ? objective : current;
      if (!report.objectives.includes(objective.id)) report.objectives.push(objective.id);
      const entries = this.readRow(row, targets, objective, where);
      if (entries) {
        objective.actions.push(entries);
        report.rows++;
      }
    }
    if (repeatedHeaders > 0) this.notes.push({ where: label, why: `the header row is repeated ${repeatedHeaders === 1 ? 'once' : `${repeatedHeaders} times`} (once per page); it was read once` });
    if (emptyRows > 0) this.notes.push({ where: label, why: `${emptyRows === 1 ? 'one empty row' : `${emptyRows} empty rows`} left out` });
    return current;
  }

  /** One action from one row, or undefined (and a note) when the row has nothing to import. */
  readRow(row: SourceRow, targets: readonly ColumnTarget[], objective: Objective, where: string): PlanEntry[] | undefined {
    const text = (field: ColumnTarget): string => valueOf(targets, row, field);
    const cell = (field: ColumnTarget): SourceCell | undefined => {
      const i = targets.indexOf(field);
      return i < 0 ? undefined : row.cells[i];
    };
    const refText = text('id').replace(/\s+/g, ' ').replace(/\.$/, '');
    const id = refText !== '' ? refText : `${objective.id}.${objective.actions.length + 1}`;
    const label = `Action ${id}`;
    const entries: PlanEntry[] = [{ key: 'id', value: id }];

    const dueCell = cell('due');
    const dueText = cellText(dueCell).replace(/\s+/g, ' ');
    const ownerText = cellText(cell('owner')).split('\n').join('; ');
    const ragCell = cell('rag');
    const ragText = cellText(ragCell).replace(/\s+/g, ' ');
    const ragColour = ragCell?.fill !== undefined ? ragFromColour(ragCell.fill) : undefined;
    const actionText = text('action');
    if (actionText === '') {
      if (dueText === '' && dueCell?.date === undefined && ownerText === '' && ragText === '' && ragColour === undefined) {
        const rest = row.cells.map(cellText).filter((c) => c !== '');
        this.skipped.push({ where, why: `no action text, date, owner or RAG${rest.length ? ` (the row says ${excerpt(rest)})` : ''}` });
        return undefined;
      }
      entries.push({ key: 'action', value: 'TBC', comment: 'the Action cell is empty in the table: say what will be done' });
      this.notes.push({ where, why: `${label} has no action text but has a date, owner or RAG, so it was imported with action "TBC"` });
    } else {
      entries.push({ key: 'action', value: actionText });
    }
    for (const field of ['outcome', 'evidence'] as const) {
      const v = text(field);
      if (v !== '') entries.push({ key: field, value: v });
    }
    if (ownerText !== '') entries.push({ key: 'owner', value: this.ownerRef(ownerText) });
    const support = splitNames(cellText(cell('support')).split('\n'));
    if (support.length > 0) entries.push({ key: 'support', value: support.map((s) => this.ownerRef(s)) });

    if (dueCell?.date !== undefined) {
      entries.push({ key: 'due', value: dueCell.date, comment: 'a date cell in the workbook' });
      this.normalised.push({ where: label, field: 'due', from: `date cell ${dueCell.date}`, to: dueCell.date, note: 'a real date in the workbook, written as YYYY-MM-DD' });
    } else if (dueText !== '') {
      const read = readDeadline(dueText);
      if (read.due === undefined) {
        entries.push({ key: 'x-due-as-written', value: dueText, comment: 'not a date eqplan can read: write the deadline in `due`' });
        this.normalised.push({ where: label, field: 'due', from: dueText, to: '(left empty)', note: 'not a date eqplan can read; kept as x-due-as-written' });
      } else if (read.canonical) {
        entries.push({ key: 'due', value: read.due });
      } else {
        entries.push({ key: 'due', value: read.due, comment: `"${dueText}" in the table${read.note ? `: ${read.note}` : ''}` });
        this.normalised.push({ where: label, field: 'due', from: dueText, to: read.due, note: read.note });
      }
    }

    let done = false;
    let doneWord = '';
    if (ragText !== '') {
      const reading = ragFromText(ragText);
      if (reading?.done) {
        done = true;
        doneWord = ragText;
      } else if (reading?.rag) {
        const changed = reading.rag !== ragText;
        entries.push({ key: 'rag', value: reading.rag, comment: changed ? `"${ragText}" in the table${reading.note ? `: ${reading.note}` : ''}` : undefined });
        if (changed) this.normalised.push({ where: label, field: 'rag', from: ragText, to: reading.rag, note: reading.note });
      } else {
        entries.push({ key: 'x-rag-as-written', value: ragText, comment: 'not a RAG rating eqplan can read' });
        this.normalised.push({ where: label, field: 'rag', from: ragText, to: '(left empty)', note: 'not a RAG rating; kept as x-rag-as-written' });
      }
    } else if (ragColour !== undefined && ragCell?.fill !== undefined) {
      const hex = `#${ragCell.fill.toUpperCase()}`;
      entries.push({ key: 'rag', value: ragColour, comment: `from the cell's colour ${hex}, the nearest of red, amber and green by hue (the cell has no text)` });
      this.normalised.push({ where: label, field: 'rag', from: `cell coloured ${hex}, no text`, to: ragColour, note: 'the nearest of red, amber and green to the colour, by hue' });
    }
    const statusText = text('status').replace(/\s+/g, ' ');
    const status = statusText === '' ? undefined : statusFromText(statusText);
    if (statusText !== '' && status === undefined) {
      entries.push({ key: 'x-status-as-written', value: statusText, comment: 'not a status eqplan can read' });
      this.normalised.push({ where: label, field: 'status', from: statusText, to: '(left empty)', note: 'not a status; kept as x-status-as-written' });
    }
    if (done || status !== undefined) {
      const word = done ? doneWord : statusText;
      entries.push({ key: 'status', value: done ? 'done' : (status ?? 'in-progress'), comment: `"${word}" in the ${done ? 'RAG' : 'status'} column` });
      this.normalised.push({ where: label, field: 'status', from: word, to: done ? 'done' : (status ?? 'in-progress') });
    }
    const measure = text('measure');
    if (measure !== '') entries.push({ key: 'measure', value: measure });
    targets.forEach((t, i) => {
      if (!t.startsWith('x-')) return;
      const v = cellText(row.cells[i]);
      if (v !== '') entries.push({ key: t, value: v });
    });
    return entries;
  }
}

function valueOf(targets: readonly ColumnTarget[], row: SourceRow, field: ColumnTarget): string {
  const i = targets.indexOf(field);
  return i < 0 ? '' : cellText(row.cells[i]);
}

/** A row's text, short, in quotes: for notes. */
function excerpt(cells: readonly string[]): string {
  const joined = cells.filter((c) => c !== '').join(' | ').replace(/\s+/g, ' ');
  return `"${joined.length > 80 ? `${joined.slice(0, 77)}...` : joined}"`;
}

/**
 * Turns the tables of a council's published plan into an eqplan plan.
 * Returns the plan text (with the import report as comments at its top) and
 * the report, or, when no row could be read as an action, the reason.
 */
export function importPlan(doc: SourceDocument, options: ImportOptions): ImportOutcome {
  const importer = new Importer(doc, options);
  importer.run();
  const actions = importer.objectives.reduce((n, o) => n + o.actions.length, 0);
  const report: ImportReport = {
    source: doc.fileName,
    tables: importer.tables,
    normalised: importer.normalised,
    skipped: importer.skipped,
    notes: importer.notes,
    objectives: importer.objectives.length,
    actions,
    owners: importer.owners.all().size,
  };
  if (!doc.blocks.some((b) => b.kind === 'table')) return { ok: false, reason: `${doc.fileName} has no table eqplan can read.`, report };
  if (actions === 0) {
    const why = importer.notes.find((n) => n.why.startsWith('not imported'))?.why;
    return { ok: false, reason: `no row of ${doc.fileName} could be read as an action${why ? `: ${why.replace(/^not imported: /, '')}` : '.'}`, report };
  }

  const fullTitle = options.title ?? importer.title ?? doc.fileName.replace(/\.[^.]+$/, '');
  const organisation = options.organisation ?? organisationFromTitle(fullTitle);
  // "Leicester City Council Equality Action Plan 2019 – 2020": the organisation has its own field.
  const rest = organisation !== undefined && options.title === undefined && fullTitle.startsWith(organisation) ? fullTitle.slice(organisation.length).replace(/^[\s:,–—-]+/, '') : '';
  const title = rest !== '' ? rest : fullTitle;
  const body: string[] = ['eqplan: 1'];
  body.push(...entryLines({ key: 'organisation', value: organisation ?? 'Organisation not named', comment: organisation ? undefined : 'the file does not say: write the council\'s name (or use --organisation)' }, ''));
  body.push(...entryLines({ key: 'title', value: title }, ''));
  const owners = importer.owners.all();
  if (owners.size > 0) {
    body.push('', '# Everyone the table names as a lead or support, under a short id.', 'owners:');
    for (const [id, name] of owners) body.push(`  ${id}:`, ...entryLines({ key: 'name', value: name }, '    '));
  }
  body.push('', 'objectives:');
  importer.objectives.forEach((o, i) => {
    if (i > 0) body.push('');
    const head: PlanEntry[] = [{ key: 'id', value: o.id }, { key: 'title', value: o.title }];
    if (o.lead !== undefined) head.push({ key: 'lead', value: o.lead });
    if (o.aspirations.length > 0) head.push({ key: 'aspirations', value: o.aspirations });
    body.push(...itemLines(head, '  '));
    if (o.actions.length === 0) {
      body.push('    actions: []');
      return;
    }
    body.push('    actions:');
    o.actions.forEach((a, j) => {
      if (j > 0) body.push('');
      body.push(...itemLines(a, '      '));
    });
  });
  const bodyText = `${body.join('\n')}\n`;

  // The report heads the file as comments; its findings give lines in the finished file, so the header is laid out
  // once to count its lines, then written with the findings moved down by that many.
  const checked = checkPlan(bodyText, { asOf: options.today });
  const findings = (offset: number): ImportFinding[] =>
    checked.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message.replace(/[\r\n]+/g, ' '), line: f.range.start.line + 1 + offset }));
  const headerFor = (offset: number): string[] => [...formatImportReport(report, findings(offset), options.today).map((l) => (l ? `# ${l}` : '#')), ''];
  const offset = headerFor(0).length;
  const final = findings(offset);
  const text = `${headerFor(offset).join('\n')}\n${bodyText}`;
  return { ok: true, text, report, findings: final };
}
