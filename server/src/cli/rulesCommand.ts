/** `eqplan rules`: every check with its id, default severity and what it looks for. */
import { RULES } from '../core';
import type { RulesArgs } from './args';
import { EXIT_OK } from './errors';

export function runRules(args: RulesArgs): number {
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}`);
  lines.push('', 'Change a severity or turn a check off in .eqplanrc.yaml, e.g. `rules: { stale-update: off }`.');
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
