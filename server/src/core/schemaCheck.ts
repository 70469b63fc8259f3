import type { ErrorObject } from 'ajv/dist/2020';
import planSchema from '../../../schemas/equality-plan.schema.json';
import { describeDue, parseDue, readCouncilDue, suggestIsoDay, whyNotARealDay } from './dates';
import type { PlanEdits } from './edits';
import { isDict, type PlanModel } from './model';
import { ownEntry } from './own';
import { pathToPointer, pointerToPath, type NodePath } from './parse';
import type { RawFinding } from './rules/rule';
import { planValidator } from './schemaValidator';
import type { Fix } from './types';
import { closest, orList, possessive } from './words';

/** The plan format's JSON Schema, as data. */
export const PLAN_SCHEMA = planSchema as Record<string, unknown>;

/** Fields that have their own rule when missing or empty: never `schema` findings. */
const OWN_RULE_FIELDS = new Set(['owner', 'due', 'measure', 'rag']);
const DATE_FIELDS = new Set(['date', 'asOf', 'start', 'end']);

const REQUIRED_HINTS: Record<string, string> = {
  action: 'Add `action:` saying what will be done.',
  title: 'Add a short `title:`.',
  organisation: 'Add `organisation:` with the name of the council or public body.',
  objectives: 'Add `objectives:` with at least one objective and its actions.',
  actions: 'Add `actions:` (it may be an empty list, `actions: []`).',
  milestones: 'Add `milestones:` with at least one value to reach by a date.',
  direction: 'Add `direction: up` if higher is better, or `direction: down` if lower is better.',
  name: 'Add `name:` with the person or service it stands for.',
  date: 'Add `date:` in the form YYYY-MM-DD.',
  value: 'Add `value:` with the number.',
};

/** What to write in a required text field that is empty (`title: ""`). */
const EMPTY_HINTS: Record<string, string> = {
  organisation: 'Write the name of the council or public body.',
  action: 'Write what will be done.',
  name: 'Write the name of the team, board or officer as it should appear in reports.',
};

/** What to do about a number outside its range. */
const RANGE_HINTS: Record<string, string> = {
  tolerance: 'Write how far behind its trajectory the target may be and still count as on track, or leave `tolerance` out for none.',
};

/** The kind of item a path ends in: `objective`, `action`, `target` or undefined. */
function itemKind(path: NodePath): 'objective' | 'action' | 'target' | undefined {
  if (path[0] === 'objectives' && path.length === 2) return 'objective';
  if (path[0] === 'objectives' && path[2] === 'actions' && path.length === 4) return 'action';
  if (path[0] === 'targets' && path.length === 2) return 'target';
  return undefined;
}

/** Asks for an id in the style of the item's kind: objectives `P1`, actions `1a`, targets `T1`. */
function idHint(item: NodePath, ask = 'Give it an `id:`'): string {
  const kind = itemKind(item);
  const example = kind === 'objective' ? '`P1` or `EO1`' : kind === 'target' ? '`T1` or `workforce-ethnic-minority`' : '`1a`';
  return `${ask} that no other ${kind ?? 'item of its kind'} uses (for example ${example}).`;
}

function emptyHint(path: NodePath, field: string): string {
  if (field === 'id') return idHint(path.slice(0, -1), 'Write an id');
  if (field === 'title') {
    const kind = itemKind(path.slice(0, -1));
    if (kind === 'objective') return 'Write the objective as the plan words it.';
    if (kind === 'target') return 'Write what is measured, in words.';
    return 'Write the name of the plan as published.';
  }
  return ownEntry(EMPTY_HINTS, field) ?? 'Fill it in.';
}

