/**
 * `eqplan/report`: what an HTML report of the plan shows, from the same check
 * as the document's diagnostics, so Export Report lists exactly the problems
 * the editor shows. The extension draws the page with the preview wing's
 * template (client/preview/page.ts).
 */
import { findingRows } from '../../../client/preview/page';
import type { ReportResult } from '../protocol';
import type { PlanContext } from './context';

/** The report data of one document version: its summary (null when it does not read as a plan) and every finding. */
export function planReport(snapshot: Pick<PlanContext, 'result'>): NonNullable<ReportResult> {
  return { summary: snapshot.result.summary ?? null, findings: findingRows(snapshot.result.findings) };
}
