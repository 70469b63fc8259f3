/**
 * Writes, from the options table (server/src/core/options.ts):
 *   - package.json `contributes.configuration` (the VS Code settings page);
 *   - docs/configuration.md.
 * Run `npm run docs:config` after changing the table; tests/core/options.test.ts
 * fails when either file is out of step (as rust-analyzer does for its config).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { CONFIG_FILE_NAMES, OPTION_LIST, RULES, SEVERITY_ALIASES, SEVERITY_LEVELS, type OptionSpec } from '../server/src/core';

export const PACKAGE_JSON = join(__dirname, '..', 'package.json');
export const CONFIGURATION_MD = join(__dirname, '..', 'docs', 'configuration.md');

const LEVEL_MEANINGS: ReadonlyMap<string, string> = new Map([
  ['off', 'the check is not run'],
  ['hint', 'shown faintly in the editor, not in the Problems list'],
  ['information', 'listed, in blue'],
  ['warning', 'listed, in yellow'],
  ['error', 'listed, in red; fails `eqplan check` (exit code 1) at the default `--fail-severity`'],
]);

/** The words a rule's severity may be written with, canonical first, and what each means, for the settings page. */
function levelWords(): { values: (string | false)[]; descriptions: string[] } {
  const values: (string | false)[] = [...SEVERITY_LEVELS, 'default'];
  const descriptions = [...SEVERITY_LEVELS.map((l) => `${l[0].toUpperCase()}${l.slice(1)}: ${LEVEL_MEANINGS.get(l) ?? ''}.`), "The check's own default severity."];
  for (const [alias, level] of SEVERITY_ALIASES) {
    values.push(alias);
    descriptions.push(`Same as \`${level}\`.`);
  }
  return { values, descriptions };
}

/** One setting of `contributes.configuration.properties`. */
function settingSchema(o: OptionSpec): Record<string, unknown> {
  const common = { markdownDescription: o.description, scope: o.scope };
  switch (o.kind) {
    case 'integer':
      return { type: 'integer', default: o.default, minimum: o.min, maximum: o.max, ...common };
    case 'date':
      return {
        type: 'string',
        default: o.default,
        pattern: '^(\\d{4}-\\d{2}-\\d{2})?$',
        patternErrorMessage: 'Write the date as YYYY-MM-DD, for example 2024-03-31, or leave it empty.',
        ...common,
      };
    case 'boolean':
      return { type: 'boolean', default: o.default, ...common };
    case 'choice':
      return { type: 'string', enum: o.choices.map((c) => c.value), enumDescriptions: o.choices.map((c) => c.description), default: o.default, ...common };
    case 'rules': {
      const levels = levelWords();
      return {
        type: 'object',
        default: o.default,
        markdownDescription: o.description,
        additionalProperties: { type: ['string', 'boolean'], enum: levels.values, markdownEnumDescriptions: levels.descriptions },
        propertyNames: { enum: RULES.map((r) => r.id) },
        scope: o.scope,
      };
    }
    case 'changes':
      // `eqplan diff` runs on the command line only: the option lives in config files, never in the editor's settings.
      throw new Error(`${o.key} is not an editor setting`);
  }
}

/** `contributes.configuration` as generated from the table. */
export function configurationContribution(): { title: string; properties: Record<string, Record<string, unknown>> } {
  return { title: 'eqplan', properties: Object.fromEntries(OPTION_LIST.filter((o) => o.places.editor).map((o) => [`eqplan.${o.key}`, settingSchema(o)])) };
}

/** package.json text with its `contributes.configuration` generated, the rest as it was. */
export function withConfiguration(packageJsonText: string): string {
  const pkg = JSON.parse(packageJsonText) as { contributes: Record<string, unknown> };
  pkg.contributes.configuration = configurationContribution();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function defaultText(o: OptionSpec): string {
  switch (o.kind) {
    case 'date':
      return '(empty)';
    case 'rules':
      return '(none: each check keeps its own severity)';
    case 'changes':
      return '(none: each kind of change keeps its own severity)';
    default:
      return `\`${String(o.default)}\``;
  }
}

function valueText(o: OptionSpec): string {
  switch (o.kind) {
    case 'integer':
      return `a whole number of ${o.unit}, ${o.min} to ${o.max}`;
    case 'date':
      return 'a date written `YYYY-MM-DD`, or empty';
    case 'boolean':
      return '`true` or `false`';
    case 'choice':
      return `one of ${o.choices.map((c) => `\`${c.value}\` (${c.description[0].toLowerCase()}${c.description.slice(1).replace(/\.$/, '')})`).join(', ')}`;
    case 'rules':
      return 'check ids, each with a [severity level](#severity-levels); see [the check ids](#check-ids)';
    case 'changes':
      return 'kinds of change, each with a [severity level](#severity-levels); see [the kinds of change](diff.md#kinds-of-change)';
  }
}

function places(o: OptionSpec): string[] {
  const example: unknown = JSON.parse(o.example);
  const lines: string[] = [];
  if (o.places.configFile) {
    lines.push('- **Config file**:', '', '  ```yaml', ...toYaml({ [o.key]: example }).trimEnd().split('\n').map((l) => `  ${l}`), '  ```', '');
  } else {
    lines.push(`- **Config file**: no. ${o.notInConfigFile ?? ''}`.trimEnd(), '');
  }
  if (o.places.editor) {
    const scope = o.scope === 'resource' ? 'may differ per folder of a workspace' : 'one value per window';
    lines.push(`- **Editor setting** \`eqplan.${o.key}\` (${scope}):`, '', '  ```json', `  "eqplan.${o.key}": ${o.example}`, '  ```', '');
  }
  if (o.places.cli) {
    lines.push(`- **Command line**: \`${o.places.cli.flag} <${o.places.cli.placeholder}>\`, for \`eqplan check\` and \`eqplan report\`: ${o.places.cli.help}, for example \`${o.places.cli.flag} ${JSON.parse(o.example)}\`.`, '');
  } else {
    lines.push(`- **Command line**: no flag${o.places.configFile ? '; use a config file' : ''}.`, '');
  }
  return lines;
}