/** Common wrong field names, mapped to the fields that may have been meant (the first one the item allows wins). */
const FIELD_SYNONYMS: Record<string, string[]> = {
  deadline: ['due'], 'by-when': ['due'], by_when: ['due'], bywhen: ['due'], 'due-date': ['due'], due_date: ['due'], duedate: ['due'], date: ['due'],
  lead_officer: ['owner', 'lead'], 'lead-officer': ['owner', 'lead'], responsible: ['owner', 'lead'], responsible_officer: ['owner', 'lead'],
  'responsible-officer': ['owner', 'lead'], officer: ['owner', 'lead'], lead_service: ['owner', 'lead'], lead: ['owner'], owner: ['lead'],
  success_measure: ['measure'], measure_of_success: ['measure'], measures: ['measure'], kpi: ['measure'], success: ['measure'],
  desired_outcome: ['outcome'], outcomes: ['outcome'], ref: ['id'], reference: ['id'], rating: ['rag'], progress: ['updates'], notes: ['updates'],
  supporting: ['support'], supporting_services: ['support'], characteristic: ['characteristics'], protected_characteristics: ['characteristics'],
  name: ['title'], objective: ['title'], priority: ['title'], organization: ['organisation'], council: ['organisation'],
};

const VALUE_SYNONYMS: Record<string, string> = {
  complete: 'done', completed: 'done', finished: 'done', achieved: 'done', closed: 'done',
  'in progress': 'in-progress', inprogress: 'in-progress', started: 'in-progress', ongoing: 'in-progress', 'on track': 'in-progress',
  'not started': 'not-started', notstarted: 'not-started', planned: 'not-started',
  cancelled: 'dropped', canceled: 'dropped', withdrawn: 'dropped', abandoned: 'dropped', removed: 'dropped',
  r: 'red', a: 'amber', g: 'green', gren: 'green', grean: 'green', yellow: 'amber', orange: 'amber', ambre: 'amber',
  ethnicity: 'race', ethnic: 'race', gender: 'sex', religion: 'religion-belief', belief: 'religion-belief', faith: 'religion-belief',
  sexuality: 'sexual-orientation', 'sexual orientation': 'sexual-orientation', transgender: 'gender-reassignment', trans: 'gender-reassignment',
  'gender reassignment': 'gender-reassignment', pregnancy: 'pregnancy-maternity', maternity: 'pregnancy-maternity', marriage: 'marriage-civil-partnership',
  disabled: 'disability', carer: 'carers', veterans: 'armed-forces', 'armed forces': 'armed-forces', 'care leavers': 'care-experienced',
  'socio economic': 'socio-economic', poverty: 'socio-economic',
};

export type LabelOf = (path: NodePath) => string;

/** "Action 2c" -> "action 2c", for a label in the middle of a sentence; ids keep their case. */
function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** What one entry of a list field is called in messages ("Progress update 2"), by the list's field name. */
const ENTRY_NAMES: Record<string, string> = {
  updates: 'Progress update',
  support: 'Supporting service',
  tags: 'Tag',
  characteristics: 'Characteristic',
  aspirations: 'Aspiration',
  milestones: 'Milestone',
  actuals: 'Measured value',
};

/** Names of single nested items ("the baseline of target T1"). */
const PART_NAMES: Record<string, string> = { baseline: 'The baseline', benchmark: 'The benchmark' };

/** Matches the labels `entryLabel` makes. */
const ENTRY_LABEL = new RegExp(`^(?:(?:${Object.values(ENTRY_NAMES).join('|')}) \\d+|${Object.values(PART_NAMES).join('|')}) of `);

/**
 * The label of the item at `path` inside the item labelled `parent`:
 * "Progress update 2 of action 1a", "The baseline of target T1"; else the parent's.
 */
function entryLabel(parent: string, rest: NodePath): string {
  const [field, index] = rest;
  if (typeof field === 'string' && typeof index === 'number' && ownEntry(ENTRY_NAMES, field)) return `${ownEntry(ENTRY_NAMES, field)} ${index + 1} of ${lowerFirst(parent)}`;
  if (typeof field === 'string' && ownEntry(PART_NAMES, field)) return `${ownEntry(PART_NAMES, field)} of ${lowerFirst(parent)}`;
  return parent;
}

/**
 * "Action 2c", "Objective P1", "Progress update 2 of action 1a", "Milestone 1
 * of target T1", "Owner `hr`", "The plan": the innermost item that holds a path.
 */
