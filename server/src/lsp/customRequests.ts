/**
 * eqplan's own requests (declared in `server/src/protocol.ts`, shared with
 * the clients). To add one: declare its method, params and result in
 * `protocol.ts`, check its params in `params.ts`, and register it here with
 * `session.guard`, reading the document through `documents`.
 */
import type { Connection } from 'vscode-languageserver';
import { planChanges } from '../features/changes';
import { importForClient } from '../features/import';
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
