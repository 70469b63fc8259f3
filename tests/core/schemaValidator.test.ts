/**
 * The bundles carry the plan schema's validator precompiled (ajv standalone
 * code, scripts/build/planValidator.mjs); the sources compile it at run time
 * (server/src/core/schemaValidator.ts). Both must report the same errors, or
 * the CLI and the server would find other problems than the tests see.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020';
import { parse, parseDocument } from 'yaml';
import { PLAN_VALIDATOR_OPTIONS as BUILD_OPTIONS, standaloneValidatorSource } from '../../scripts/build/planValidator.mjs';
import { PLAN_VALIDATOR_OPTIONS, planValidator } from '../../server/src/core/schemaValidator';
import { generatePlan } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..', '..');

function precompiled(): ValidateFunction {
  const module = { exports: {} as unknown };
  const load = new Function('module', 'exports', 'require', standaloneValidatorSource(path.join(ROOT, 'schemas', 'equality-plan.schema.json')));
  load(module, module.exports, createRequire(path.join(ROOT, 'package.json')));
  return module.exports as ValidateFunction;
}

function plans(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const dir of ['samples', 'samples/broken', 'tests/cli/fixtures']) {
    for (const name of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.yaml'))) {
      // A file with YAML syntax errors never reaches the schema check.
      const doc = parseDocument(readFileSync(path.join(ROOT, dir, name), 'utf8'), { uniqueKeys: false });
      if (doc.errors.length === 0) out.push([`${dir}/${name}`, doc.toJS()]);
    }
  }
  out.push(['generated', parse(generatePlan(2, 5))]);
  // Values of every wrong kind at every level.
  const broken = parse(generatePlan(1, 2)) as Record<string, unknown>;
  out.push(['not a plan', [1, 2]], ['empty', null], ['text', 'eqplan: 1']);
  out.push(['wrong fields', { ...broken, eqplan: 2, organisation: '', objectives: [{ id: 1.1, title: 3, lead: ['a'], actions: [{ action: '', due: 'soon', rag: 'blue', status: 'complete', extra: true }] }], owners: { 'Bad Name': {} }, targets: [{ id: 'T', milestones: [], direction: 'sideways', tolerance: -1 }] }]);
  return out;
}

describe('the precompiled plan validator', () => {
  it('is made with the options the run-time validator uses', () => {
    assert.deepEqual(BUILD_OPTIONS, PLAN_VALIDATOR_OPTIONS);
  });

  it('reports the same errors as the run-time validator on every sample and on broken plans', () => {
    const built = precompiled();
    const runtime = planValidator();
    let errors = 0;
    for (const [name, value] of plans()) {
      const a = built(value);
      const b = runtime(value);
      assert.equal(a, b, name);
      assert.deepStrictEqual(built.errors ?? null, runtime.errors ?? null, name);
      errors += runtime.errors?.length ?? 0;
    }
    assert.ok(errors > 20, `the plans exercise the schema (${errors} errors)`);
  });
});
