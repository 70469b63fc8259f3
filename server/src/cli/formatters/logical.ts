/**
 * Where a finding is in the plan's own terms: `action:1d/due`,
 * `objective:2/title`, `target:T3/actuals/1`. Built from ids, so it stays the
 * same when other objectives, actions or targets are added or removed above
 * it (the JSON pointer `/objectives/0/actions/2/due` does not). Items without
 * an id fall back to the nearest ancestor with one, then to the pointer.
 *
 * The CLI's results carry the plan summary, not the model, so the item a
 * pointer names is found by position: the summary item of that kind whose
 * source span holds the finding's start.
 */
import { pathToPointer, pointerToPath, type Finding, type PlanSummary, type SourceRef } from '../../core';

export interface LogicalPlace {
  /** `action:1d/due`, `objective:2`, `/owners` (a pointer when no id applies), or `line 3` for findings with no plan path. */
  name: string;
  /** The id-bearing item the finding belongs to, when there is one. */
  item?: { kind: 'action' | 'objective' | 'target'; id: string };
}

export function logicalPlace(f: Finding, summary: PlanSummary | undefined): LogicalPlace {
  if (f.path === '') return { name: `line ${f.range.start.line + 1}` };
  const segs = pointerToPath(f.path);
  const rest = (from: number) => pathToPointer(segs.slice(from));
  if (summary && segs[0] === 'objectives' && typeof segs[1] === 'number') {
    if (segs[2] === 'actions' && typeof segs[3] === 'number') {
      const action = holding(summary.actions, f);
      // An action without an id is summarised as `line N`: no id to go by.
      if (action && action.id !== '' && action.id !== `line ${action.source.line + 1}`) {
        return { name: `action:${action.id}${rest(4)}`, item: { kind: 'action', id: action.id } };
      }
    }
    const objective = holding(summary.objectives, f);
    if (objective && objective.id !== '') return { name: `objective:${objective.id}${rest(2)}`, item: { kind: 'objective', id: objective.id } };
  }
  if (summary && segs[0] === 'targets' && typeof segs[1] === 'number') {
    const target = holding(summary.targets, f);
    if (target && target.id !== '') return { name: `target:${target.id}${rest(2)}`, item: { kind: 'target', id: target.id } };
  }
  return { name: f.path };
}

/** The item whose source span holds the finding's start (items of one kind never overlap). */
function holding<T extends { source: SourceRef }>(items: readonly T[], f: Finding): T | undefined {
  const { line, character } = f.range.start;
  return items.find(({ source: s }) => (line > s.line || (line === s.line && character >= s.character)) && (line < s.endLine || (line === s.endLine && character <= s.endCharacter)));
}
