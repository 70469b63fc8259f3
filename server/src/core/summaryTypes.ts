/**
 * The plan model that the preview, the HTML report and the CLI's summaries
 * draw. It is plain JSON (no class instances, no Dates) so it can travel over
 * LSP (`eqplan/summary`) and into a webview or an HTML data attribute as is.
 * Dates are ISO strings `YYYY-MM-DD`; lines are 0-based.
 */

export type Rag = 'red' | 'amber' | 'green';
export type ActionStatus = 'not-started' | 'in-progress' | 'done' | 'dropped';

export interface RagCounts {
  red: number;
  amber: number;
  green: number;
  /** Actions without a (valid) RAG. */
  none: number;
}

/** Where an item sits in the source, so a click can reveal it. */
export interface SourceRef {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface ActionSummary {
  /** The action's id, or `line N` when it has none. */
  id: string;
  objectiveId: string;
  /** What will be done (the `action` field), possibly long. */
  text: string;
  owner?: string;
  /** The owner's display name from the registry, else the owner as written. */
  ownerName?: string;
  /** `due` as written. */
  due?: string;
  /** The date `due` means (last day of a month/quarter/year), when it names one. */
  dueDate?: string;
  /** True when `due` is `ongoing` or `tbc`. */
  openDeadline: boolean;
  status: ActionStatus;
  rag?: Rag;
  open: boolean;
  overdue: boolean;
  dueSoon: boolean;
  unowned: boolean;
  /** Days past due (overdue actions only). */
  daysOverdue?: number;
  /** Days until due (0 = today), for open actions due today or later. */
  daysUntilDue?: number;
  source: SourceRef;
}

export interface ObjectiveSummary {
  id: string;
  title: string;
  lead?: string;
  leadName?: string;
  rag: RagCounts;
  actions: number;
  open: number;
  done: number;
  overdue: number;
  source: SourceRef;
}

export interface MonthBucket {
  /** `YYYY-MM` */
  month: string;
  /** Open actions due this month that are not yet overdue. */
  upcoming: number;
  /** Open actions due this month whose date has passed. */
  overdue: number;
  /** Done or dropped actions due this month. */
  closed: number;
}

export interface OwnerLoad {
  /** Registry id, or the name as written when there is no registry entry. */
  owner: string;
  name: string;
  registered: boolean;
  total: number;
  open: number;
  overdue: number;
}

export interface DatedValue {
  date: string;
  value: number;
}

export type TargetStatus = 'missed' | 'off-track' | 'on-track' | 'no-data' | 'not-due';

export interface TargetSummary {
  id: string;
  title: string;
  unit?: string;
  direction: 'up' | 'down';
  owner?: string;
  tolerance: number;
  baseline?: DatedValue;
  milestones: DatedValue[];
  actuals: DatedValue[];
  benchmark?: { value: number; label?: string };
  status: TargetStatus;
  /** One sentence on where the target stands, for lists and chart captions. */
  statusText: string;
  source: SourceRef;
}

export interface PlanSummary {
  organisation: string;
  title: string;
  period?: { start?: string; end?: string };
  /** The date the checks used as "today". */
  asOf: string;
  asOfSource: 'option' | 'plan' | 'local';
  totals: {
    objectives: number;
    actions: number;
    open: number;
    done: number;
    dropped: number;
    overdue: number;
    dueSoon: number;
    unowned: number;
    rag: RagCounts;
    targets: number;
    targetsMissed: number;
    targetsOffTrack: number;
  };
  objectives: ObjectiveSummary[];
  actions: ActionSummary[];
  /** Months in date order, from the earliest to the latest concrete deadline. */
  deadlinesByMonth: MonthBucket[];
  /** Ids of overdue actions, most overdue first. */
  overdue: string[];
  /** Ids of actions due soon, soonest first. */
  dueSoon: string[];
  /** Ids of open actions with no real owner. */
  unowned: string[];
  /** Owners by number of open actions, most first. */
  owners: OwnerLoad[];
  targets: TargetSummary[];
  /** Finding counts by severity, after config and suppressions. */
  findings: { error: number; warning: number; information: number; hint: number };
}
