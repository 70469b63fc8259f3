// The plan schema's validator as ajv "standalone" code: JavaScript generated at
// build time from schemas/equality-plan.schema.json, so the CLI and the server
// never compile the schema (ajv's compiler is a quarter of a one-plan check's
// time). esbuild.mjs puts it in place of server/src/core/schemaValidator.ts,
// which compiles the same schema with the same options at run time (tests run
// the sources with tsx). tests/core/schemaValidator.test.ts proves the two
// report the same errors.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';

/** The options of server/src/core/schemaValidator.ts (`PLAN_VALIDATOR_OPTIONS`); the test checks they agree. */
export const PLAN_VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: false };

/** CommonJS source whose `module.exports` is the validate function for the schema in `schemaFile`. */
export function standaloneValidatorSource(schemaFile) {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv2020.default({ ...PLAN_VALIDATOR_OPTIONS, code: { source: true } });
  return standaloneCode.default(ajv, ajv.compile(schema));
}

/**
 * The module esbuild bundles in place of schemaValidator.ts: the same exports,
 * with the validator already compiled.
 */
export function bundledValidatorModule(schemaFile) {
  return [
    '// Generated at build time by scripts/build/planValidator.mjs from the plan schema.',
    'const module = { exports: {} };',
    standaloneValidatorSource(schemaFile),
    'const validate = module.exports;',
    `export const PLAN_VALIDATOR_OPTIONS = ${JSON.stringify(PLAN_VALIDATOR_OPTIONS)};`,
    'export function planValidator() { return validate; }',
    '',
  ].join('\n');
}
