/**
 * Writes the table of change kinds in `docs/diff.md` (between
 * `<!-- changes:start -->` and `<!-- changes:end -->`) from the engine's
 * catalogue, `server/src/core/diff/kinds.ts`. Run `npm run docs:changes`;
 * tests/docs.test.ts fails when the table is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_KINDS } from '../server/src/core';

export const DIFF_DOC = join(__dirname, '..', 'docs', 'diff.md');
const START = '<!-- changes:start -->';
const END = '<!-- changes:end -->';

/** The table of every kind of change. */
export function changesTable(): string {
  const lines = ['| kind | default severity | what it means |', '|---|---|---|'];
  for (const k of CHANGE_KINDS) lines.push(`| \`${k.id}\` | ${k.defaultSeverity} | **${k.title}.** ${k.description.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}

/** `doc` with the text between its markers replaced by `changesTable()`. */
export function withChangesTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/diff.md needs ${START} and ${END} markers`);
  return `${doc.slice(0, start + START.length)}\n${changesTable()}\n${doc.slice(end)}`;
}

if (require.main === module) {
  writeFileSync(DIFF_DOC, withChangesTable(readFileSync(DIFF_DOC, 'utf8')));
  console.log('docs/diff.md: the table of change kinds written');
}
