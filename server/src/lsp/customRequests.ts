/**
 * eqplan's own requests (declared in `server/src/protocol.ts`, shared with
 * the clients). To add one: declare its method, params and result in
 * `protocol.ts`, check its params in `params.ts`, and register it here with
 * `session.guard`, reading the document through `documents`.
 */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { planChanges } from '../features/changes';
import { IMPORT_NOT_A_LOCAL_FILE, importAnswer, importDate, importSheet } from '../features/import';
import { loadImporter } from '../node/import/load';
import { planReport } from '../features/report';
import { planSummary } from '../features/summary';
import { ChangesRequest, ImportRequest, ReportRequest, SummaryRequest, type ChangesParams, type ChangesResult, type ImportParams, type ImportResult, type ReportParams, type ReportResult, type SummaryParams, type SummaryResult } from '../protocol';
import type { OpenDocuments } from './documents';
import type { PlanHistories } from './history';
import { requireRequestUri } from './params';
import type { Session } from './session';

export function registerCustomRequests(connection: Connection, session: Session, documents: OpenDocuments, localToday: () => string, histories: PlanHistories): void {
  // `eqplan/summary`: the plan summary the preview draws, from the check of the text once typing pauses.
  connection.onRequest(
    SummaryRequest.method,
    session.guard('summary', null, async (params: SummaryParams, token): Promise<SummaryResult> => {
      const ctx = await documents.settledSnapshotFor(requireRequestUri(params, 'eqplan/summary'), token);
      return ctx ? planSummary(ctx) : null;
    }),
  );

  // `eqplan/report`: what Export Report shows, from the same check as the diagnostics.
  connection.onRequest(
    ReportRequest.method,
    session.guard('report', null, async (params: ReportParams, token): Promise<ReportResult> => {
      const ctx = await documents.settledSnapshotFor(requireRequestUri(params, 'eqplan/report'), token);
      return ctx ? planReport(ctx) : null;
    }),
  );

  // `eqplan/changes`: the preview's "Changes since" section, from git (waits for a history read in flight, never for one not needed).
  connection.onRequest(
    ChangesRequest.method,
    session.guard('changes', null, async (params: ChangesParams, token): Promise<ChangesResult> => {
      const uri = requireRequestUri(params, 'eqplan/changes');
      const past = await histories.settled(uri);
      const ctx = await documents.settledSnapshotFor(uri, token);
      return ctx ? planChanges(ctx, past) : null;
    }),
  );

  // `eqplan/import`: a Word, Excel or CSV plan read into plan text and an import report; the client writes the file.
  connection.onRequest(
    ImportRequest.method,
    session.guard('import', { ok: false, message: 'The file could not be imported: see the eqplan output for details.' }, (params: ImportParams): Promise<ImportResult> => importForClient(params, localToday())),
  );
}

/**
 * Answers one import request: the file I/O (the node import pipeline, loaded
 * only when a request comes so start-up does not load the readers) is here in
 * the lsp layer; features/import.ts words the answer. Never throws for a file
 * it cannot read: the message says why.
 */
async function importForClient(params: ImportParams | undefined, localToday: string): Promise<ImportResult> {
  const uri = params?.uri;
  const file = typeof uri === 'string' ? localFilePath(uri) : undefined;
  if (file === undefined) return IMPORT_NOT_A_LOCAL_FILE;
  const today = importDate(params, localToday);
  const importer = await loadImporter();
  try {
    return importAnswer(await importer.importFile(file, { today, sheet: importSheet(params) }), today);
  } catch (e) {
    if (e instanceof importer.ImportError) return { ok: false, message: e.message };
    throw e;
  }
}

/** The path of a `file:` address; undefined for any other address. */
function localFilePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
