/**
 * Code actions: each finding's fixes as quick fixes on its diagnostic, "fix
 * all" (safe fixes only, through the engine), and a suppression comment with
 * room for the reason.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { collectFixes, plural, type Finding, type TextEdit } from '../core';
import type { PlanContext } from './context';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.eqplan';

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Does a requested kind list (`only`) ask for actions of `kind`? */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Non-overlapping edits, as LSP requires in one workspace edit (later overlapping ones are dropped, as `applyEdits` does). */
function nonOverlapping(edits: readonly TextEdit[]): LspTextEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const out: LspTextEdit[] = [];
  let end = -1;
  for (const e of sorted) {
    if (e.offset < end) continue;
    out.push({ range: e.range, newText: e.newText });
    end = e.offset + e.length;
  }
  return out;
}

export function codeActions(ctx: PlanContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  const findings = ctx.result.findings;

  if (wanted(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      const matching = findings.filter((f) => f.rule === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message);
      const finding = matching[0] ?? findings.find((f) => f.rule === diagnostic.code && sameRange(f.range, diagnostic.range));
      if (!finding) continue;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: { changes: { [uri]: nonOverlapping(fix.edits) } },
        });
      }
      const suppress = suppressAction(ctx, finding, diagnostic, uri);
      if (suppress) actions.push(suppress);
    }
  }

  if (wanted(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(ctx, findings, uri);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** "Fix all": every safe fix of the file in one edit (the same fixes as `eqplan check --fix`). */
export function fixAllAction(ctx: PlanContext, findings: readonly Finding[], uri: string): CodeAction | undefined {
  const fixable = findings.filter((f) => f.fixes.some((x) => x.safe));
  if (fixable.length === 0) return undefined;
  const edits = nonOverlapping(collectFixes(fixable, { safeOnly: true }));
  if (edits.length === 0) return undefined;
  const n = fixable.length;
  return {
    title: `Fix ${plural(n, 'problem')} that eqplan can fix safely (dates written in the standard form, RAG ratings in lower case)`,
    kind: FIX_ALL_KIND,
    diagnostics: [],
    edit: { changes: { [uri]: edits } },
  };
}

/** Inserts `# eqplan-disable-next-line <rule> -- reason: ` above the finding's line, at that line's indentation. */
function suppressAction(ctx: PlanContext, finding: Finding, diagnostic: Diagnostic, uri: string): CodeAction | undefined {
  if (finding.rule === 'bad-suppression' || finding.rule === 'yaml-syntax') return undefined;
  const line = finding.range.start.line;
  const text = ctx.parsed.lines.lineText(line);
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = ctx.parsed.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Turn off \`${finding.rule}\` for this line, with a reason`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# eqplan-disable-next-line ${finding.rule} -- reason: ${eol}` }] } },
  };
}
