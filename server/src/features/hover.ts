/**
 * Hover: what a field means (from the schema); on a deadline, the date it
 * means and how far away it is; on an owner, who it is and what they hold;
 * on a target, where it stands.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { isScalar } from 'yaml';
import { andList, DEFAULT_DUE_SOON_DAYS, describeDeadlineHistory, describeDue, formatUk, isOwnerReferencePath, nodeSpan, ownerLoad, ownerReferences, ownerText, parseDue, parseIsoDay, plural, pluralWord, targetSummaries, withCurrentDeadline } from '../core';
import { todayPhrase, type PlanContext } from './context';
import { fieldDocumentation, schemaAt } from './schemaDocs';
import { nodeAt } from './yamlTree';

export function hover(ctx: PlanContext, position: Position): Hover | null {
  // A line past the end of the document is not in it: nothing to hover (a
  // character past the end of a line still clamps to that line's end).
  if (position.line >= ctx.parsed.lines.lineCount) return null;
  const offset = ctx.parsed.lines.offsetAt(position);
  const hit = nodeAt(ctx.parsed, offset);
  if (!hit) return null;
  const span = nodeSpan(hit.node);
  const range = span ? ctx.parsed.lines.range(span[0], span[1]) : undefined;
  const key = [...hit.path].reverse().find((s) => typeof s === 'string') as string | undefined;
  const parts: string[] = [];

  // What a value means (a date, an owner's load, a target's standing) is read from the plan model: a file
  // that does not read as YAML has none, and its broken values (`"equalities-tea…` with no closing quote) would mislead.
  if (ctx.model) parts.push(...valueTexts(ctx, hit));
  const schema = schemaAt(hit.path);
  if (key && schema && (hit.onKey || parts.length === 0 || isScalar(hit.node))) {
    const doc = fieldDocumentation(key, schema);
    if (doc) parts.push(parts.length > 0 ? `---\n\n${doc}` : doc);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

/** What the value (or owner entry) under the cursor means: a deadline, an owner, a target. */
function valueTexts(ctx: PlanContext, hit: NonNullable<ReturnType<typeof nodeAt>>): string[] {
  if (hit.onKey && hit.path.length === 2 && hit.path[0] === 'owners') return [ownerHoverText(ctx, String(hit.path[1]))];
  if (hit.onKey || !isScalar(hit.node)) return [];
  const last = hit.path[hit.path.length - 1];
  if (last === 'due' && hit.path[2] === 'actions') {
    const past = deadlineHistoryText(ctx, hit.path);
    return past ? [dueText(ctx, hit.node.value, hit.path), past] : [dueText(ctx, hit.node.value, hit.path)];
  }
  if (isOwnerReferencePath(hit.path)) {
    const id = ownerText(hit.node.value);
    return id ? [ownerHoverText(ctx, id)] : [];
  }
  if (hit.path[0] === 'targets' && hit.path.length === 3 && (last === 'id' || last === 'title')) {
    const text = targetText(ctx, hit.path[1] as number);
    return text ? [text] : [];
  }
  return [];
}

function dueText(ctx: PlanContext, value: unknown, path: (string | number)[]): string {
  const due = parseDue(value);
  const action = ctx.model?.actions.find((a) => a.path.join('/') === path.slice(0, -1).join('/'));
  const asAt = `as at ${formatUk(ctx.today)} (${todayPhrase(ctx.todaySource)})`;
  switch (due.kind) {
    case 'missing':
      return 'No deadline yet. Write a date such as `2024-03-31`, a month `2024-03`, a quarter `2024-Q1`, or `ongoing` / `tbc`.';
    case 'open':
      return due.word === 'ongoing' ? '**Ongoing**: work with no end date. It is never overdue, and eqplan lists it so it is not forgotten.' : '**To be confirmed**: the deadline is still to be agreed. It is never overdue; agree a date and write it here.';
    case 'invalid':
      return due.suggestion ? `\`${due.raw}\` is not a deadline eqplan can read. Write it as \`${due.suggestion}\` (the quick fix does this).` : `\`${due.raw}\` is not a deadline eqplan can read${due.reason ? `: ${due.reason}` : ''}.`;
    case 'date': {
      const means = `**Due ${describeDue(due)}**${due.precision === 'day' ? '' : `, that is ${formatUk(due.iso)}`}.`;
      const today = parseIsoDay(ctx.today) as number;
      const diff = due.day - today;
      if (action && !action.open) return `${means}\n\nThe action is ${action.status}, so the deadline no longer counts.`;
      const when = diff < 0 ? `**Overdue by ${plural(-diff, 'day')}**` : diff === 0 ? '**Due today**' : `**Due in ${plural(diff, 'day')}**`;
      return `${means}\n\n${when}, ${asAt}.`;
    }
  }
}

