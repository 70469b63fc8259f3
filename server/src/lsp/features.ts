/**
 * One handler per LSP feature request: check the params, find the
 * document's snapshot, call the feature (`features/*.ts`) and answer. Every
 * handler is guarded (`Session.guard`). Requests that read the whole parse or
 * the check wait for typing to pause (`settledSnapshotFor`); completion and
 * hovers answer at once, from an incremental parse.
 */
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Connection,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import { buildModel } from '../core';
import { completionForClient, hoverForClient } from '../features/clientFormats';
import { codeActions } from '../features/codeActions';
import { codeLenses } from '../features/codeLens';
import { completion } from '../features/completion';
import { planSnapshot } from '../features/context';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { inlayHints } from '../features/inlayHints';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { documentSymbols, rankWorkspaceSymbols, workspaceSymbols } from '../features/symbols';
import type { Configuration } from './configuration';
import type { OpenDocuments } from './documents';
import { requireCodeActionContext, requireNewName, requirePosition, requireQuery, requireRange, requireReferenceContext, requireUri, throwIfCancelled } from './params';
import type { Session } from './session';
import type { WorkspacePlans } from './workspace';
import { pathToUri, uriToPath } from './workspaceFiles';

/** Workspace symbols stop at this many (editors show the best few). */
const MAX_WORKSPACE_SYMBOLS = 1000;
/**
 * Workspace symbols stop collecting after this long, with what they found: a
 * client that opens 10,000 plans at once would otherwise wait while every one
 * of them is parsed. Editors ask again as the query is typed, by which time
 * more plans are parsed (and parses are kept per version).
 */
const WORKSPACE_SYMBOLS_BUDGET_MS = 1000;

export function registerFeatures(connection: Connection, session: Session, documents: OpenDocuments, configuration: Configuration, workspace: WorkspacePlans): void {
  connection.onRequest(
    CompletionRequest.type,
    session.guard('completion', null, async (params, token) => {
      const uri = requireUri(params);
      const position = requirePosition(params);
      const ctx = await documents.typingSnapshotFor(uri, token);
      return ctx ? completionForClient(completion(ctx, position), session.client) : null;
    }),
  );

  connection.onRequest(
    HoverRequest.type,
    session.guard('hover', null, async (params, token) => {
      const uri = requireUri(params);
      const position = requirePosition(params);
      const plan = await documents.planFor(uri, token);
      return plan ? hoverForClient(documents.store.answerQuickly(plan.doc, plan.options, position, hover), session.client) : null;
    }),
  );

  connection.onRequest(
    CodeActionRequest.type,
    session.guard('code actions', null, async (params, token) => {
      const uri = requireUri(params);
      requireCodeActionContext(params);
      const ctx = await documents.settledSnapshotFor(uri, token);
      return ctx ? codeActions(ctx, params, session.docsLink) : null;
    }),
  );

  connection.onRequest(
    DocumentSymbolRequest.type,
    session.guard('document symbols', null, async (params, token) => {
      const ctx = await documents.settledSnapshotFor(requireUri(params), token);
      return ctx ? documentSymbols(ctx) : null;
    }),
  );

  connection.onRequest(
    WorkspaceSymbolRequest.type,
    session.guard('workspace symbols', [], async (params, token) => {
      const query = requireQuery(params);
      const out: WorkspaceSymbol[] = [];
      const open = new Set<string>();
      const deadline = Date.now() + WORKSPACE_SYMBOLS_BUDGET_MS;
      for (const doc of documents.all()) {
        if (Date.now() > deadline) break;
        throwIfCancelled(token);
        const ctx = documents.parseSnapshotFor(doc.uri);
        const p = uriToPath(doc.uri);
        if (p) open.add(p);
        if (ctx) out.push(...workspaceSymbols(ctx, query));
      }
      for (const file of workspace.files()) {
        if (Date.now() > deadline) break;
        if (open.has(file) || out.length > MAX_WORKSPACE_SYMBOLS) continue;
        const uri = pathToUri(file);
        const { options } = await configuration.optionsFor(uri);
        throwIfCancelled(token);
        const checked = workspace.disk.check(file, options);
        if (!checked) continue;
        const { parsed } = checked.result;
        const snapshot = planSnapshot({ uri, version: 0, text: parsed.text, options, parsed, model: parsed.readable ? buildModel(parsed) : undefined, check: () => checked.result });
        out.push(...workspaceSymbols(snapshot, query));
      }
      return rankWorkspaceSymbols(query, out).slice(0, MAX_WORKSPACE_SYMBOLS);
    }),
  );

  connection.onRequest(
    DefinitionRequest.type,
    session.guard('definition', null, async (params, token) => {
      const position = requirePosition(params);
      const ctx = await documents.snapshotFor(requireUri(params), token);
      return ctx ? definition(ctx, position) : null;
    }),
  );

  connection.onRequest(
    ReferencesRequest.type,
    session.guard('references', null, async (params, token) => {
      const position = requirePosition(params);
      requireReferenceContext(params);
      const ctx = await documents.snapshotFor(requireUri(params), token);
      return ctx ? references(ctx, position, params.context?.includeDeclaration !== false) : null;
    }),
  );

  connection.onRequest(
    PrepareRenameRequest.type,
    session.guard('prepare rename', null, async (params, token) => {
      const position = requirePosition(params);
      const ctx = await documents.snapshotFor(requireUri(params), token);
      return ctx ? prepareRename(ctx, position) : null;
    }),
  );

  connection.onRequest(
    RenameRequest.type,
    session.guard('rename', null, async (params, token) => {
      const position = requirePosition(params);
      const newName = requireNewName(params);
      const ctx = await documents.snapshotFor(requireUri(params), token);
      return ctx ? rename(ctx, position, newName) : null;
    }),
  );

  connection.onRequest(
    FoldingRangeRequest.type,
    session.guard('folding ranges', null, async (params, token) => {
      const ctx = await documents.settledSnapshotFor(requireUri(params), token);
      return ctx ? foldingRanges(ctx) : null;
    }),
  );

  connection.onRequest(
    CodeLensRequest.type,
    session.guard('code lens', null, async (params, token) => {
      const ctx = await documents.settledSnapshotFor(requireUri(params), token);
      return ctx ? codeLenses(ctx, session.client.openPreview) : null;
    }),
  );

  connection.onRequest(
    InlayHintRequest.type,
    session.guard('inlay hints', null, async (params, token) => {
      const uri = requireUri(params);
      const range = requireRange(params, 'inlay hint');
      const ctx = await documents.settledSnapshotFor(uri, token);
      if (!ctx) return null;
      const { settings } = await configuration.optionsFor(uri);
      return settings.inlayHintsEnabled ? inlayHints(ctx, range) : [];
    }),
  );
}
