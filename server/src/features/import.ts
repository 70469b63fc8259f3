/**
 * `eqplan/import`: reads a council's Word, Excel or CSV plan for the editor
 * and answers with the plan text and the import report; the client writes
 * the file. The same pipeline as `eqplan import` (node/import), loaded only
 * when a request comes, so the server's start-up does not load the readers.
 */
import { fileURLToPath } from 'node:url';
import { formatImportReport } from '../core/import/report';
import { loadImporter } from '../node/import/load';
import type { ImportParams, ImportResult } from '../protocol';

/** Answers one import request. Never throws for a file it cannot read: the message says why. */
export async function importForClient(params: ImportParams | undefined, localToday: string): Promise<ImportResult> {
  const uri = params?.uri;
  const file = typeof uri === 'string' ? filePath(uri) : undefined;
  if (file === undefined) return { ok: false, message: 'eqplan can import a file on this computer (a file: address) only. Save the Word or Excel file to a folder and import it from there.' };
  const today = typeof params?.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.asOf) ? params.asOf : localToday;
  const importer = await loadImporter();
  try {
    const outcome = await importer.importFile(file, { today, sheet: typeof params?.sheet === 'string' ? params.sheet : undefined });
    if (!outcome.ok) return { ok: false, message: outcome.reason };
    return { ok: true, text: outcome.text, report: formatImportReport(outcome.report, outcome.findings, today), skipped: outcome.report.skipped.length, actions: outcome.report.actions };
  } catch (e) {
    if (e instanceof importer.ImportError) return { ok: false, message: e.message };
    throw e;
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