/** docs/configuration.md as generated from the table. */
export function configurationMarkdown(): string {
  const fileNames = CONFIG_FILE_NAMES.map((n) => `\`${n}\``);
  const out: string[] = [
    '# Configuration',
    '',
    '<!-- Generated from server/src/core/options.ts by `npm run docs:config`. Edit the table there, not this page: tests/core/options.test.ts fails when this page is out of step. -->',
    '',
    'eqplan has one set of options. Each can be set in one or more of three places:',
    '',
    `- **a config file** in the project: ${fileNames.slice(0, -1).join(', ')} or ${fileNames[fileNames.length - 1]}. eqplan looks in the plan's folder, then in each folder above it, and uses the nearest. Everyone who checks the plan gets it: in the editor and on the command line (\`eqplan check --config <file>\` names one instead).`,
    '- **editor settings**, named `eqplan.<option>`. In VS Code: File > Preferences > Settings, then search for eqplan. Other editors send the `eqplan` section to the language server. They apply on top of the config file, for you only.',
    '- **the command line**, for the options that have a flag.',
    '',
    '| option | config file | editor setting | command line | default |',
    '|---|---|---|---|---|',
  ];
  for (const o of OPTION_LIST) {
    const cli = o.places.cli ? `\`${o.places.cli.flag} <${o.places.cli.placeholder}>\`` : 'no';
    out.push(`| [\`${o.key}\`](#${anchor(o.key)}) | ${o.places.configFile ? 'yes' : 'no'} | ${o.places.editor ? `\`eqplan.${o.key}\`` : 'no'} | ${cli} | ${defaultText(o)} |`);
  }
  const example: Record<string, unknown> = {};
  for (const o of OPTION_LIST) if (o.places.configFile) example[o.key] = JSON.parse(o.example);
  out.push(
    '',
    'A config file, for example `.eqplanrc.yaml`:',
    '',
    '```yaml',
    toYaml(example).trimEnd(),
    '```',
    '',
    'or the same as `eqplan.config.json`:',
    '',
    '```json',
    JSON.stringify(example, null, 2),
    '```',
    '',
    'A config file may also hold `$schema` and keys starting with `x-` (your own notes); eqplan leaves those alone.',
    '',
    '## Which value wins',
    '',
    '- The date plans are judged against ("today"): `--as-of` on the command line or the `eqplan.asOf` setting in the editor; else the plan\'s own `asOf:`; else today\'s date.',
    '- Everything else: the editor setting, if you set it; else the config file; else the default. A check turned off in the config file stays off in the editor unless your settings turn it back on.',
    '',
    '## When a value is wrong',
    '',
    '- **Config file**: `eqplan check` and `eqplan report` stop (exit code 2) and say which file and what is wrong. The editor shows the same message once and ignores the whole file until it is fixed, rather than use half of it.',
    '- **Editor setting**: that setting is ignored (its default applies) and a warning says which one and why.',
    '- **Command line**: the command stops (exit code 2) and says what to type instead.',
    '',
    'The config file and the editor settings accept exactly the same values, and say what is wrong in the same words.',
    '',
    '## Options',
  );
  for (const o of OPTION_LIST) {
    out.push('', `### ${o.key}`, '', o.description, '', `- **Value**: ${valueText(o)}.`, `- **Default**: ${defaultText(o)}.`, ...places(o));
    while (out[out.length - 1] === '') out.pop();
  }
  const aliases = [...SEVERITY_ALIASES].map(([alias, level]) => `\`${String(alias)}\` (${level})`);
  out.push(
    '',
    '## Severity levels',
    '',
    'How a check\'s findings are reported, set with `rules`:',
    '',
    '| level | means |',
    '|---|---|',
    ...SEVERITY_LEVELS.map((l) => `| \`${l}\` | ${LEVEL_MEANINGS.get(l) ?? ''} |`),
    '',
    `Also accepted, in a config file and in the editor settings alike, in any mix of capitals: ${aliases.join(', ')}. \`default\` or an empty value leaves the check at its own severity.`,
    '',
    '## Check ids',
    '',
    '| check | default severity |',
    '|---|---|',
    ...RULES.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} |`),
    '',
  );
  return out.join('\n');
}

/** The anchor a Markdown renderer gives a heading (GitHub's rule: lower case, dots and other punctuation dropped). */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

if (require.main === module) {
  writeFileSync(PACKAGE_JSON, withConfiguration(readFileSync(PACKAGE_JSON, 'utf8')));
  mkdirSync(dirname(CONFIGURATION_MD), { recursive: true });
  writeFileSync(CONFIGURATION_MD, configurationMarkdown());
  console.log('package.json contributes.configuration and docs/configuration.md updated');
}
