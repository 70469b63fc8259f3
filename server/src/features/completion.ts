/**
 * Completion: the keys allowed where the cursor is (with their documentation),
 * enum values, owner ids, deadlines, a next free action id, and snippets for
 * a new objective, action and target.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { buildModel, endOfMonth, endOfQuarterOf, formatUk, isoFromDay, ownerFieldAt, ownerReferences, parseIsoDay, parsePlan, quarterDueOf, resolveToday, yamlString, type PlanModel } from '../core';
import { parse as parseYaml } from 'yaml';
import { planSnapshot, type PlanContext } from './context';
import { cursorContext, entriesAlreadyInList, type CursorContext } from './cursor';
import { enumValues, fieldDocumentation, propertiesAt, requiredAt, schemaAt, valueShape } from './schemaDocs';

const DATE_FIELDS = new Set(['date', 'asOf', 'start', 'end']);

export function completion(ctx: PlanContext, requested: Position): CompletionList {
  const lines = ctx.text.split(/\r\n|\r|\n/);
  // A line past the end is not in the document; a character past the end of a line is its end (as LSP says).
  if (requested.line >= lines.length) return { isIncomplete: false, items: [] };
  const position = { line: requested.line, character: Math.min(requested.character, lines[requested.line].length) };
  ctx = withModelWhileTyping(ctx, lines, position.line);
  const cursor = cursorContext(lines, position.line, position.character);
  const items: CompletionItem[] = [];
  const range = { start: { line: position.line, character: cursor.wordStart }, end: position };
  const entry = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind,
    textEdit: { range, newText: extra.insertText ?? label },
    ...extra,
    insertText: undefined,
  });

  if (cursor.kind === 'value' && cursor.key) {
    items.push(...valueItems(ctx, cursor, cursor.key, entry, position.line));
  } else if (cursor.kind === 'item') {
    const listKey = cursor.path[cursor.path.length - 1];
    const listShape = valueShape(schemaAt(cursor.path));
    if (listShape === 'list' && listKey) items.push(...valueItems(ctx, { ...cursor, path: cursor.path.slice(0, -1) }, listKey, entry, position.line));
    else items.push(...keyItems(ctx, { ...cursor, path: [...cursor.path, '*'] }, entry), ...snippetItems(ctx, cursor.path, cursor, true, range));
  } else {
    items.push(...keyItems(ctx, cursor, entry));
    const last = cursor.path[cursor.path.length - 1];
    // Inside an item's fields (`        |` under `- id: 1a`) a new item cannot go: a snippet there would nest a list in the item.
    if (last === '*') {
      if (cursor.onDashLine) items.push(...snippetItems(ctx, cursor.path.slice(0, -1), cursor, true, range));
    } else if (valueShape(schemaAt(cursor.path)) === 'list-of-fields') items.push(...snippetItems(ctx, cursor.path, cursor, false, range));
  }
  // A list's entries are not offered again (`characteristics: [age, |` offers no second `age`).
  const listed = entriesAlreadyInList(lines, position.line, position.character, cursor);
  return { isIncomplete: false, items: listed.size > 0 ? items.filter((i) => !listed.has(i.label)) : items };
}

/**
 * Completion reads the plan model (owners, action ids, the plan's asOf)
 * without waiting for the whole text to be parsed: the server gives a
 * snapshot with this version's model when an incremental parse makes it,
 * else the model of the last version that read as a plan, because while a
 * line is half typed (`support: [`) the plan may not read as YAML and parsing
 * 10,000 lines on every keystroke would make typing lag. Only when no version
 * has read yet is the text read again without the cursor's line.
 */
function withModelWhileTyping(ctx: PlanContext, lines: string[], line: number): PlanContext {
  if (ctx.model) return ctx;
  const parsed = parsePlan(lines.map((l, i) => (i === line ? '' : l)).join('\n'));
  const model = parsed.readable ? buildModel(parsed) : undefined;
  return model ? planSnapshot({ uri: ctx.uri, version: ctx.version, text: ctx.text, options: ctx.options, parsed, model }) : ctx;
}

type Entry = (label: string, kind: CompletionItemKind, extra?: Partial<CompletionItem>) => CompletionItem;

