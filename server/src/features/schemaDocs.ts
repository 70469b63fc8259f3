/**
 * Reading the plan format's JSON Schema as documentation: the schema of the
 * field at a path, its allowed keys, enum values and a Markdown description.
 */
import { PLAN_SCHEMA } from '../core';

export type SchemaNode = Record<string, unknown>;

const defs = (PLAN_SCHEMA.$defs ?? {}) as Record<string, SchemaNode>;

/** Follows `$ref`; the referring schema's own title/description/examples win. */
export function resolveSchema(schema: SchemaNode | undefined): SchemaNode | undefined {
  if (!schema) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = resolveSchema(defs[ref.replace(/^#\/\$defs\//, '')]);
  const { $ref: _ref, ...own } = schema;
  return { ...target, ...own };
}

/**
 * The schema of the node at a path of keys and list positions (numbers or
 * `*`), e.g. ['objectives', 0, 'actions', '*', 'due']. Undefined for paths
 * the format does not describe (unknown keys, `x-` keys).
 */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let schema: SchemaNode | undefined = PLAN_SCHEMA;
  for (const step of path) {
    schema = resolveSchema(schema);
    if (!schema) return undefined;
    if (typeof step === 'number' || step === '*') {
      schema = schema.items as SchemaNode | undefined;
    } else {
      const props = schema.properties as Record<string, SchemaNode> | undefined;
      // `step` is a key from the plan: only the schema's own properties count (`constructor` is not a field).
      if (props && Object.hasOwn(props, step)) schema = props[step];
      else if (typeof schema.additionalProperties === 'object') schema = schema.additionalProperties as SchemaNode;
      else return undefined;
    }
  }
  return resolveSchema(schema);
}

/** The keys a mapping at this path may hold, with their schemas, in schema order. */
export function propertiesAt(path: readonly (string | number)[]): [string, SchemaNode][] {
  const schema = schemaAt(path);
  const props = schema?.properties as Record<string, SchemaNode> | undefined;
  if (!props) return [];
  return Object.entries(props).map(([k, v]) => [k, resolveSchema(v) ?? v]);
}

export function requiredAt(path: readonly (string | number)[]): string[] {
  const r = schemaAt(path)?.required;
  return Array.isArray(r) ? r.map(String) : [];
}

/** Allowed values of an enum field (or of the items of a list of enum values). */
export function enumValues(schema: SchemaNode | undefined): string[] {
  if (!schema) return [];
  const direct = schema.enum;
  if (Array.isArray(direct)) return direct.filter((v) => v !== null).map(String);
  const items = resolveSchema(schema.items as SchemaNode | undefined);
  if (items && Array.isArray(items.enum)) return items.enum.filter((v) => v !== null).map(String);
  return [];
}

/** What kind of value a field holds, for choosing how to insert it. */
export function valueShape(schema: SchemaNode | undefined): 'list-of-fields' | 'list' | 'fields' | 'value' {
  if (!schema) return 'value';
  const type = schema.type;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('array')) {
    const items = resolveSchema(schema.items as SchemaNode | undefined);
    return items && (items.type === 'object' || items.properties) ? 'list-of-fields' : 'list';
  }
  if (types.includes('object') || schema.properties || typeof schema.additionalProperties === 'object') return 'fields';
  return 'value';
}

function exampleText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Markdown documentation of a field: its title, description, allowed values and an example. */
export function fieldDocumentation(key: string, schema: SchemaNode | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  const title = typeof schema.title === 'string' ? schema.title : key;
  parts.push(`**${title}** (\`${key}\`)`);
  if (typeof schema.description === 'string') parts.push(schema.description);
  const values = enumValues(schema);
  if (values.length > 0) parts.push(`Allowed values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  const examples = Array.isArray(schema.examples) ? schema.examples.filter((e) => typeof e !== 'object' || e === null) : [];
  if (examples.length > 0 && values.length === 0) parts.push(`For example: ${examples.slice(0, 3).map((e) => `\`${exampleText(e)}\``).join(', ')}`);
  return parts.join('\n\n');
}
