/**
 * Checks on what the client sends. A request whose params are not what LSP
 * says is answered with InvalidParams and a sentence saying what is wrong; a
 * notification that is not well formed is ignored (see `documents.ts`).
 * Shapes come from the protocol's own `Position.is`, `Range.is` and
 * `TextDocumentItem.is`, with the one thing they leave out: LSP positions
 * and versions are whole numbers.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  Position,
  Range,
  ResponseError,
  TextDocumentIdentifier,
  TextDocumentItem,
  VersionedTextDocumentIdentifier,
  type CancellationToken,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
} from 'vscode-languageserver';

/** An object (not `null`); the protocol's `is` checks read fields without looking first. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Reads one field of params that may be anything (undefined when they are not an object). */
export function field(params: unknown, name: string): unknown {
  return isRecord(params) ? params[name] : undefined;
}

export function isPosition(p: unknown): p is Position {
  return Position.is(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
}

export function isRange(r: unknown): r is Range {
  return Range.is(r) && isPosition(r.start) && isPosition(r.end);
}

/** A `didOpen` document: uri, language, version and text of the right types. */
export function isOpenedDocument(p: unknown): p is DidOpenTextDocumentParams {
  const d = field(p, 'textDocument');
  return isRecord(d) && TextDocumentItem.is(d) && Number.isInteger(d.version);
}

/** A `didChange`: a document with a uri and a version, and changes that are each a text, with a valid range or none. */
export function isDocumentChange(p: unknown): p is DidChangeTextDocumentParams {
  const d = field(p, 'textDocument');
  if (!isRecord(d) || !VersionedTextDocumentIdentifier.is(d) || !Number.isInteger(d.version)) return false;
  const changes = field(p, 'contentChanges');
  return Array.isArray(changes) && changes.every((c: unknown) => isRecord(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range)));
}

/** A `didClose`: a document with a uri. */
export function isClosedDocument(p: unknown): p is DidCloseTextDocumentParams {
  const d = field(p, 'textDocument');
  return isRecord(d) && TextDocumentIdentifier.is(d);
}

/** The document a notification names, for the log line that says it was ignored. */
export function namedDocument(params: unknown): string {
  return JSON.stringify(field(field(params, 'textDocument'), 'uri') ?? null);
}

/** Throws InvalidParams unless the params name a document. */
export function requireUri(params: unknown): string {
  const d = field(params, 'textDocument');
  if (!isRecord(d) || !TextDocumentIdentifier.is(d)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request does not name a document (textDocument.uri is missing).');
  return d.uri;
}

export function requirePosition(params: unknown): Position {
  const p = field(params, 'position');
  if (!isPosition(p)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request has no valid position (line and character).');
  return { line: p.line, character: p.character };
}

/**
 * The request's `range`, start first; throws InvalidParams unless it has a
 * start and an end, each with line and character. A range that ends before it
 * starts (a selection made backwards) is turned round rather than refused.
 */
export function requireRange(params: unknown, what: string): Range {
  const r = field(params, 'range');
  if (!isRange(r)) throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} request has no valid range (start and end, each with line and character).`);
  const backwards = r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character);
  return backwards ? { start: r.end, end: r.start } : r;
}

/** Throws InvalidParams unless the code action request has a range and a context whose diagnostics all have a range (the quick fixes are matched by it). */
export function requireCodeActionContext(params: unknown): void {
  requireRange(params, 'code action');
  const context = field(params, 'context');
  const diagnostics = field(context, 'diagnostics');
  if (!Array.isArray(diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request has no code action context.');
  diagnostics.forEach((d: unknown, i) => {
    if (!isRecord(d) || Array.isArray(d)) throw new ResponseError(ErrorCodes.InvalidParams, `Diagnostic ${i + 1} in the code action request is not a diagnostic.`);
    if (!isRange(d.range)) throw new ResponseError(ErrorCodes.InvalidParams, `Diagnostic ${i + 1} in the code action request has no valid range (start and end, each with line and character).`);
  });
  const only = field(context, 'only');
  if (only !== undefined && only !== null && !(Array.isArray(only) && only.every((k) => typeof k === 'string'))) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'The kinds of code action asked for ("only") must be a list of names, such as ["quickfix"].');
  }
}

/** Throws InvalidParams unless the references request's context, when there is one, is an object. */
export function requireReferenceContext(params: unknown): void {
  const context = field(params, 'context');
  if (context !== undefined && !isRecord(context)) throw new ResponseError(ErrorCodes.InvalidParams, 'The references request has a context that is not one ({ includeDeclaration }).');
}

/** The new name of a rename request; throws InvalidParams when there is none. */
export function requireNewName(params: unknown): string {
  const name = field(params, 'newName');
  if (typeof name !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The rename request has no new name.');
  return name;
}

/** Throws InvalidParams unless the params are an object (`null`, text or a list are not). */
export function requireObject(params: unknown, what: string): void {
  if (!isRecord(params) || Array.isArray(params)) throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} request has no parameters.`);
}

/** The previous result ids of a workspace diagnostic request (none when absent); throws InvalidParams when they are not a list of { uri, value }. */
export function requirePreviousResultIds(params: unknown): Map<string, string> {
  requireObject(params, 'workspace diagnostic');
  const previous = field(params, 'previousResultIds');
  if (previous === undefined || previous === null) return new Map();
  const ids = new Map<string, string>();
  const valid =
    Array.isArray(previous) &&
    previous.every((p: unknown) => {
      const uri = field(p, 'uri');
      const value = field(p, 'value');
      if (typeof uri !== 'string' || typeof value !== 'string') return false;
      ids.set(uri, value);
      return true;
    });
  if (!valid) throw new ResponseError(ErrorCodes.InvalidParams, 'The previous results of the workspace diagnostic request (previousResultIds) must be a list of { uri, value }, each a piece of text.');
  return ids;
}

/** The search text of a workspace symbol request (empty when absent); throws InvalidParams when it is not text. */
export function requireQuery(params: unknown): string {
  requireObject(params, 'workspace symbol');
  const query = field(params, 'query');
  if (query === undefined || query === null) return '';
  if (typeof query !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The search text of the workspace symbol request (query) must be a piece of text.');
  return query;
}

/** The document of an `eqplan/summary` request; throws InvalidParams when there is none. */
/** The `uri` of eqplan's own requests (`eqplan/summary`, `eqplan/report`). */
export function requireRequestUri(params: unknown, method: string): string {
  const uri = field(params, 'uri');
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs the uri of a document.`);
  return uri;
}

/** LSP: a request the client cancelled is answered with RequestCancelled, and its work is skipped. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The editor cancelled this request before it was answered.');
}
