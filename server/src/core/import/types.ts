/**
 * What the import readers hand to the pure importer, and what it hands back.
 * Readers (server/src/node/import) turn a .docx, .xlsx or .csv into these
 * blocks; `importPlan` turns the blocks into plan YAML and a report. Nothing
 * here knows about files, zips or XML.
 */

/** One cell as the reader found it, merges already spread. */
export interface SourceCell {
  /** The cell's paragraphs (Word) or lines, trimmed; empty when the cell is empty. */
  lines: string[];
  /** The cell's shading or fill colour as six hex digits (`FFC000`), when it has one. */
  fill?: string;
  /** A real date cell (Excel): the day it holds, `YYYY-MM-DD`. */
  date?: string;
  /** The value came from a merged cell above (`down`) or to the left (`across`). */
  merged?: 'down' | 'across';
}

export interface SourceRow {
  cells: SourceCell[];
  /** Word marks this row as a header row repeated on each page (`w:tblHeader`). */
  headerRow?: boolean;
  /** How many grid columns the row's first cell spans when it is the only cell (a full-width row). */
  fullWidth?: boolean;
}

export type SourceBlock =
  /** A heading paragraph (Word heading or title style). Level 0 is the document title. */
  | { kind: 'heading'; text: string; level: number }
  /** Any other paragraph; `bullet` when it is a list item. */
  | { kind: 'paragraph'; text: string; bullet: boolean }
  /** A table (Word) or sheet (Excel) or the whole CSV; `label` says where it is ("table 2", "sheet Plan"). */
  | { kind: 'table'; label: string; rows: SourceRow[] };

/** What a reader read from one file. */
export interface SourceDocument {
  /** The file's name (no folder), for messages and the report. */
  fileName: string;
  format: 'docx' | 'xlsx' | 'csv' | 'tsv';
  blocks: SourceBlock[];
}

/** The fields a column can be mapped to; anything else becomes an `x-` field. */
export const ACTION_FIELDS = ['id', 'action', 'outcome', 'evidence', 'owner', 'support', 'due', 'rag', 'status', 'measure'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
/** A column's destination: a plan field, an `x-` field, `objective` (objectives from this column) or `skip`. */
export type ColumnTarget = ActionField | 'objective' | 'skip' | `x-${string}`;

export interface ImportOptions {
  /** "Today" for the check of the result, `YYYY-MM-DD` (the caller's clock, or `--as-of`). */
  today: string;
  /** Where objectives come from: section headings (default) or a column, named by its header text. */
  objectivesFrom?: { kind: 'headings' } | { kind: 'column'; header: string };
  /** Columns the user mapped by hand: header text as written -> target. */
  columns?: ReadonlyMap<string, ColumnTarget>;
  /** Only this sheet (Excel), by name; the reader applies it. */
  sheet?: string;
  organisation?: string;
  title?: string;
}

/** One value the importer changed on the way in. */
export interface NormalisedValue {
  /** "Action 1a", "Objective P1". */
  where: string;
  field: string;
  /** What the table said. */
  from: string;
  /** What the plan says now (`(left empty)` when nothing could be read). */
  to: string;
  /** Why, when it is not obvious: "nearest of red, amber and green to the cell's colour". */
  note?: string;
}

/** A row or column that did not become part of the plan, or came in with a note. */
export interface ImportNote {
  /** "table 2, row 5", "sheet Plan, column F". */
  where: string;
  why: string;
}

export interface TableReport {
  label: string;
  /** Data rows read (header rows and empty rows not counted). */
  rows: number;
  /** Each column's header as written and where it went. */
  columns: { header: string; target: ColumnTarget }[];
  /** The objective(s) its rows went to. */
  objectives: string[];
}

/** Everything the officer needs to know about an import. */
export interface ImportReport {
  source: string;
  tables: TableReport[];
  normalised: NormalisedValue[];
  /** Rows not imported, and why. They make the exit code 1. */
  skipped: ImportNote[];
  /** Rows imported with a note, tables ignored, header rows read once. */
  notes: ImportNote[];
  objectives: number;
  actions: number;
  owners: number;
}

/** One finding of the check of the imported plan, as the report lists it. */
export interface ImportFinding {
  rule: string;
  severity: string;
  message: string;
  /** 1-based line in the written file. */
  line: number;
}

export type ImportOutcome =
  | { ok: true; text: string; report: ImportReport; findings: ImportFinding[] }
  | { ok: false; reason: string; report: ImportReport };