export function makeLabeller(plan: PlanModel | undefined): LabelOf {
  return (path) => {
    if (!plan) return 'The plan';
    if (path[0] === 'objectives' && typeof path[1] === 'number') {
      const o = plan.objectives.find((x) => x.index === path[1]);
      const objective = o?.label ?? `Objective ${path[1] + 1}`;
      if (path[2] === 'actions' && typeof path[3] === 'number') {
        const a = o?.actions.find((x) => x.index === path[3]);
        return entryLabel(a?.label ?? `Action ${path[3] + 1} of ${lowerFirst(objective)}`, path.slice(4));
      }
      return entryLabel(objective, path.slice(2));
    }
    if (path[0] === 'targets' && typeof path[1] === 'number') {
      return entryLabel(plan.targets.find((x) => x.index === path[1])?.label ?? `Target ${path[1] + 1}`, path.slice(2));
    }
    if (path[0] === 'owners' && path.length >= 2) return `Owner \`${String(path[1])}\``;
    if (path[0] === 'period') return 'The plan period';
    return 'The plan';
  };
}

/** "Action 1a's `rag`", or "`rag` in progress update 2 of action 1a" where a possessive would be ambiguous. */
function fieldOf(where: string, field: string): string {
  return ENTRY_LABEL.test(where) ? `\`${field}\` in ${lowerFirst(where)}` : `${possessive(where)} \`${field}\``;
}

function fieldName(path: NodePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'value';
}

function showValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'string') return v === '' ? 'empty text' : `\`${v}\``;
  if (typeof v === 'boolean') return `\`${v}\` (YAML reads yes/no/true/false as a yes-or-no value; put it in quotes if you mean the word)`;
  return `\`${String(v)}\``;
}

function typeName(t: unknown, field: string): string {
  const types = Array.isArray(t) ? t.filter((x) => x !== 'null') : [t];
  if (types.includes('string') && types.includes('integer')) return field === 'id' ? 'a short id such as `1a`' : 'text';
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number (digits only, no % or £ sign)',
    integer: 'a whole number',
    array: 'a list (each item on its own line starting with `- `)',
    object: 'a set of fields',
    boolean: 'true or false',
  };
  return orList(types.map((x) => ownEntry(names, String(x)) ?? String(x)));
}

interface MappedError {
  key: string;
  finding: RawFinding;
}

