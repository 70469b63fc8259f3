/**
 * Document symbols (objectives > actions, targets, owners) for the outline
 * and breadcrumbs, and workspace symbols across plans.
 */
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver';
import { findNode, nodeSpan, plural, type NodePath } from '../core';
import type { PlanContext } from './context';

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function rangeOf(ctx: PlanContext, path: NodePath): Range | undefined {
  const span = nodeSpan(findNode(ctx.parsed.doc, path)?.node);
  return span ? ctx.parsed.lines.range(span[0], span[1]) : undefined;
}

function symbol(ctx: PlanContext, path: NodePath, name: string, detail: string | undefined, kind: SymbolKind, children?: DocumentSymbol[]): DocumentSymbol | undefined {
  const range = rangeOf(ctx, path);
  if (!range) return undefined;
  const selection = rangeOf(ctx, [...path, 'id']) ?? rangeOf(ctx, [...path, 'title']) ?? range;
  return { name: name || '(no id)', detail, kind, range, selectionRange: contains(range, selection) ? selection : range, children };
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function documentSymbols(ctx: PlanContext): DocumentSymbol[] {
  const model = ctx.model;
  if (!model) return [];
  const out: DocumentSymbol[] = [];
  for (const o of model.objectives) {
    const actions = o.actions
      .map((a) => symbol(ctx, a.path, a.id ?? a.label, shorten(text(a.data.action)), SymbolKind.Event))
      .filter((s): s is DocumentSymbol => !!s);
    const s = symbol(ctx, o.path, o.id ?? o.label, shorten(text(o.data.title)), SymbolKind.Module, actions);
    if (s) out.push(s);
  }
  for (const t of model.targets) {
    const s = symbol(ctx, t.path, t.id ?? t.label, shorten(text(t.data.title)), SymbolKind.Number);
    if (s) out.push(s);
  }
  if (model.owners && model.owners.size > 0) {
    const owners = [...model.owners.values()]
      .map((o) => {
        const found = findNode(ctx.parsed.doc, o.path);
        const key = nodeSpan(found?.pair?.key);
        const end = nodeSpan(found?.node)?.[1] ?? key?.[1];
        if (!key || end === undefined) return undefined;
        const range = ctx.parsed.lines.range(key[0], end);
        return { name: o.id, detail: o.name, kind: SymbolKind.Constant, range, selectionRange: ctx.parsed.lines.range(key[0], key[1]) } as DocumentSymbol;
      })
      .filter((s): s is DocumentSymbol => !!s);
    const registry = findNode(ctx.parsed.doc, ['owners']);
    const key = nodeSpan(registry?.pair?.key);
    const end = nodeSpan(registry?.node)?.[1];
    if (key && end !== undefined) {
      out.push({ name: 'owners', detail: plural(owners.length, 'owner'), kind: SymbolKind.Namespace, range: ctx.parsed.lines.range(key[0], end), selectionRange: ctx.parsed.lines.range(key[0], key[1]), children: owners });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Does `query` match `name` (case-insensitive, letters in order)? An empty query matches everything. */
export function matchesQuery(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i]) i++;
  return i >= q.length;
}

/**
 * How well a symbol's name matches a query, best first: 0 the id itself, 1 an
 * id that starts with it, 2 a word that starts with it, 3 the text anywhere,
 * 4 its letters in order. Editors such as Neovim show the list in the
 * server's order, so `P2` must put objective P2 before action 1c.
 */
function matchRank(query: string, name: string): number {
  const q = query.toLowerCase().trim();
  if (!q) return 0;
  const n = name.toLowerCase();
  if (n === q || n.startsWith(`${q} `)) return 0;
  if (n.startsWith(q)) return 1;
  const at = n.indexOf(q);
  if (at > 0 && /[^a-z0-9]/.test(n[at - 1])) return 2;
  return at >= 0 ? 3 : 4;
}

/** Workspace symbols (of one plan or many) in order of how well they match the query; the order is otherwise kept. */
export function rankWorkspaceSymbols(query: string, symbols: WorkspaceSymbol[]): WorkspaceSymbol[] {
  return symbols
    .map((s, i) => ({ s, i, rank: matchRank(query, s.name) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.s);
}

/** Objectives, actions and targets of one plan that match a query, as workspace symbols (in plan order: `rankWorkspaceSymbols` orders the matches of all plans). */
export function workspaceSymbols(ctx: PlanContext, query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const visit = (symbols: DocumentSymbol[], container?: string) => {
    for (const s of symbols) {
      const name = s.detail ? `${s.name} ${s.detail}` : s.name;
      if (s.kind !== SymbolKind.Namespace && matchesQuery(query, name)) out.push({ name, kind: s.kind, containerName: container, location: { uri: ctx.uri, range: s.selectionRange } });
      if (s.children) visit(s.children, s.kind === SymbolKind.Namespace ? 'owners' : s.name);
    }
  };
  visit(documentSymbols(ctx));
  return out;
}
