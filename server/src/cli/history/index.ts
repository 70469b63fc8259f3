/**
 * The formats of `eqplan history`: stylish for a terminal, markdown for a
 * comment or a committee paper, json for tools (the engine's `PlanHistory`).
 */
import { deadlineWords, describeDeadlineHistory, formatUk, type ActionHistory, type PlanHistory } from '../../core';
import type { HistoryFormat } from '../args';

type HistoryFormatter = (history: PlanHistory, file: string) => string;

function when(date: string, commit: string): string {
  return commit === '' ? 'not yet committed' : formatUk(date);
}

/** Actions whose deadline or RAG changed at least once, the most slipped first; then the rest. */
function ordered(history: PlanHistory): { changed: ActionHistory[]; unchanged: number } {
  const changed = history.actions.filter((a) => a.present && (a.deadlines.length > 1 || a.rag.length > 1));
  changed.sort((a, b) => b.slips - a.slips || b.slippedDays - a.slippedDays);
  return { changed, unchanged: history.actions.filter((a) => a.present).length - changed.length };
}

function ragWords(e: ActionHistory['rag'][number]): string {
  return `${e.rag ?? 'no RAG'}${e.status === 'in-progress' ? '' : ` (${e.status})`}`;
}

const stylish: HistoryFormatter = (history, file) => {
  const v = history.versions;
  const lines: string[] = [];
  lines.push(`${file}: ${v.length} ${v.length === 1 ? 'version' : 'versions'}${v.length ? `, ${when(v[0].date, v[0].commit)} to ${when(v[v.length - 1].date, v[v.length - 1].commit)}` : ''}`);
  const { changed, unchanged } = ordered(history);
  for (const a of changed) {
    lines.push('', `${a.label}: ${describeDeadlineHistory(a)}`);
    for (const d of a.deadlines) {
      const moved = d.moved === undefined || d.moved === 0 ? '' : d.moved > 0 ? `  (${d.moved} days later)` : `  (${-d.moved} days earlier)`;
      lines.push(`  deadline  ${deadlineWords(d).padEnd(12)}  ${when(d.date, d.commit)}${d.author ? ` by ${d.author}` : ''}${moved}`);
    }
    if (a.rag.length > 1) lines.push(`  RAG       ${a.rag.map((r) => `${ragWords(r)} (${when(r.date, r.commit)})`).join(' → ')}`);
  }
  if (unchanged > 0) lines.push('', `${unchanged} other ${unchanged === 1 ? 'action has' : 'actions have'} kept the same deadline and RAG.`);
  const gone = history.actions.filter((a) => !a.present).length;
  if (gone > 0) lines.push(`${gone} ${gone === 1 ? 'action was' : 'actions were'} in earlier versions and ${gone === 1 ? 'is' : 'are'} no longer in the plan.`);
  if (history.objectives.length > 0) {
    lines.push('', 'RAG of open actions by objective, at each version:');
    for (const o of history.objectives) {
      lines.push(`  ${o.label}`);
      // Only the versions where the counts changed.
      let last = '';
      for (const p of o.points) {
        const counts = `red ${p.red}, amber ${p.amber}, green ${p.green}, no RAG ${p.none}; closed ${p.closed}`;
        if (counts === last) continue;
        last = counts;
        lines.push(`    ${when(p.date, p.commit).padEnd(18)} ${counts}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}

const markdown: HistoryFormatter = (history, file) => {
  const out: string[] = [`### Deadline history of \`${cell(file)}\``, ''];
  const { changed, unchanged } = ordered(history);
  if (changed.length === 0) out.push('No action has changed its deadline or RAG in the plan\'s history.');
  else {
    out.push('| Action | Deadlines | Slipped | RAG over time |', '|---|---|---|---|');
    for (const a of changed) {
      const deadlines = a.deadlines.map((d) => `${deadlineWords(d)} (${when(d.date, d.commit)})`).join(' → ');
      const slipped = a.slips === 0 ? '–' : `${a.slips}×, ${a.slippedDays} days`;
      out.push(`| ${cell(a.label)} | ${cell(deadlines)} | ${slipped} | ${cell(a.rag.map(ragWords).join(' → '))} |`);
    }
  }
  if (unchanged > 0) out.push('', `${unchanged} other ${unchanged === 1 ? 'action has' : 'actions have'} kept the same deadline and RAG.`);
  return `${out.join('\n')}\n`;
};

const json: HistoryFormatter = (history, file) => `${JSON.stringify({ file, ...history }, null, 2)}\n`;

export const HISTORY_FORMATTERS: Record<HistoryFormat, HistoryFormatter> = { stylish, markdown, json };