function mapError(e: ErrorObject, root: unknown, label: LabelOf, src: EditsSource): MappedError | undefined {
  const path = pointerToPath(e.instancePath);
  const where = label(path);
  const field = fieldName(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const prop = String(params.missingProperty);
      if (OWN_RULE_FIELDS.has(prop)) return undefined;
      if (path.length === 0 && prop === 'eqplan') {
        return { key: `${e.instancePath}|required|${prop}`, finding: { message: 'The file has no `eqplan: 1` line. Add it as the first line so tools know this is an equality plan (format version 1).', path: [], at: 'item', fixes: [] } };
      }
      const hint = prop === 'id' ? idHint(path) : ownEntry(REQUIRED_HINTS, prop) ?? '';
      return {
        key: `${e.instancePath}|required|${prop}`,
        finding: { message: `${where} has no \`${prop}\`. ${hint}`.trim(), path, at: 'item' },
      };
    }
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parent?.properties ?? {});
      let meant = (ownEntry(FIELD_SYNONYMS, prop) ?? ownEntry(FIELD_SYNONYMS, prop.toLowerCase()) ?? []).find((k) => known.includes(k));
      meant ??= known.find((k) => k.toLowerCase() === prop.toLowerCase()) ?? closest(prop, known, prop.length > 4 ? 2 : 1);
      const objectValue = isDict(e.data) ? e.data : {};
      const clash = meant !== undefined && Object.hasOwn(objectValue, meant);
      const hint = meant && !clash ? ` Did you mean \`${meant}\`?` : '';
      const fieldPath = [...path, prop];
      return {
        key: `${e.instancePath}|additional|${prop}`,
        finding: {
          message: `${where} has a field \`${prop}\` that eqplan does not know.${hint} Fields for local use must start with \`x-\`.`,
          path: fieldPath,
          at: 'key',
          explainsMissing: meant && !clash ? { item: pathToPointer(path), field: meant } : undefined,
          fixes: () => [
            meant && !clash ? src.edits.fix(`Rename \`${prop}\` to \`${meant}\``, [src.edits.renameKey(fieldPath, meant)], false, true) : undefined,
            src.edits.fix(`Rename \`${prop}\` to \`x-${prop}\` (keep it as a local field)`, [src.edits.renameKey(fieldPath, `x-${prop}`)], false),
          ],
        },
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null).map(String);
      const raw = e.data;
      // A list or a set of fields where one value belongs: say what was found, and offer no value to change it to.
      const scalar = raw === null || typeof raw !== 'object';
      const text = typeof raw === 'string' ? raw : scalar ? String(raw) : '';
      const found = scalar ? `\`${text}\`` : showValue(raw);
      const normal = text.trim().toLowerCase();
      const direct = scalar ? allowed.find((a) => a === normal || a === normal.replace(/\s+/g, '-')) : undefined;
      const synonym = ownEntry(VALUE_SYNONYMS, normal);
      const fix = scalar ? direct ?? (synonym && allowed.includes(synonym) ? synonym : undefined) ?? closest(normal, allowed, 1) : undefined;
      const isCharacteristic = path.includes('characteristics');
      const message = isCharacteristic
        ? `${found.charAt(0).toUpperCase()}${found.slice(1)} is not one of the protected characteristics eqplan knows. Use one of: ${allowed.join(', ')}.`
        : `${fieldOf(where, field)} must be ${orList(allowed)}, not ${found}.`;
      return {
        key: `${e.instancePath}|enum`,
        finding: {
          message: fix ? `${message} Did you mean \`${fix}\`?` : message,
          path,
          fixes: fix ? () => [src.edits.fix(`Change to \`${fix}\``, [src.edits.replaceValue(path, fix)], fix === direct, true)] : [],
        },
      };
    }
    case 'const':
      return { key: `${e.instancePath}|const`, finding: { message: `\`${field}\` must be 1, the version of the plan format this file follows.`, path, fixes: () => [src.edits.fix('Change to 1', [src.edits.replaceValue(path, '1')], false, true)] } };
    case 'type': {
      if (OWN_RULE_FIELDS.has(field) && (e.data === '' || e.data === null)) return undefined;
      // A list entry of the wrong type is named itself ("Progress update 2 of action 1a"), not after its list.
      const entry = typeof path[path.length - 1] === 'number';
      let message = entry
        ? `${where} should be ${typeName(params.type, field)}, not ${showValue(e.data)}.`
        : `\`${field}\` in ${lowerFirst(where)} should be ${typeName(params.type, field)}, not ${showValue(e.data)}.`;
      if (field === 'owner' && Array.isArray(e.data)) message += ' Give one owner here and list the others under `support:`.';
      if (field === 'id' && typeof e.data === 'number') {
        const written = src.edits.sourceText(path);
        return {
          key: `${e.instancePath}|type`,
          finding: {
            message: `${where} has the id \`${written}\`, which YAML reads as a number (so \`1.10\` would become \`1.1\`). Put it in quotes: \`"${written}"\`.`,
            path,
            fixes: () => [src.edits.fix(`Put the id in quotes`, [src.edits.replaceValue(path, `"${written}"`)], true, true)],
          },
        };
      }
      if (path.length === 0) message = 'The file must be a plan: a set of fields starting with `eqplan: 1`, `organisation:`, `title:` and `objectives:`, not a list or a single value.';
      return { key: `${e.instancePath}|type`, finding: { message, path } };
    }
    case 'pattern': {
      if (!(typeof e.data === 'string')) return undefined;
      if (OWN_RULE_FIELDS.has(field) && e.data.trim() === '') return undefined;
      return { key: `${e.instancePath}|pattern`, finding: dateFinding(path, field, e.data, where, src) };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return {
        key: `${e.instancePath}|names|${name}`,
        finding: {
          message: `Owner id \`${name}\` can only use letters, digits, dots, dashes and underscores. Use an id such as \`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}\` and put the full name under \`name:\`.`,
          path: [...path, name],
          at: 'key',
        },
      };
    }
    case 'minimum':
    case 'maximum':
      if (field === 'due') return { key: `${e.instancePath}|pattern`, finding: dateFinding(path, field, String(e.data), where, src) };
      return {
        key: `${e.instancePath}|range`,
        finding: { message: `\`${field}\` in ${lowerFirst(where)} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, not ${showValue(e.data)}. ${ownEntry(RANGE_HINTS, field) ?? ''}`.trim(), path },
      };
    case 'minItems':
      return { key: `${e.instancePath}|minItems`, finding: { message: `\`${field}\`${path.length > 1 ? ` in ${lowerFirst(where)}` : ''} needs at least ${String(params.limit)} ${field === 'objectives' ? 'objective' : field === 'milestones' ? 'milestone' : 'item'}. ${ownEntry(REQUIRED_HINTS, field) ?? ''}`.trim(), path } };
    case 'minLength':
      return { key: `${e.instancePath}|minLength`, finding: { message: `\`${field}\` in ${lowerFirst(where)} is empty. ${emptyHint(path, field)}`, path } };
    default:
      return { key: `${e.instancePath}|${e.keyword}`, finding: { message: `\`${field}\` in ${lowerFirst(where)} does not fit the plan format. Compare it with the example in the eqplan README.`, path } };
  }
}

