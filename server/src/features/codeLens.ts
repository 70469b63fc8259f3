/** Code lenses: a one-line tally on each objective, and "Open preview" on the file. */
import type { CodeLens } from 'vscode-languageserver';
import { plural } from '../core';
import { OPEN_PREVIEW_COMMAND } from '../protocol';
import type { PlanContext } from './context';

/**
 * `canOpenPreview`: only a client that has the preview (the eqplan VS Code extension says so in its
 * initialization options) gets the "Open preview" lens; in other editors it would be a dead command.
 */
export function codeLenses(ctx: PlanContext, canOpenPreview = true): CodeLens[] {
  const summary = ctx.result.summary;
  if (!summary) return [];
  const lenses: CodeLens[] = canOpenPreview
    ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'Open preview', command: OPEN_PREVIEW_COMMAND, arguments: [ctx.uri] } }]
    : [];
  for (const o of summary.objectives) {
    const rag = `R${o.rag.red} A${o.rag.amber} G${o.rag.green}${o.rag.none > 0 ? ` · ${o.rag.none} unrated` : ''}`;
    const title = `${plural(o.actions, 'action')} · ${o.overdue} overdue · ${rag}`;
    const at = { line: o.source.line, character: o.source.character };
    // A lens with an empty command is shown as plain text.
    lenses.push({ range: { start: at, end: at }, command: { title, command: '' } });
  }
  return lenses;
}