/** The deadline's history from git ("First set to Nov 2022 on 3 Mar 2022 by Jo Bloggs; moved later twice, ..."), counting an edit not committed yet. */
function deadlineHistoryText(ctx: PlanContext, path: (string | number)[]): string | undefined {
  const actionPath = path.slice(0, -1).join('/');
  const action = ctx.model?.actions.find((a) => a.path.join('/') === actionPath);
  const past = action?.id === undefined ? undefined : ctx.history?.get(action.id);
  if (!action || !past || past.deadlines.length === 0) return undefined;
  return `**History**: ${describeDeadlineHistory(withCurrentDeadline(past, action, ctx.today))}`;
}

// Owner and target hovers read the plan model and today's date, never the
// check's findings: hovering while someone types must not run the checks
// before the pause.

function ownerHoverText(ctx: PlanContext, id: string): string {
  const model = ctx.model;
  const registered = model?.owners?.get(id);
  const today = parseIsoDay(ctx.today) as number;
  const load = model ? ownerLoad(ctx.parsed, model, id, today, ctx.options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS) : undefined;
  const name = registered?.name ?? load?.name ?? id;
  const lines = [`**${name}**${name !== id ? ` (\`${id}\`)` : ''}`];
  if (model?.owners && !registered) lines.push(`\`${id}\` is not in the owners list of this plan.`);
  if (load) {
    lines.push(`Holds ${plural(load.open, 'open action')}${load.overdue > 0 ? `, ${load.overdue} overdue` : ', none overdue'} (${load.total} in all), as at ${formatUk(ctx.today)}.`);
  }
  // The other fields that name this owner, from the list the unknown-owner check and rename read.
  const named = model ? ownerReferences(model).filter((r) => r.text === id) : [];
  const supported = distinct(named.filter((r) => r.field.key === 'support' && r.action?.open).map((r) => r.item));
  const led = distinct(named.filter((r) => r.field.holder === 'objective').map((r) => r.item));
  const targets = distinct(named.filter((r) => r.field.holder === 'target').map((r) => r.item));
  if (supported.length > 0) lines.push(`Supports ${plural(supported.length, 'open action')}: ${idList(supported)}.`);
  if (led.length > 0) lines.push(`Leads ${pluralWord(led.length, 'objective')} ${idList(led)}.`);
  if (targets.length > 0) lines.push(`Owns ${pluralWord(targets.length, 'target')} ${idList(targets)}.`);
  if (!load && supported.length === 0 && led.length === 0 && targets.length === 0) lines.push('Holds no actions in this plan.');
  else if (!load) lines.push('Owns no actions in this plan.');
  return lines.join('\n\n');
}

/** Each item once (an owner listed twice in one `support`), in plan order. */
function distinct(items: readonly { id?: string; label: string }[]): string[] {
  return [...new Set(items.map((i) => i.id ?? i.label))];
}

/** "`1a`, `1b` and `2c`" (the first ten, then "and N more"). */
function idList(ids: string[]): string {
  const shown = ids.slice(0, 10).map((i) => `\`${i}\``);
  return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : andList(shown);
}

function targetText(ctx: PlanContext, index: number): string | undefined {
  const model = ctx.model;
  const target = model?.targets.find((t) => t.index === index);
  if (!model || !target) return undefined;
  const summary = targetSummaries(ctx.parsed, { ...model, targets: [target] }, parseIsoDay(ctx.today) as number)[0];
  return summary ? `**${summary.title}**: ${summary.statusText}` : undefined;
}