/** " (the end of April–June 2023, quarter 1 of the 2023/24 financial year)": what a canonical deadline means, and how a phrase was read. */
function readsAs(canonical: string, note: string | undefined): string {
  const meaning = parseDue(canonical);
  if (meaning.kind !== 'date') return '';
  return ` (${describeDue(meaning)}${note ? `, ${note}` : ''})`;
}

/** The finding for a date written in a form eqplan does not read, with a rewrite when the phrase is recognised. */
function dateFinding(path: NodePath, field: string, raw: string, where: string, src: EditsSource): RawFinding {
  const whose = possessive(where);
  if (field === 'due') {
    const due = parseDue(raw);
    const council = due.kind === 'invalid' && due.suggestion ? readCouncilDue(raw) : undefined;
    if (council) {
      const suggestion = council.due;
      const reads = readsAs(suggestion, council.note);
      return {
        message: `${whose} deadline \`${raw}\` is not written in a form eqplan reads. Write it as \`${suggestion}\`${reads}.`,
        path,
        fixes: () => [src.edits.fix(`Change the deadline to ${suggestion}`, [src.edits.replaceValue(path, suggestion)], true, true)],
      };
    }
    return {
      message: `${whose} deadline \`${raw}\` is not a date eqplan can read. Write a day as YYYY-MM-DD, a month as YYYY-MM, a quarter as YYYY-Q1 to YYYY-Q4, a year as YYYY, or \`ongoing\` or \`tbc\`.`,
      path,
    };
  }
  const suggestion = DATE_FIELDS.has(field) ? suggestIsoDay(raw) : undefined;
  if (suggestion) {
    // Only a financial-year phrase needs its reading explained ("31.3.23" speaks for itself).
    const council = readCouncilDue(raw);
    return {
      message: `\`${field}\` \`${raw}\` in ${lowerFirst(where)} must be a day written YYYY-MM-DD. Write it as \`${suggestion}\`${council?.note ? readsAs(council.due, council.note) : ''}.`,
      path,
      fixes: () => [src.edits.fix(`Change the date to ${suggestion}`, [src.edits.replaceValue(path, suggestion)], true, true)],
    };
  }
  return { message: `\`${field}\` \`${raw}\` in ${lowerFirst(where)} must be a day written YYYY-MM-DD, for example 2024-03-31.`, path };
}

