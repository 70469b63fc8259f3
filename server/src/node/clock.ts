/**
 * The one clock: core has none, so every front door (the CLI, the language
 * server) asks here for "today" and passes it to the check as `localToday`.
 */
import { localIsoDate } from '../core';

/** Today's local calendar date, `YYYY-MM-DD`. */
export function localToday(): string {
  return localIsoDate(new Date());
}
