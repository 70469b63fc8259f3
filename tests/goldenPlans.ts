/**
 * The plans that have goldens beside them: every plan in `samples/` and in
 * each `fixtures` folder under `tests/` (a plan is a `*.eqplan.yaml` or
 * `*.eqplan.yml` file; config files and other fixtures are not plans).
 * Shared by the findings goldens (tests/golden.test.ts) and the summary
 * goldens (tests/report/golden.test.ts), so both cover the same files.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..');

/** "Today" for the goldens of a plan without its own `asOf`. */
export const GOLDEN_TODAY = '2024-01-31';

const PLAN = /\.eqplan\.ya?ml$/;

function plansUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return plansUnder(p);
      return PLAN.test(name) ? [p] : [];
    });
}

function fixtureFolders(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (!statSync(p).isDirectory() || name === 'node_modules') return [];
      return name === 'fixtures' ? [p] : fixtureFolders(p);
    });
}

/** Absolute paths of the samples, then the test fixtures. */
export function goldenPlans(): string[] {
  return [join(REPO, 'samples'), ...fixtureFolders(join(REPO, 'tests'))].flatMap(plansUnder);
}

/** Where a plan's golden of one kind lives: beside it, `<name>.eqplan.<kind>.json`. */
export function goldenBeside(plan: string, kind: 'expected' | 'summary'): string {
  return plan.replace(/\.ya?ml$/, `.${kind}.json`);
}
