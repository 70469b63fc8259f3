// The schema given to the Red Hat YAML extension through `yamlValidation`.
//
// eqplan reports every problem in a plan itself (with plain-English messages,
// quick fixes and the same results as the CLI). If the Red Hat YAML extension
// validated the full schema as well, each schema problem would be reported
// twice. So the schema contributed to it keeps what helps while typing —
// property names, titles, descriptions, defaults, examples (enum values become
// examples, so they are still offered as completions) — and drops every
// keyword that can make a document invalid. Red Hat YAML then gives
// completion and hovers from it and never a diagnostic.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const VALIDATION_KEYWORDS = new Set([
  'type', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'unevaluatedProperties',
  'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains', 'minProperties',
  'maxProperties', 'dependentRequired', 'dependentSchemas', 'not', 'if', 'then', 'else', 'const', 'enum',
  'unevaluatedItems', 'additionalItems', 'errorMessage',
]);

/** Returns a copy of `schema` that describes but never rejects. */
export function lenientSchema(schema) {
  if (Array.isArray(schema)) return schema.map(lenientSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION_KEYWORDS.has(key)) continue;
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lenientSchema(v)]));
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      // With the constraints gone every branch would match; "oneOf" would then fail. anyOf never does.
      out.anyOf = [...(out.anyOf ?? []), ...value.map(lenientSchema)];
    } else if (key === 'items' || key === 'prefixItems') {
      out[key] = lenientSchema(value);
    } else if (key === 'examples' || key === 'default' || key === 'defaultSnippets') {
      out[key] = value;
    } else if (value && typeof value === 'object') {
      out[key] = lenientSchema(value);
    } else {
      out[key] = value;
    }
  }
  const choices = [...(Array.isArray(schema.enum) ? schema.enum : []), ...('const' in schema ? [schema.const] : [])];
  if (choices.length) out.examples = [...new Set([...choices, ...(out.examples ?? [])])];
  if (schema.$schema) out.$comment = 'Generated from equality-plan.schema.json for editor completion and hovers only; eqplan itself reports every problem.';
  return out;
}

/** Writes the lenient copy of `from` to `to`. */
export function writeEditorSchema(from, to) {
  const schema = JSON.parse(readFileSync(from, 'utf8'));
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, JSON.stringify(lenientSchema(schema), null, 2) + '\n');
}
