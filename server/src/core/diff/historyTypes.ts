/**
 * The data of a plan's history (what `history.ts` builds from its versions):
 * types only, importing nothing, so the engine's input types (`types.ts`)
 * can name them without a circle of imports.
 */

/** One version of a plan, as committed. */
export interface PlanVersion {
  commit: string;
  /** `YYYY-MM-DD`. */
  date: string;
  author: string;
  text: string;
}

/** A deadline an action had, from the version that set it. */
export interface DeadlineEntry {
  commit: string;
  date: string;
  author: string;
  /** The deadline as written (`2022-11`, `ongoing`), or '' when it had none. */
  due: string;
  /** The day it means (`YYYY-MM-DD`), for a dated deadline. */
  iso?: string;
  /** Days later (+) or earlier (-) than the previous dated deadline. */
  moved?: number;
}

export interface RagEntry {
  commit: string;
  date: string;
  rag?: 'red' | 'amber' | 'green';
  status: string;
}

export interface ActionHistory {
  /** The action's id in the newest version that has it. */
  id?: string;
  label: string;
  /** False when the newest version no longer has the action. */
  present: boolean;
  /** Every change of deadline, oldest first (the first entry is when it was first set). */
  deadlines: DeadlineEntry[];
  /** How many times the deadline moved later. */
  slips: number;
  /** Days it moved later in all (moves earlier are not subtracted). */
  slippedDays: number;
  /** RAG and status at each version where either changed, oldest first. */
  rag: RagEntry[];
}

export interface ObjectiveRagPoint {
  commit: string;
  date: string;
  red: number;
  amber: number;
  green: number;
  /** Open actions with no RAG. */
  none: number;
  /** Closed (done or dropped) actions. */
  closed: number;
}

export interface ObjectiveHistory {
  id?: string;
  label: string;
  points: ObjectiveRagPoint[];
}

export interface PlanHistory {
  /** The versions read, oldest first (those that did not read as a plan are left out). */
  versions: { commit: string; date: string; author: string }[];
  actions: ActionHistory[];
  objectives: ObjectiveHistory[];
}
