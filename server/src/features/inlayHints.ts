/** Inlay hints after each open action's deadline: "overdue 62 d", "in 5 d", "due today". */
import type { InlayHint, Range } from 'vscode-languageserver';
import { findNode, formatUk, nodeSpan, parseIsoDay } from '../core';
import { todayPhrase, type PlanContext } from './context';

export function inlayHints(ctx: PlanContext, range: Range): InlayHint[] {
  const model = ctx.model;
  if (!model) return [];
  const today = parseIsoDay(ctx.today) as number;
  const hints: InlayHint[] = [];
  for (const action of model.actions) {
    if (!action.open || action.due.kind !== 'date') continue;
    const span = nodeSpan(findNode(ctx.parsed.doc, [...action.path, 'due'])?.node);
    if (!span) continue;
    const position = ctx.parsed.lines.positionAt(span[1]);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    const diff = action.due.day - today;
    const label = diff < 0 ? `overdue ${-diff} d` : diff === 0 ? 'due today' : `in ${diff} d`;
    const tooltip = `Due ${formatUk(action.due.iso)}; ${diff < 0 ? `${-diff} days overdue` : diff === 0 ? 'due today' : `${diff} days to go`} as at ${formatUk(ctx.today)} (${todayPhrase(ctx.todaySource)}).`;
    hints.push({ position, label, paddingLeft: true, tooltip });
  }
  return hints;
}
