/**
 * The custom messages between the eqplan language server and its clients
 * (the VS Code extension, and any editor that wants the plan summary).
 * Shared by `server/src/server.ts` and `client/src/`; nothing Node- or
 * VS Code-specific may be imported here.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { ChangeRow, FindingRow, PlanChangesView, RagOverTimePoint } from '../../client/preview/messages';
import type { PlanSummary } from './core/summaryTypes';

export type { ChangeRow, FindingRow, PlanChangesView, PlanSummary, RagOverTimePoint };

/**
 * Which files are plans: the one answer (core/planFiles.ts), re-exported so
 * the extension decides exactly as the server and the CLI do without
 * reaching into the server's folders. Pure: no Node, no YAML parser.
 */
export { isPlanDocument, isPlanFileName, PLAN_MARKER_HEAD_CHARS } from './core/planFiles';

/** Parameters of `eqplan/summary`: the document to summarise. */
export interface SummaryParams {
  /** The document's URI, exactly as the client opened it (any scheme). */
  uri: string;
}

/** The result of `eqplan/summary`: null when the document is not open or is not a plan that reads as YAML. */
export type SummaryResult = PlanSummary | null;

/** Parameters of `eqplan/report`: the document to report on. */
export interface ReportParams {
  /** The document's URI, exactly as the client opened it (any scheme). */
  uri: string;
}

/**
 * The result of `eqplan/report`: what the HTML report shows, from the
 * server's latest check (the same findings as its diagnostics). `summary` is
 * null when the document does not read as a plan; then `findings` say why.
 * The whole result is null when the document is not open or is not a plan.
 * The client draws the page with the preview wing's template
 * (`client/preview/page.ts`, `reportHtml`).
 */
export type ReportResult = { summary: PlanSummary | null; findings: FindingRow[] } | null;

/** Method names, for handlers that take a method string. */
export const Methods = {
  /** Request: the plan summary (the model the preview and the report draw) of an open document. */
  summary: 'eqplan/summary',
  /** Request: the summary and findings an HTML report of an open document shows. */
  report: 'eqplan/report',
  /** Request: what changed in an open plan since the last commit (or its upstream branch), and its RAG counts over its git history. */
  changes: 'eqplan/changes',
  /** Request: a plan read from a Word, Excel or CSV file (the server reads it; the client writes the plan). */
  import: 'eqplan/import',
} as const;

/**
 * `eqplan/summary` request. The server answers from its latest check of the
 * document's current text (the same one its diagnostics come from).
 *
 * Server: `connection.onRequest(SummaryRequest.method, (p: SummaryParams): SummaryResult => ...)`.
 * Client: `client.sendRequest(SummaryRequest.type, { uri })`.
 *
 * The server registers by `method` (not `type`): vscode-languageserver 10
 * ships its own nested copy of vscode-jsonrpc, whose `RequestType` class is
 * nominally different from the top-level one that vscode-languageclient uses,
 * so TypeScript rejects one package's `type` in the other's `onRequest`.
 */
export namespace SummaryRequest {
  export const method = Methods.summary;
  export const type = new RequestType<SummaryParams, SummaryResult, void>(method);
}

/** `eqplan/report` request: answered like `eqplan/summary`, from the server's latest check of the document. */
export namespace ReportRequest {
  export const method = Methods.report;
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

/** Parameters of `eqplan/changes`: the document whose changes to list. */
export interface ChangesParams {
  /** The document's URI, exactly as the client opened it. */
  uri: string;
}

/**
 * The result of `eqplan/changes`: the changes between the plan's base version
 * in git and the document's current text, and RAG over its history. A plan
 * outside git gets an empty list and a `notice`; null when the document is
 * not open or not a plan.
 */
export type ChangesResult = PlanChangesView | null;

/** `eqplan/changes` request (register by `method` on the server; see `SummaryRequest`). */
export namespace ChangesRequest {
  export const method = Methods.changes;
  export const type = new RequestType<ChangesParams, ChangesResult, void>(method);
}

/** Parameters of `eqplan/import`. */
export interface ImportParams {
  /** The `file:` URI of the .docx, .xlsx, .csv or .tsv to read. */
  uri: string;
  /** "Today" for the check of the result, YYYY-MM-DD (default: the server's local date). */
  asOf?: string;
  /** The Excel sheet to read (default: every visible sheet). */
  sheet?: string;
}

/**
 * The result of `eqplan/import`. The server never writes the plan: the client
 * decides where (beside the input) and writes it, so the same rules for
 * trusted workspaces and existing files apply as for any file it creates.
 */
export type ImportResult =
  | {
      ok: true;
      /** The plan, with the import report as comments at its top. */
      text: string;
      /** The import report as lines of plain text (what was read, changed, skipped, and found by the check). */
      report: string[];
      /** Rows that could not be imported (listed in the report). */
      skipped: number;
      actions: number;
    }
  | { ok: false; message: string };

/** `eqplan/import` request (register by `method` on the server; see `SummaryRequest`). */
export namespace ImportRequest {
  export const method = Methods.import;
  export const type = new RequestType<ImportParams, ImportResult, void>(method);
}

/** The command the server's code lenses use to open the preview (handled by the extension). */
export const OPEN_PREVIEW_COMMAND = 'eqplan.openPreview';

/** The code action kind of "Fix all" (safe fixes only). */
export const FIX_ALL_KIND = 'source.fixAll.eqplan';

/**
 * The `eqplan` settings the extension and the server both read: one default
 * and one range per setting, from the engine's options table (pure: no
 * rules, no Node), so the two sides cannot disagree.
 */
export { OPTIONS, readOption, type OptionRead } from './core/options';
