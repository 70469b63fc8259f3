/**
 * Code actions: each finding's fixes as quick fixes on its diagnostic, "fix
 * all" (safe fixes only, through the engine), and a suppression comment with
 * room for the reason.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { collectFixes, plural, type Finding, type TextEdit } from '../core';
import type { PlanContext } from './context';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type RuleDocsLink } from './diagnostics';

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

/** Does a finding's range touch the requested range (a cursor is an empty range)? */
function touches(f: Diagnostic['range'], r: Diagnostic['range']): boolean {
  const before = (a: Diagnostic['range']['start'], b: Diagnostic['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(f.start, r.end) && before(r.start, f.end);
}

/**
 * The findings the client asks quick fixes for, each with the diagnostic the
 * fixes name. `source` is optional in LSP and not every client sends it back
 * (ALE echoes code, message and range only), so a context diagnostic is ours
 * unless it names another source, and it is matched by range and rule id
 * (its message as well when several findings share them; ALE joins a
 * message's lines). A client that sends no diagnostics at all gets the
 * fixes of the findings in the range.
 */
function findingsAsked(params: CodeActionParams, findings: readonly Finding[], docs: RuleDocsLink | undefined): { diagnostic: Diagnostic; finding: Finding }[] {
  const given = params.context.diagnostics;
  if (given.length === 0) {
    return findings.filter((f) => touches(f.range, params.range)).map((finding) => ({ finding, diagnostic: docs ? toDiagnostic(finding, docs) : { range: finding.range, code: finding.rule, source: DIAGNOSTIC_SOURCE, message: finding.message } }));
  }
  const out: { diagnostic: Diagnostic; finding: Finding }[] = [];
  for (const diagnostic of given) {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const code = diagnostic.code === undefined || diagnostic.code === null ? undefined : String(diagnostic.code);
    const matching = findings.filter((f) => (code === undefined || f.rule === code) && sameRange(f.range, diagnostic.range));
    const finding = matching.find((f) => f.message === diagnostic.message) ?? matching[0];
    if (finding) out.push({ diagnostic, finding });
  }
  return out;
}

/** Quick fixes for the diagnostics the client names, and "fix all"; `docs` links the diagnostics of a client that names none. */
export function codeActions(ctx: PlanContext, params: CodeActionParams, docs?: RuleDocsLink): CodeAction[] {
  const only = params.context.only;
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  const findings = ctx.result.findings;

  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const { diagnostic, finding } of findingsAsked(params, findings, docs)) {
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
