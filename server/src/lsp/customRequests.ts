/**
 * eqplan's own requests (declared in `server/src/protocol.ts`, shared with
 * the clients). To add one: declare its method, params and result in
 * `protocol.ts`, check its params in `params.ts`, and register it here with
 * `session.guard`, reading the document through `documents`.
 */
import type { Connection } from 'vscode-languageserver';
import { planReport } from '../features/report';
import { planSummary } from '../features/summary';
import { ReportRequest, SummaryRequest, type ReportParams, type ReportResult, type SummaryParams, type SummaryResult } from '../protocol';
import type { OpenDocuments } from './documents';
import { requireRequestUri } from './params';
import type { Session } from './session';

export function registerCustomRequests(connection: Connection, session: Session, documents: OpenDocuments): void {
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
}
