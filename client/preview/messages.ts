/**
 * Every message between the preview page (this folder, a browser bundle) and
 * the extension (client/src), and the state the page is drawn from. One file,
 * imported by both sides, so a change to a message breaks the build on both.
 * Types only (plus tiny guards): nothing here may import `vscode` or Node;
 * the wing's tsconfig (DOM lib, no Node types) checks that.
 */
import type { PlanSummary, SourceRef } from '../../server/src/core/summaryTypes';

export type { PlanSummary, SourceRef };

/** A finding as the report lists it (a flattened, JSON-safe `Finding`). */
export interface FindingRow {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** 0-based, like everything else in the summary. */
  line: number;
  character: number;
}

/** One change since the version the plan is compared with (a flattened `PlanChange` of `eqplan diff`). */
export interface ChangeRow {
  /** The kind of change, as `eqplan diff` names it (`deadline-slipped`, `action-removed`). */
  kind: string;
  severity: FindingRow['severity'];
  message: string;
  /** Where it shows in the plan as it is now; absent when nothing there shows it. */
  source?: SourceRef;
}

/** Actions by RAG across the whole plan, at one version. */
export interface RagOverTimePoint {
  /** YYYY-MM-DD: the commit's date, or today for the text not committed yet. */
  date: string;
  /** The commit; empty for the text not committed yet. */
  commit: string;
  red: number;
  amber: number;
  green: number;
  /** Open actions with no RAG. */
  none: number;
  /** Done or dropped. */
  closed: number;
}

/** What the plan's git history says, for the preview's "Changes since" section (`eqplan/changes`). */
export interface PlanChangesView {
  /** What the plan is compared with: "the last commit" or the upstream branch (`origin/main`), and the commit. */
  base?: { label: string; commit: string; date?: string };
  /** Most severe first. */
  changes: ChangeRow[];
  /** RAG counts at each version in git, oldest first, then the text now when it differs. */
  rag: RagOverTimePoint[];
  /** Why there is nothing to compare with (the plan is not in git, or not committed yet). */
  notice?: string;
}

/**
 * Everything the page needs to draw itself. The webview and the exported
 * report both embed it as escaped JSON in the `data-state` attribute of
 * `#eqplan-root`; the webview also keeps it with `setState` so it survives a
 * reload.
 */
export interface PreviewState {
  /** `webview`: live preview inside VS Code (clicks reveal source). `report`: a static HTML file. */
  mode: 'webview' | 'report';
  /** The plan's document URI (any scheme); the serializer reopens the preview for it. */
  documentUri?: string;
  /** The file name shown in the header, e.g. `leicester.eqplan.yaml`. */
  fileName?: string;
  /** The plan model from `eqplan/summary`; null when the file does not read as a plan yet. */
  summary: PlanSummary | null;
  /** Live preview only: what changed since the last commit (or the upstream branch), and RAG over time, from git. */
  changes?: PlanChangesView;
  /** Findings, listed in the report; the live preview leaves them to the Problems panel. */
  findings?: FindingRow[];
  /** When the report was made (YYYY-MM-DD), shown in its footer. */
  generated?: string;
  /** Why there is no summary (server not ready, not a plan), shown instead of the charts. */
  notice?: string;
  /** Live preview only: where the reader was (kept by the page, so a hidden and shown tab opens where it was left). */
  view?: PreviewViewState;
}

export interface PreviewViewState {
  scrollY: number;
  /** Ids of the `<details>` tables the reader opened. */
  openTables: string[];
}

/** Extension -> page. */
export type ToPreviewMessage =
  | { type: 'update'; state: PreviewState }
  /** Which action the editor's cursor is in, to highlight it (id, or undefined for none). */
  | { type: 'highlight'; actionId?: string };

/** Page -> extension. */
export type FromPreviewMessage =
  /** The page has loaded and wants the current summary. */
  | { type: 'ready' }
  /** The user clicked (or pressed Enter on) an item: show it in the editor. */
  | { type: 'reveal'; source: SourceRef; label: string };

/** The `viewType` of the preview panel (also the serializer's key). */
export const PREVIEW_VIEW_TYPE = 'eqplan.preview';

/** Guards a message from the page: the webview is untrusted input to the extension. */
export function isFromPreviewMessage(value: unknown): value is FromPreviewMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as { type?: unknown; source?: unknown; label?: unknown };
  if (m.type === 'ready') return true;
  if (m.type !== 'reveal' || typeof m.label !== 'string' || !m.source || typeof m.source !== 'object') return false;
  const s = m.source as Record<string, unknown>;
  return ['line', 'character', 'endLine', 'endCharacter'].every((k) => Number.isInteger(s[k]) && (s[k] as number) >= 0);
}
