/** `eqplan/summary`: the engine's plan summary of the document's current version (what the preview draws). */
import type { PlanSummary } from '../core';
import type { PlanContext } from './context';

export function planSummary(ctx: PlanContext): PlanSummary | null {
  return ctx.result.summary ?? null;
}
