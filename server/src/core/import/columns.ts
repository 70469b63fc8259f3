/**
 * Which plan field a column holds, read from its header text the way councils
 * write it. Matching ignores case, punctuation and spacing, so "How will we
 * measure success?" and "how will we measure success" are the same header.
 */
import type { ActionField, ColumnTarget } from './types';

/** Header words (normalised) for each field. One list, used by every reader and by the docs. */
export const HEADER_SYNONYMS: ReadonlyMap<ActionField, readonly string[]> = new Map<ActionField, readonly string[]>([
  ['id', ['ref', 'reference', 'ref no', 'no', 'number', '#', 'action no', 'action ref', 'id']],
  ['action', ['action', 'actions', 'what are the gaps what needs to be done', 'what needs to be done', 'gaps', 'gap action', 'what we will do', 'commitment', 'activity', 'key actions']],
  ['evidence', ['evidence', 'what can the council already evidence', 'current position', 'what we already do', 'baseline']],
  ['outcome', ['desired outcome', 'outcome', 'outcomes', 'objective', 'expected outcome', 'desired outcomes']],
  ['owner', ['responsible officer', 'lead', 'lead officer', 'lead service area', 'lead service', 'owner', 'by whom', 'responsible', 'responsibility', 'who']],
  ['support', ['supporting services', 'support', 'supporting', 'partners', 'supported by']],
  ['due', ['by when', 'timescale', 'timescales', 'deadline', 'target date', 'date', 'due', 'due date', 'when', 'completion date']],
  ['rag', ['rag', 'rag status', 'rag rating', 'status']],
  ['status', ['progress status', 'completion status']],
  ['measure', ['how will we measure success', 'measure', 'measures', 'success measure', 'success measures', 'outcome measure', 'measure of success', 'success criteria', 'kpi']],
]);

/** Header text as compared: lower case, punctuation and runs of space as one space. `#` is kept (it is a header on its own). */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

const BY_WORDS: ReadonlyMap<string, ActionField> = new Map(
  [...HEADER_SYNONYMS].flatMap(([field, words]) => words.map((w): [string, ActionField] => [w, field])),
);

/** The field a header names, if it is one eqplan knows. */
export function fieldForHeader(header: string): ActionField | undefined {
  return BY_WORDS.get(normaliseHeader(header));
}

/** `x-` plus the header as a short lower-case name: "Equality groups" -> `x-equality-groups`. */
export function extensionField(header: string, column: number): `x-${string}` {
  const slug = slugify(header, 40);
  return `x-${slug || `column-${column + 1}`}`;
}

/** Lower case words joined by `-`, cut at a word boundary to at most `max` characters. */
export function slugify(text: string, max: number): string {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || (words[0] ?? '').slice(0, max);
}

/**
 * Maps each header of a table to its target. The user's `--column` mappings
 * win; then the synonyms; a second column with the same field (two "Date"
 * columns) and unknown headers become `x-` fields, so nothing is lost.
 * "Status" is the RAG column unless the table also has a RAG column.
 */
export function mapColumns(headers: readonly string[], overrides: ReadonlyMap<string, ColumnTarget>, objectiveColumn: string | undefined): ColumnTarget[] {
  const byNormalised = new Map<string, ColumnTarget>();
  for (const [header, target] of overrides) byNormalised.set(normaliseHeader(header), target);
  const objective = objectiveColumn === undefined ? undefined : normaliseHeader(objectiveColumn);
  const hasRagColumn = headers.some((h) => ['rag', 'rag status', 'rag rating'].includes(normaliseHeader(h)));
  const taken = new Set<ColumnTarget>();
  return headers.map((header, i) => {
    const n = normaliseHeader(header);
    const chosen = byNormalised.get(n);
    if (chosen !== undefined) return chosen;
    if (objective !== undefined && n === objective) return 'objective';
    let field = fieldForHeader(header);
    if (field === 'rag' && n === 'status' && hasRagColumn) field = 'status';
    if (field === undefined || taken.has(field)) return extensionField(header, i);
    taken.add(field);
    return field;
  });
}

/** How many headers of a row name a known field: a header row names at least two. */
export function knownHeaderCount(cells: readonly string[], overrides: ReadonlyMap<string, ColumnTarget>): number {
  const mapped = new Set([...overrides.keys()].map(normaliseHeader));
  return cells.filter((c) => c.trim() !== '' && (fieldForHeader(c) !== undefined || mapped.has(normaliseHeader(c)))).length;
}
