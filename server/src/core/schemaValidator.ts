/**
 * The plan schema's validator. Here it is compiled with ajv on first use, as
 * the sources run under tsx (tests, scripts). The build never ships this file:
 * esbuild.mjs bundles in its place the same validator generated ahead of time
 * as ajv standalone code (scripts/build/planValidator.mjs), so the CLI and the
 * server load no schema compiler. tests/core/schemaValidator.test.ts proves
 * that both report the same errors.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import planSchema from '../../../schemas/equality-plan.schema.json';

/** The ajv options both validators are made with (every error, with the data and schema that failed). */
export const PLAN_VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

let validator: ValidateFunction | undefined;

/** The compiled validator of the plan format's JSON Schema: built once per process. */
export function planValidator(): ValidateFunction {
  validator ??= new Ajv2020(PLAN_VALIDATOR_OPTIONS).compile(planSchema);
  return validator;
}
