/**
 * The markdown that `--format github` appends to the job summary
 * ($GITHUB_STEP_SUMMARY): per-plan counts, the overdue actions and the missed
 * targets from each plan's summary, then the findings that did not fit as
 * annotations (at most 200 per plan, 1,000 in all). Kept under GitHub's 1 MiB
 * limit.
 */
import { plural, type PlanSummary } from '../../core';
import type { FileResult } from '../results';
import { ANNOTATIONS_PER_TYPE, splitAnnotations, SUMMARY_FINDINGS_PER_PLAN, SUMMARY_FINDINGS_TOTAL } from './github';
import { countAll, countSeverities, hiddenNote, mdCell, oneBased, type LocatedFinding } from './shared';
import type { FormatContext } from './types';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' } as const;

/** GitHub refuses a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export function buildStepSummary(results: readonly FileResult[], ctx: FormatContext): string {
  const counts = countAll(results);
  const out: string[] = ['## eqplan: equality plan check', ''];
  const hidden = hiddenNote(ctx.hidden);
  out.push(`**${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info** in ${plural(results.length, 'plan')}${hidden === '' ? '' : ` (${hidden})`}.`, '');
  out.push('| Plan | Errors | Warnings | Info | Overdue actions | Missed targets | Checked as of |', '|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const c = countSeverities(r.findings);
    const s = r.summary;
    out.push(`| ${link(r.file, undefined, ctx)} | ${c.error} | ${c.warning} | ${c.information} | ${s ? s.totals.overdue : '-'} | ${s ? s.totals.targetsMissed : '-'} | ${s ? s.asOf : '-'} |`);
  }

  const withOverdue = results.filter((r) => r.summary && r.summary.overdue.length > 0);
  if (withOverdue.length > 0) {
    out.push('', '### Overdue actions', '');
    for (const r of withOverdue) {
      const s = r.summary as PlanSummary;
      out.push(`**${mdCell(r.file)}** (${mdCell(s.organisation)}: ${mdCell(s.title)})`, '');
      out.push('| Action | What | Owner | Due | Days overdue |', '|---|---|---|---|---:|');
      const byId = new Map(s.actions.map((a) => [a.id, a]));
      for (const id of s.overdue) {
        const a = byId.get(id);
        if (!a) continue;
        out.push(`| ${link(r.file, a.source.line + 1, ctx, a.id)} | ${mdCell(shorten(a.text, 120))} | ${mdCell(a.ownerName ?? a.owner ?? 'no owner')} | ${mdCell(a.due ?? '')} | ${a.daysOverdue ?? ''} |`);
      }
      out.push('');
    }
  }

  const missed = results.flatMap((r) => (r.summary?.targets ?? []).filter((t) => t.status === 'missed').map((t) => ({ r, t })));
  if (missed.length > 0) {
    out.push('', '### Missed targets', '', '| Plan | Target | Where it stands |', '|---|---|---|');
    for (const { r, t } of missed) out.push(`| ${link(r.file, t.source.line + 1, ctx)} | ${mdCell(t.title)} | ${mdCell(t.statusText)} |`);
  }
  out.push(...overflowSection(splitAnnotations(results).overflow, ctx));
  out.push('', `_Run \`npx eqplan check\` locally for every finding and its line._`, '');
  return out.join('\n');
}

/** The findings that did not fit as annotations, a table per plan, capped. */
function overflowSection(overflow: readonly LocatedFinding[], ctx: FormatContext): string[] {
  if (overflow.length === 0) return [];
  const out = ['', '### Findings not shown as annotations', ''];
  out.push(`GitHub shows at most ${ANNOTATIONS_PER_TYPE} annotations of each type per step; ${plural(overflow.length, 'finding')} did not fit. Most severe first.`);
  const byFile = new Map<string, LocatedFinding[]>();
  for (const item of overflow) {
    const list = byFile.get(item.file);
    if (list) list.push(item);
    else byFile.set(item.file, [item]);
  }
  let room = SUMMARY_FINDINGS_TOTAL;
  for (const [file, items] of byFile) {
    const shown = items.slice(0, Math.min(SUMMARY_FINDINGS_PER_PLAN, room));
    room -= shown.length;
    out.push('', `**${mdCell(file)}**`, '');
    if (shown.length > 0) {
      out.push('| Severity | Line | Rule | Message |', '|---|---:|---|---|');
      for (const { finding } of shown) {
        const line = oneBased(finding).line;
        out.push(`| ${SEVERITY_LABEL[finding.severity]} | ${link(file, line, ctx, String(line))} | \`${finding.rule}\` | ${mdCell(shorten(finding.message, 300))} |`);
      }
    }
    if (items.length > shown.length) out.push('', `_${plural(items.length - shown.length, 'more finding')} in this plan not listed here: run \`npx eqplan check ${file}\` to see them._`);
  }
  return out;
}

/**
 * Cuts `markdown` at a line end so that it takes at most `maxBytes` bytes of
 * UTF-8, ending with a note that it was cut. '' when not even the note fits.
 */
export function fitToBytes(markdown: string, maxBytes: number): string {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return markdown;
  const note = '\n\n_The eqplan summary was cut short to fit GitHub\'s 1 MiB limit. Run `npx eqplan check` locally for the full list._\n';
  const room = maxBytes - Buffer.byteLength(note, 'utf8');
  if (room <= 0) return '';
  let cut = Buffer.from(markdown, 'utf8').subarray(0, room).toString('utf8');
  // A multi-byte character split by the cut decodes as U+FFFD; drop up to the last full line anyway.
  const lastNewline = cut.lastIndexOf('\n');
  cut = lastNewline > 0 ? cut.slice(0, lastNewline) : '';
  return cut + note;
}

function link(file: string, line: number | undefined, ctx: FormatContext, label = file): string {
  const text = mdCell(label);
  if (!ctx.linkBase || file.startsWith('/') || file.startsWith('..')) return text;
  return `[${text}](${ctx.linkBase}${encodeURI(file)}${line === undefined ? '' : `#L${line}`})`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
