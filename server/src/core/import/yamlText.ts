/**
 * Writes the imported plan as YAML text by hand, so that each changed value
 * can carry a comment on its own line ("Nov 22" in the table) and the layout
 * matches the samples. Scalars are quoted by the `yaml` library, which knows
 * when `1.1`, `2023` or `a: b` would not stay text.
 */
import { stringify } from 'yaml';

/** A value in the plan: text (several lines become a block), or a list of texts. */
export type PlanValue = string | readonly string[];

export interface PlanEntry {
  key: string;
  value: PlanValue;
  /** A comment at the end of the line: why the value is what it is. */
  comment?: string;
}

/** One YAML scalar on one line, quoted only when it must be. */
export function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

function oneLineComment(comment: string | undefined): string {
  return comment ? `  # ${comment.replace(/[\r\n]+/g, ' ')}` : '';
}

/** The lines of `key: value` at an indent; a list item's first key gets the `- ` marker. */
export function entryLines(entry: PlanEntry, indent: string): string[] {
  const tail = oneLineComment(entry.comment);
  const { key, value } = entry;
  if (typeof value !== 'string') {
    if (value.length === 0) return [`${indent}${key}: []${tail}`];
    return [`${indent}${key}:${tail}`, ...value.map((v) => `${indent}  - ${scalar(v)}`)];
  }
  const lines = value.split('\n');
  // Several lines as a literal block keeps the cell's paragraphs as lines. Lines that start with a space or hold a
  // tab at the start would need an indentation indicator, so those (rare) cells are one quoted scalar instead.
  if (lines.length > 1 && lines.every((l) => l === l.trim() && l !== '')) {
    return [`${indent}${key}: |-${tail}`, ...lines.map((l) => `${indent}  ${l}`)];
  }
  return [`${indent}${key}: ${scalar(value)}${tail}`];
}

/** A list item made of entries: `- first: …` then the others aligned under it. */
export function itemLines(entries: readonly PlanEntry[], indent: string): string[] {
  const out: string[] = [];
  entries.forEach((e, i) => {
    const lines = entryLines(e, `${indent}  `);
    if (i === 0) lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
    out.push(...lines);
  });
  return out;
}
