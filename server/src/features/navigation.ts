/**
 * Owner navigation: go to the registry entry of an owner, find every
 * reference to it, rename it everywhere in the file.
 */
import { ErrorCodes, ResponseError, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isScalar, Scalar } from 'yaml';
import { yamlString } from '../core';
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
  const edits: TextEdit[] = [];
  const decl = ownerDeclaration(ctx.parsed, at.id);
  if (decl) edits.push({ range: range(ctx, decl.span), newText: writtenIn(decl.pair.key, name) });
  for (const ref of ownerRefs(ctx.parsed, ctx.model)) if (ref.id === at.id) edits.push({ range: range(ctx, ref.span), newText: writtenIn(ref.node, name) });
  return { changes: { [ctx.uri]: edits } };
}

/**
 * The new id as written in place of the old one, whose text inside any
 * quotes is what is replaced: in the same quotes, escaped for them; in a `>` /
 * `|` text as it is; written plain, plain only when YAML reads it back as the
 * same text (`yamlString`), since a plain `123`, `true` or `null` would be read
 * as a number, yes/no or nothing, and the owner would be lost.
 */
function writtenIn(node: unknown, name: string): string {
  const style = isScalar(node) ? node.type : undefined;
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(name).slice(1, -1);
  if (style === Scalar.QUOTE_SINGLE) return name.replace(/'/g, "''");
  if (style === Scalar.BLOCK_FOLDED || style === Scalar.BLOCK_LITERAL) return name;
  return yamlString(name);
}