/** Dates that match the pattern but name no real day (30 Feb, month 13). The path is built only for a hit. */
function impossibleDates(root: unknown, label: LabelOf, src: EditsSource, base: NodePath = [], skip?: (path: NodePath) => boolean): RawFinding[] {
  const out: RawFinding[] = [];
  const path: (string | number)[] = [...base];
  const problem = (k: string, x: string): string | RawFinding | undefined => {
    if (!/^\d{4}-\d{2}(?:-\d{2})?$/.test(x)) return undefined;
    if (k === 'due') {
      const d = parseDue(x);
      if (d.kind !== 'invalid') return undefined;
      // `2022-23` fits the pattern of a month but is a financial year: offer the rewrite.
      return d.suggestion ? dateFinding([...path, k], k, x, label(path), src) : d.reason;
    }
    return whyNotARealDay(x);
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        if (!skip?.(path)) visit(v[i]);
        path.pop();
      }
      return;
    }
    if (!isDict(v)) return;
    for (const k in v) {
      const x = v[k];
      if (typeof x === 'string') {
        if (!DATE_FIELDS.has(k) && k !== 'due') continue;
        const bad = problem(k, x);
        if (typeof bad === 'object') out.push(bad);
        else if (bad) {
          const where = label(path);
          out.push({ message: `\`${k}\` \`${x}\` in ${lowerFirst(where)} is not a real date: ${bad}. Check the day and month.`, path: [...path, k] });
        }
      } else if (typeof x === 'object' && x !== null && !k.startsWith('x-')) {
        path.push(k);
        if (!skip?.(path)) visit(x);
        path.pop();
      }
    }
  };
  visit(root);
  return out;
}

/** Where fixes get their edits: read when a fix is asked for, so a finding kept from an earlier check makes its fixes on the current text. */
export interface EditsSource {
  readonly edits: PlanEdits;
}

/** The validator's errors for a whole plan value (empty when it fits the format). */
export function validatePlanValue(root: unknown): ErrorObject[] {
  const validate = planValidator();
  return validate(root) ? [] : [...(validate.errors ?? [])];
}

/**
 * The validator's errors for one objective (with its actions), one action or
 * one target, with their paths in the plan, in the order a validation of the
 * whole plan lists them. The item is validated inside a plan that holds only
 * it (the one validator, at the same place in the schema); errors outside
 * the item are dropped.
 */
export function validatePlanItem(path: readonly [string, number] | readonly [string, number, string, number], value: unknown): ErrorObject[] {
  const wrapped = path.length === 4 ? { objectives: [{ actions: [value] }] } : path[0] === 'targets' ? { targets: [value] } : { objectives: [value] };
  const inner = path.length === 4 ? '/objectives/0/actions/0' : `/${path[0]}/0`;
  const real = pathToPointer(path);
  const out: ErrorObject[] = [];
  for (const e of validatePlanValue(wrapped)) {
    const p = e.instancePath;
    if (p !== inner && !p.startsWith(`${inner}/`)) continue;
    out.push({ ...e, instancePath: real + p.slice(inner.length) });
  }
  return out;
}

/**
 * Turns validator errors (of one item, or of the whole plan) into one
 * plain-English finding per problem, on the narrowest node. Missing or empty
 * `owner`, `due`, `measure` and `rag` are left to their own rules.
 */
export function schemaFindings(errors: readonly ErrorObject[], root: unknown, label: LabelOf, src: EditsSource): RawFinding[] {
  const findings: RawFinding[] = [];
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) continue;
    if (e.keyword === 'pattern' && e.propertyName !== undefined) continue; // reported as propertyNames
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const mapped = mapError(e, root, label, src);
    if (!mapped || seen.has(mapped.key)) continue;
    seen.add(mapped.key);
    findings.push(mapped.finding);
  }
  return findings;
}

/**
 * Dates in a value that fit the format's pattern but name no real day (30
 * Feb, month 13). `base` is the value's path in the plan; `skip` leaves out
 * parts checked on their own (the items of a plan checked item by item).
 */
export function impossibleDateFindings(value: unknown, base: NodePath, label: LabelOf, src: EditsSource, skip?: (path: NodePath) => boolean): RawFinding[] {
  return impossibleDates(value, label, src, base, skip);
}

/**
 * Validates the plan's value against the JSON Schema and turns each problem
 * into one plain-English finding on the narrowest node. Missing or empty
 * `owner`, `due`, `measure` and `rag` are left to their own rules.
 */
export function checkSchema(root: unknown, plan: PlanModel | undefined, edits: PlanEdits): RawFinding[] {
  const label = makeLabeller(plan);
  const src = { edits };
  return [...schemaFindings(validatePlanValue(root), root, label, src), ...impossibleDates(root, label, src)];
}

export { pathToPointer };
