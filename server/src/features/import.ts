/**
 * `eqplan/import`: what the editor is told about an import. Pure, like every
 * feature: the lsp layer (lsp/customRequests.ts) turns the address into a
 * path and runs the node import pipeline (node/import, the same one as
 * `eqplan import`); this file picks the date and words the answer. The client
 * writes the file.
 */
import { formatImportReport } from '../core/import/report';
import type { ImportOutcome } from '../core/import/types';
import type { ImportParams, ImportResult } from '../protocol';

/** The answer when the file is not on this computer (not a `file:` address). */
export const IMPORT_NOT_A_LOCAL_FILE: ImportResult = {
  ok: false,
  message: 'eqplan can import a file on this computer (a file: address) only. Save the Word or Excel file to a folder and import it from there.',
};

/** The date the imported plan is checked against: the request's `asOf` when it is a `YYYY-MM-DD` date, else today. */
export function importDate(params: ImportParams | undefined, localToday: string): string {
  return typeof params?.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.asOf) ? params.asOf : localToday;
}

/** The sheet the request names, if any (for a workbook with more than one). */
export function importSheet(params: ImportParams | undefined): string | undefined {
  return typeof params?.sheet === 'string' ? params.sheet : undefined;
}

/** The answer to the client for one import's outcome: the plan text and the import report, or why it failed. */
export function importAnswer(outcome: ImportOutcome, today: string): ImportResult {
  if (!outcome.ok) return { ok: false, message: outcome.reason };
  return { ok: true, text: outcome.text, report: formatImportReport(outcome.report, outcome.findings, today), skipped: outcome.report.skipped.length, actions: outcome.report.actions };
}
