import type { Rule } from './rule';

/** Metadata of the structure check; `schemaCheck.ts` reports these findings from the JSON Schema. */
export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  safeFixes: true,
  title: 'Does not fit the plan format',
  description: 'The plan breaks the format in `schemas/equality-plan.schema.json`: a field of the wrong type, an unknown field (local extras must start with `x-`), a value outside its list (RAG, status, characteristics), or a date not written in a form eqplan reads. Council date phrases such as `Nov 22` come with a fix.',
  example: "Action 1a's deadline `Nov 22` is not written in a form eqplan reads. Write it as `2022-11` (the end of Nov 2022).",
};
