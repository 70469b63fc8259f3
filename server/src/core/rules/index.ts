import { badSuppression } from './bad-suppression';
import { dueSoon } from './due-soon';
import { duplicateId } from './duplicate-id';
import { missingDeadline } from './missing-deadline';
import { missingMeasure } from './missing-measure';
import { missingRag } from './missing-rag';
import { openDeadline } from './open-deadline';
import { overdue } from './overdue';
import { ragMismatch } from './rag-mismatch';
import { repeatedSlip } from './repeated-slip';
import type { Rule, RuleInfo } from './rule';
import { schema } from './schema';
import { staleUpdate } from './stale-update';
import { targetMissed } from './target-missed';
import { targetNoData } from './target-no-data';
import { targetOffTrack } from './target-off-track';
import { unknownOwner } from './unknown-owner';
import { unowned } from './unowned';
import { yamlSyntax } from './yaml-syntax';

/** Every rule, in the order of the format's table. Add a new rule here. */
export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  overdue,
  dueSoon,
  unowned,
  unknownOwner,
  missingDeadline,
  openDeadline,
  missingMeasure,
  missingRag,
  ragMismatch,
  targetMissed,
  targetNoData,
  targetOffTrack,
  staleUpdate,
  repeatedSlip,
  badSuppression,
];

export const RULES: readonly RuleInfo[] = ALL_RULES.map(({ check: _check, ...info }) => info);

export type { Rule, RuleInfo };
