/**
 * Living alongside Red Hat's YAML extension. It reports YAML syntax errors in
 * every open YAML file, whatever schema it has; eqplan's `yaml-syntax` check
 * reports the same errors. When that extension is validating, eqplan leaves
 * syntax errors in open plans to it, so each one is listed once. (Its schema
 * copy has no checks, see scripts/vscode/editorSchema.mjs, so every other
 * problem still comes from eqplan alone.) No `vscode` import: tested in Node.
 */

export const RED_HAT_YAML_EXTENSION = 'redhat.vscode-yaml';

interface WithCode {
  code?: string | number | { value: string | number };
}

/** The diagnostics without eqplan's `yaml-syntax` ones. */
export function withoutSyntaxErrors<T extends WithCode>(diagnostics: readonly T[]): T[] {
  return diagnostics.filter((d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code) !== 'yaml-syntax');
}
