/**
 * Owner navigation: go to the registry entry of an owner, find every
 * reference to it, rename it everywhere in the file.
 */
import { ErrorCodes, ResponseError, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { PlanContext } from './context';
import { ownerDeclaration, ownerIdAt, ownerRefs } from './yamlTree';

const OWNER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function range(ctx: PlanContext, span: [number, number]): Range {
  return ctx.parsed.lines.range(span[0], span[1]);
}

export function definition(ctx: PlanContext, position: Position): Location | null {
  const at = ownerIdAt(ctx.parsed, ctx.parsed.lines.offsetAt(position));
  if (!at) return null;
  const decl = ownerDeclaration(ctx.parsed, at.id);
  return decl ? { uri: ctx.uri, range: range(ctx, decl.span) } : null;
}

export function references(ctx: PlanContext, position: Position, includeDeclaration: boolean): Location[] {
  const at = ownerIdAt(ctx.parsed, ctx.parsed.lines.offsetAt(position));
  if (!at) return [];
  const out: Location[] = [];
  const decl = ownerDeclaration(ctx.parsed, at.id);
  if (decl && includeDeclaration) out.push({ uri: ctx.uri, range: range(ctx, decl.span) });
  for (const ref of ownerRefs(ctx.parsed, ctx.model)) if (ref.id === at.id) out.push({ uri: ctx.uri, range: range(ctx, ref.span) });
  return out;
}

export function prepareRename(ctx: PlanContext, position: Position): { range: Range; placeholder: string } | null {
  const at = ownerIdAt(ctx.parsed, ctx.parsed.lines.offsetAt(position));
  return at ? { range: range(ctx, at.span), placeholder: at.id } : null;
}

/** Renames an owner id in the registry and in every `owner`, `lead` and `support` that names it. */
export function rename(ctx: PlanContext, position: Position, newName: string): WorkspaceEdit | null {
  const at = ownerIdAt(ctx.parsed, ctx.parsed.lines.offsetAt(position));
  if (!at) return null;
  const registry = ctx.model?.owners;
  const name = newName.trim();
  if (registry && !OWNER_ID.test(name)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" cannot be an owner id. Use letters, numbers, ".", "_" and "-", starting with a letter or number (for example "hr" or "equalities-team").`);
  }
  if (name === '') throw new ResponseError(ErrorCodes.InvalidParams, 'An owner cannot be renamed to nothing. Type the new id.');
  if (registry?.has(name) && name !== at.id) {
    throw new ResponseError(ErrorCodes.InvalidParams, `The owners list already has "${name}". Pick another id, or change the actions to "${name}" one by one.`);
  }
  const written = OWNER_ID.test(name) ? name : JSON.stringify(name);
  const edits: TextEdit[] = [];
  const decl = ownerDeclaration(ctx.parsed, at.id);
  if (decl) edits.push({ range: range(ctx, decl.span), newText: written });
  for (const ref of ownerRefs(ctx.parsed, ctx.model)) if (ref.id === at.id) edits.push({ range: range(ctx, ref.span), newText: written });
  return { changes: { [ctx.uri]: edits } };
}
