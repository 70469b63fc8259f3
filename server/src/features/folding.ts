/** Folding ranges: every multi-line mapping, list, list item and long text, and runs of comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { isMap, isScalar, isSeq } from 'yaml';
import { nodeSpan } from '../core';
import type { PlanContext } from './context';

export function foldingRanges(ctx: PlanContext): FoldingRange[] {
  const { lines, text } = ctx.parsed;
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    // The end of a block node is the start of the next line; fold to the last line that has its text.
    let last = end;
    while (last > start && /\s/.test(text[last - 1] ?? '')) last--;
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(last).line;
    const key = `${startLine}:${endLine}`;
    if (endLine > startLine && !seen.has(key)) {
      seen.add(key);
      out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
    }
  };
  const visit = (node: unknown, from?: number) => {
    const span = nodeSpan(node);
    if (!span) return;
    if (from !== undefined && (isMap(node) || isSeq(node) || isScalar(node))) add(from, span[1]);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = nodeSpan(pair.key);
        visit(pair.value, key?.[0]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, nodeSpan(item)?.[0]);
    }
  };
  visit(ctx.parsed.doc?.contents);

  let runStart = -1;
  for (let l = 0; l <= lines.lineCount; l++) {
    const isComment = l < lines.lineCount && /^\s*#/.test(lines.lineText(l));
    if (isComment && runStart < 0) runStart = l;
    if (!isComment && runStart >= 0) {
      if (l - 1 > runStart) out.push({ startLine: runStart, endLine: l - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
