/**
 * The diff as GitHub Actions annotations on the changed lines of the new
 * version of each plan, within the same per-step budget as `eqplan check`
 * (10 of each type), most severe first; one extra notice says how many more
 * there are. A change whose plan was deleted has no line to sit on and is
 * annotated on the run instead.
 */
import type { Severity } from '../../core';
import { ANNOTATIONS_PER_TYPE, escapeData, escapeProperty } from '../formatters/github';
import { allChanges } from './shared';
import type { DiffFormatter } from './types';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export const formatDiffGithub: DiffFormatter = (diffs) => {
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  let left = 0;
  const all = allChanges(diffs);
  for (const { file, change } of all) {
    const command = COMMAND[change.severity];
    // Keep a notice slot for the line that says how many did not fit.
    const budget = command === 'notice' ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE;
    if (used[command] >= budget) {
      left++;
      continue;
    }
    used[command]++;
    const side = change.new ?? change.anchor;
    const props = [`title=${escapeProperty(`eqplan diff: ${change.kind}`)}`];
    if (file.file !== undefined && side) {
      props.unshift(`file=${escapeProperty(file.file)}`, `line=${side.range.start.line + 1}`, `endLine=${side.range.end.line + 1}`);
    }
    lines.push(`::${command} ${props.join(',')}::${escapeData(change.message)}`);
  }
  if (left > 0) lines.push(`::notice title=${escapeProperty('eqplan diff')}::${escapeData(`${left} more ${left === 1 ? 'change' : 'changes'} than GitHub shows as annotations. Run eqplan diff with --format markdown or stylish to see them all.`)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