function keyItems(ctx: PlanContext, cursor: CursorContext, entry: Entry): CompletionItem[] {
  const props = propertiesAt(cursor.path);
  const required = new Set(requiredAt(cursor.path));
  const indent = ' '.repeat(cursor.keyColumn + 2);
  return props
    .filter(([key]) => !cursor.siblings.has(key))
    .map(([key, schema], i) => {
      const shape = valueShape(schema);
      const insert = shape === 'list-of-fields' ? `${key}:\n${indent}- ` : shape === 'fields' ? `${key}:\n${indent}` : `${key}: `;
      return entry(key, CompletionItemKind.Property, {
        detail: `${typeof schema.title === 'string' ? schema.title : key}${required.has(key) ? ' (required)' : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: fieldDocumentation(key, schema) },
        insertText: insert,
        insertTextMode: InsertTextMode.asIs,
        // Required fields first, then the schema's order.
        sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
      });
    });
}

function valueItems(ctx: PlanContext, cursor: CursorContext, key: string, entry: Entry, line: number): CompletionItem[] {
  const schema = schemaAt([...cursor.path, key]);
  const values = enumValues(schema);
  if (values.length > 0) {
    return values.map((v, i) => entry(v, CompletionItemKind.EnumMember, { detail: typeof schema?.title === 'string' ? schema.title : key, sortText: String(i).padStart(3, '0') }));
  }
  if (ownerFieldAt([...cursor.path, key])) return ownerItems(ctx.model, entry);
  if (key === 'due') return dueItems(ctx.today, entry);
  if (DATE_FIELDS.has(key) && schema) return [entry(ctx.today, CompletionItemKind.Value, { detail: `${formatUk(ctx.today)} (today)` })];
  if (key === 'id' && cursor.path.length === 4 && cursor.path[2] === 'actions') {
    const id = nextActionId(ctx.model, lineObjectiveIndex(ctx, line));
    return [entry(id, CompletionItemKind.Value, { detail: 'The next free action id', preselect: true, insertText: yamlString(id) })];
  }
  if (key === 'eqplan') return [entry('1', CompletionItemKind.Value, { detail: 'Format version 1' })];
  return [];
}

function ownerItems(model: PlanModel | undefined, entry: Entry): CompletionItem[] {
  if (!model) return [];
  if (model.owners && model.owners.size > 0) {
    return [...model.owners.values()].map((o) => entry(o.id, CompletionItemKind.Reference, { detail: o.name, documentation: o.name ? `${o.name} (from the owners list)` : undefined, filterText: `${o.id} ${o.name ?? ''}` }));
  }
  // No registry: offer the owners the plan already names, so the same team is spelt the same way.
  const names = new Set(ownerReferences(model).map((r) => r.text));
  return [...names].sort().map((n) => entry(n, CompletionItemKind.Reference, { detail: 'Used elsewhere in this plan', insertText: yamlString(n) }));
}

function dueItems(today: string, entry: Entry): CompletionItem[] {
  const day = parseIsoDay(today) as number;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthEnd = isoFromDay(endOfMonth(year, month));
  const quarterEnd = isoFromDay(endOfQuarterOf(day));
  return [
    entry(today, CompletionItemKind.Value, { detail: `Today, ${formatUk(today)}`, sortText: '0' }),
    entry(today.slice(0, 7), CompletionItemKind.Value, { detail: `The end of this month (${formatUk(monthEnd)})`, sortText: '1' }),
    entry(quarterDueOf(today), CompletionItemKind.Value, { detail: `The end of this quarter (${formatUk(quarterEnd)})`, sortText: '2' }),
    entry('ongoing', CompletionItemKind.Keyword, { detail: 'Work with no end date (never overdue)', sortText: '3' }),
    entry('tbc', CompletionItemKind.Keyword, { detail: 'The date is still to be agreed', sortText: '4' }),
  ];
}

/**
 * The next id after `id` in its own pattern: 1a -> 1b, MC9b -> MC9c, 2.3 -> 2.4,
 * WF-03 -> WF-04, 7 -> 8, A -> B. A letter is counted on only where it
 * numbers the item (after a digit, or alone): `PP-apprenticeships` becomes
 * `PP-apprenticeships-2`, never `PP-apprenticeshipt`.
 */
export function successor(id: string): string {
  const num = /^(.*?)(\d+)$/s.exec(id);
  if (num) return num[1] + String(Number(num[2]) + 1).padStart(num[2].length, '0');
  const letter = /^(.*\d|)([a-y])$/is.exec(id);
  if (letter) return letter[1] + String.fromCharCode(letter[2].charCodeAt(0) + 1);
  return `${id}-2`;
}

/** The first id after `last` (in its pattern) that no item uses yet; `fallback` when there is no `last`. */
function nextFreeId(last: string | undefined, used: Set<string>, fallback: string): string {
  let candidate = last ? successor(last) : fallback;
  for (let i = 0; i < 1000 && used.has(candidate); i++) candidate = successor(candidate);
  return candidate;
}

/** Text escaped for a snippet placeholder (`$`, `}` and `\\` are snippet syntax). */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A free action id that follows the ids of the objective the cursor is in. */
export function nextActionId(model: PlanModel | undefined, objectiveIndex?: number): string {
  const used = new Set((model?.actions ?? []).map((a) => a.id).filter((x): x is string => !!x));
  const objective = objectiveIndex !== undefined ? model?.objectives.find((o) => o.index === objectiveIndex) : undefined;
  const pool = objective?.actions.length ? objective.actions : (model?.actions ?? []);
  const last = [...pool].reverse().find((a) => a.id)?.id;
  return nextFreeId(last, used, `${(objectiveIndex ?? 0) + 1}a`);
}

/** A free objective id that follows the plan's last objective id (P1, P2 -> P3; M3 -> M4); P1 in a plan with none. */
export function nextObjectiveId(model: PlanModel | undefined): string {
  const objectives = model?.objectives ?? [];
  const used = new Set(objectives.map((o) => o.id).filter((x): x is string => !!x));
  const last = [...objectives].reverse().find((o) => o.id)?.id;
  return nextFreeId(last, used, `P${objectives.length + 1}`);
}

function snippetItems(ctx: PlanContext, listPath: string[], cursor: CursorContext, dashTyped: boolean, range: { start: Position; end: Position }): CompletionItem[] {
  const listKey = listPath[listPath.length - 1];
  if (listPath.length !== 1 && !(listPath.length === 3 && listKey === 'actions')) return [];
  const model = ctx.model;
  const column = dashTyped ? cursor.keyColumn : cursor.keyColumn + 2;
  const pad = ' '.repeat(column);
  const lead = dashTyped ? '' : '- ';
  const firstOwner = model?.owners && model.owners.size > 0 ? [...model.owners.keys()][0] : 'Name of the team or officer';
  const quarter = quarterDueOf(ctx.today);
  const body = (fields: string[]) => lead + fields.join(`\n${pad}`);
  const snippet = (label: string, detail: string, fields: string[]): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: body(fields) },
    sortText: 'zz',
  });
  if (listKey === 'objectives') {
    const nextObjective = snippetText(yamlString(nextObjectiveId(model)));
    const firstAction = snippetText(yamlString(nextFreeId(undefined, new Set((model?.actions ?? []).map((a) => a.id ?? '')), `${(model?.objectives.length ?? 0) + 1}a`)));
    return [snippet('New objective', 'An objective with one action', [`id: \${1:${nextObjective}}`, 'title: ${2:What the objective is}', 'actions:', `  - id: \${3:${firstAction}}`, `    action: \${4:What will be done}`, `    owner: \${5:${firstOwner}}`, `    due: \${6:${quarter}}`, '    rag: ${7|green,amber,red|}', '    measure: ${8:How success will be measured}'])];
  }
  if (listKey === 'actions') {
    const objectiveIndex = lineObjectiveIndex(ctx, range.start.line);
    const id = snippetText(yamlString(nextActionId(model, objectiveIndex)));
    return [snippet('New action', 'An action with owner, deadline, RAG and measure', [`id: \${1:${id}}`, 'action: ${2:What will be done}', `owner: \${3:${firstOwner}}`, `due: \${4:${quarter}}`, 'rag: ${5|green,amber,red|}', 'measure: ${6:How success will be measured}'])];
  }
  if (listKey === 'targets') {
    const year = Number(ctx.today.slice(0, 4));
    return [snippet('New target', 'A numeric target with a baseline and a milestone', ['id: ${1:T1}', 'title: ${2:What is measured}', 'unit: "${3:%}"', 'direction: ${4|up,down|}', `baseline: { date: ${ctx.today}, value: \${5:0} }`, 'milestones:', `  - { date: ${year + 1}-03-31, value: \${6:0} }`])];
  }
  return [];
}

/** The index of the objective whose item contains a line (from the YAML tree; the closest objective above when the line is not parsed). */
function lineObjectiveIndex(ctx: PlanContext, line: number): number | undefined {
  const model = ctx.model;
  if (!model) return undefined;
  let found: number | undefined;
  for (const o of model.objectives) {
    const start = objectiveLine(ctx, o.index);
    if (start !== undefined && start <= line) found = o.index;
  }
  return found;
}

function objectiveLine(ctx: PlanContext, index: number): number | undefined {
  const doc = ctx.parsed.doc;
  const node = doc?.getIn(['objectives', index], true) as { range?: [number, number, number] } | undefined;
  return node?.range ? ctx.parsed.lines.positionAt(node.range[0]).line : undefined;
}
