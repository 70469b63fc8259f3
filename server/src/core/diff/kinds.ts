/**
 * Every kind of change `eqplan diff` reports between two versions of a plan,
 * once: a stable id (used in config files, JSON, SARIF-like fingerprints and
 * the pull-request comment), a default severity and what it means for a
 * council. Like rules, a project can change a kind's severity or turn it off
 * (`changes:` in `.eqplanrc.yaml`).
 */
import type { Severity } from '../types';

export interface ChangeKind {
  id: string;
  defaultSeverity: Severity;
  /** A short title for tables and lists. */
  title: string;
  /** What it flags and why a reviewer would care. */
  description: string;
}

const KINDS = [
  { id: 'plan-unreadable', defaultSeverity: 'error', title: 'Plan cannot be read', description: 'One of the two versions does not read as a plan (a YAML syntax error, or not an eqplan file), so its changes cannot be listed. Fix it first: `eqplan check` says what is wrong.' },
  { id: 'action-removed', defaultSeverity: 'error', title: 'Action removed', description: 'An open action disappeared from the plan instead of being marked `done` or `dropped`. Deleting a row hides what happened to a commitment; keep it with its final status.' },
  { id: 'closed-action-removed', defaultSeverity: 'information', title: 'Finished action removed', description: 'An action that was already `done` or `dropped` was taken out of the plan (for example when a plan is tidied for a new year).' },
  { id: 'action-added', defaultSeverity: 'information', title: 'Action added', description: 'A new action was added to the plan.' },
  { id: 'action-moved', defaultSeverity: 'information', title: 'Action moved', description: 'An action moved to another objective.' },
  { id: 'id-changed', defaultSeverity: 'information', title: 'Reference changed', description: 'An action, objective or target kept its text but got a new reference (id). Matched by its wording, so it is not reported as removed and added.' },
  { id: 'deadline-slipped', defaultSeverity: 'warning', title: 'Deadline slipped', description: 'An action\'s deadline was moved later. Slipping deadlines are how plans fail quietly; the change says by how many days.' },
  { id: 'deadline-brought-forward', defaultSeverity: 'information', title: 'Deadline brought forward', description: 'An action\'s deadline was moved earlier.' },
  { id: 'deadline-opened', defaultSeverity: 'warning', title: 'Deadline removed', description: 'An action that had a date now has none: it became `ongoing` or `tbc`, or its `due` was removed. An open-ended action can no longer go overdue.' },
  { id: 'deadline-set', defaultSeverity: 'information', title: 'Deadline set', description: 'An action that had no date (or `ongoing`/`tbc`) now has one.' },
  { id: 'rag-worsened', defaultSeverity: 'warning', title: 'RAG worse', description: 'An action\'s RAG rating got worse (green to amber, amber to red).' },
  { id: 'rag-improved', defaultSeverity: 'information', title: 'RAG better', description: 'An action\'s RAG rating improved (red to amber, amber to green). Worth a look: was it earned, or quietly turned green?' },
  { id: 'status-changed', defaultSeverity: 'information', title: 'Status changed', description: 'An action\'s status changed (for example `in-progress` to `done`).' },
  { id: 'action-reopened', defaultSeverity: 'warning', title: 'Action reopened', description: 'An action that was `done` or `dropped` is open again.' },
  { id: 'owner-changed', defaultSeverity: 'information', title: 'Owner changed', description: 'An action has a new owner.' },
  { id: 'owner-removed', defaultSeverity: 'warning', title: 'Owner removed', description: 'An action that had an owner now has none, or only a placeholder such as "TBC" or "All".' },
  { id: 'measure-changed', defaultSeverity: 'information', title: 'Measure changed', description: 'How an action\'s success is measured was reworded. A changed measure can move the goalposts.' },
  { id: 'measure-removed', defaultSeverity: 'warning', title: 'Measure removed', description: 'An action lost its measure of success: it can no longer be shown to have worked.' },
  { id: 'objective-added', defaultSeverity: 'information', title: 'Objective added', description: 'A new objective was added.' },
  { id: 'objective-removed', defaultSeverity: 'warning', title: 'Objective removed', description: 'An objective was removed (its open actions are also reported one by one).' },
  { id: 'target-added', defaultSeverity: 'information', title: 'Target added', description: 'A new numeric target was added.' },
  { id: 'target-removed', defaultSeverity: 'warning', title: 'Target removed', description: 'A numeric target was removed from the plan.' },
  { id: 'target-lowered', defaultSeverity: 'warning', title: 'Target lowered', description: 'A milestone was made easier: its value moved against the target\'s direction (a lower figure for an `up` target), or its date moved later.' },
  { id: 'target-raised', defaultSeverity: 'information', title: 'Target raised', description: 'A milestone was made harder: its value moved in the target\'s direction, or its date moved earlier.' },
  { id: 'milestone-added', defaultSeverity: 'information', title: 'Milestone added', description: 'A target got a new milestone.' },
  { id: 'milestone-removed', defaultSeverity: 'warning', title: 'Milestone removed', description: 'A target lost a milestone, so it can no longer be missed at that date.' },
  { id: 'actual-added', defaultSeverity: 'information', title: 'Figure recorded', description: 'A new measured value was recorded against a target.' },
  { id: 'actual-revised', defaultSeverity: 'warning', title: 'Past figure revised', description: 'A value already recorded against a target was changed or deleted: history was rewritten. Sometimes right (a corrected figure), always worth a note saying why.' },
  { id: 'baseline-changed', defaultSeverity: 'warning', title: 'Baseline changed', description: 'A target\'s starting value or date changed, which moves the whole trajectory.' },
] as const satisfies readonly ChangeKind[];

/** The id of a kind of change. */
export type ChangeKindId = (typeof KINDS)[number]['id'];

/** Every kind of change, in the order the docs list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = KINDS;

const BY_ID = new Map<string, ChangeKind>(KINDS.map((k) => [k.id, k]));

/** The kind with this id, or undefined. */
export function changeKindById(id: string): ChangeKind | undefined {
  return BY_ID.get(id);
}
