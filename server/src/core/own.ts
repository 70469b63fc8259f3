/**
 * Lookups in the engine's own tables by a key that comes from a plan.
 *
 * A plan can name a field `constructor`, `toString` or `__proto__`; `table[key]`
 * on a plain object then finds the inherited function, not "no entry". Every
 * lookup of a plan-supplied key in a plain-object table goes through here.
 */

/** The table's own entry for `key`, or undefined: never an inherited property. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
