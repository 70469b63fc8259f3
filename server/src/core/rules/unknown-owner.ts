import type { OwnerEntry } from '../model';
import { yamlString } from '../edits';
import { closest } from '../words';
import { isPlaceholderOwner, itemOwnerReferences } from '../owners';
import type { Rule } from './rule';

function slug(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'owner';
}

/** Plans repeat the same unknown owner many times: each text is looked up once per owners list (the rule runs item by item). */
const lookUps = new WeakMap<ReadonlyMap<string, OwnerEntry>, (text: string) => string | undefined>();

/** The registered owner a text most likely means: by name, by id in another case, or the closest id. */
function nearestOwner(owners: ReadonlyMap<string, OwnerEntry>): (text: string) => string | undefined {
  let lookUp = lookUps.get(owners);
  if (!lookUp) {
    const names = new Map<string, string>();
    for (const o of owners.values()) if (o.name) names.set(o.name.toLowerCase(), o.id);
    const nearest = new Map<string, string | undefined>();
    lookUp = (text) => {
      if (!nearest.has(text)) {
        const lower = text.toLowerCase();
        nearest.set(text, names.get(lower) ?? [...owners.keys()].find((id) => id.toLowerCase() === lower) ?? closest(text, owners.keys()));
      }
      return nearest.get(text);
    };
    lookUps.set(owners, lookUp);
  }
  return lookUp;
}

/**
 * When a plan keeps an owners registry, flags `owner`, `lead` and `support`
 * entries that are not in it: a misspelt id splits one service's actions in
 * two, and nobody sees their full load.
 */
export const unknownOwner: Rule = {
  id: 'unknown-owner',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Owner is not in the owners list',
  description: 'The plan has an `owners` registry and an `owner`, `lead` or `support` entry is not one of its ids. A misspelt owner splits a service\'s actions, so its workload and overdue count come out wrong. Placeholders such as `All` are reported by `unowned` instead.',
  example: '`Human Resources` (owner of action 3a) is not in the owners list. Use one of its ids, such as `hr`, or add it to `owners:`.',
  check(ctx, report) {
    const owners = ctx.plan.owners;
    if (!owners) return;
    const lookUp = nearestOwner(owners);
    const firstId: string | undefined = owners.keys().next().value;
    for (const ref of itemOwnerReferences(ctx.plan)) {
      if (owners.has(ref.text) || isPlaceholderOwner(ref.text)) continue;
      const near = lookUp(ref.text);
      const hint = near
        ? `Did you mean \`${near}\` (${owners.get(near)?.name ?? near})? Otherwise add it to \`owners:\`.`
        : firstId
          ? `Use one of its ids, such as \`${firstId}\`, or add it to \`owners:\`.`
          : 'The list is empty: add it to `owners:`.';
      report({
        message: `\`${ref.text}\` (${ref.role}) is not in the owners list. ${hint}`,
        path: ref.path,
        fixes: () => {
          const newId = slug(ref.text);
          const idLike = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref.text);
          const addId = idLike ? ref.text : owners.has(newId) ? `${newId}-2` : newId;
          const addEdits = [ctx.edits.addField(['owners'], addId, `{ name: ${yamlString(ref.text)} }`)];
          if (!idLike) addEdits.push(ctx.edits.replaceValue(ref.path, addId));
          return [
            near ? ctx.edits.fix(`Change to \`${near}\``, [ctx.edits.replaceValue(ref.path, near)], false, true) : undefined,
            ctx.edits.fix(`Add \`${addId}\` to the owners list`, addEdits, false, !near),
          ];
        },
      });
    }
  },
};
