/** Whether the stylish output is coloured. */

/**
 * `--color` / `--no-color` win; output to a file is never coloured; then
 * NO_COLOR (any non-empty value, see no-color.org) turns colour off and
 * FORCE_COLOR (other than `0`/`false`) turns it on; else colour on a terminal only.
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  return isTTY;
}
