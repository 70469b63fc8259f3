/**
 * The options table (server/src/core/options.ts) and everything derived from
 * it: the config-file reader, the editor-settings reader, the extension's
 * reader, the CLI's `--as-of`, package.json and docs/configuration.md.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readClientSettings } from '../../client/src/settings';
import { CONFIGURATION_MD, PACKAGE_JSON, configurationMarkdown, withConfiguration } from '../../scripts/genConfig';
import { CHECK_HELP, REPORT_HELP, parseCliArgs } from '../../server/src/cli/args';
import { CHANGE_KINDS, CONFIG_FILE_KEYS, OPTION_LIST, OPTIONS, RULES, SEVERITY_ALIASES, SEVERITY_LEVELS, parseConfigText, parseSeverityLevel, readOption, type CheckOptions } from '../../server/src/core';
import { readSettings } from '../../server/src/lsp/settings';

const RULE_IDS = new Set(RULES.map((r) => r.id));
const CHANGE_IDS = new Set(CHANGE_KINDS.map((k) => k.id));

/** The same value through the config file (as JSON, so any value can be written) and through the editor settings. */
function throughBoth(key: string, value: unknown): { file: { options: CheckOptions; errors: string[] }; editor: { options: CheckOptions; problems: string[] } } {
  const file = parseConfigText(JSON.stringify({ [key]: value }), 'eqplan.config.json');
  const { settings, problems } = readSettings({ [key]: value });
  return { file, editor: { options: settings.options, problems } };
}

/** A fake `vscode.WorkspaceConfiguration` holding one `eqplan` section. */
function section(values: Record<string, unknown>): { get<T>(key: string): T | undefined } {
  return { get: <T>(key: string): T | undefined => (Object.hasOwn(values, key) ? (values[key] as T) : undefined) };
}

describe('options table', () => {
  it('declares each option once, with a description, an example and a default inside its own range', () => {
    const keys = OPTION_LIST.map((o) => o.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const o of OPTION_LIST) {
      assert.ok(o.description.length > 20 && !/TODO|undefined/.test(o.description), `${o.key} has a description`);
      assert.ok(o.places.editor || o.places.configFile, `${o.key} can be set somewhere`);
      if (!o.places.configFile) assert.ok(o.notInConfigFile, `${o.key} says why a config file cannot set it`);
      if (o.kind === 'integer') assert.ok(o.min <= o.default && o.default <= o.max, o.key);
      // The example is a good value: read through the editor settings it is accepted as it is.
      const example: unknown = JSON.parse(o.example);
      const source = o.places.editor ? { kind: 'editor' as const } : { kind: 'configFile' as const, fileName: '.eqplanrc.yaml' };
      const read = readOption(o.key as 'debounceMs', example, { source, ruleIds: RULE_IDS, changeIds: CHANGE_IDS });
      assert.deepEqual(read, { value: example, problems: [] }, `${o.key}'s example is accepted`);
    }
    assert.deepEqual(CONFIG_FILE_KEYS, ['dueSoonDays', 'staleUpdateDays', 'repeatedSlipTimes', 'repeatedSlipDays', 'rules', 'changes']);
  });

  it('names the severity levels once, and every alias stands for one of them', () => {
    assert.deepEqual(SEVERITY_LEVELS, ['off', 'hint', 'information', 'warning', 'error']);
    for (const [alias, level] of SEVERITY_ALIASES) {
      assert.ok(SEVERITY_LEVELS.includes(level));
      assert.equal(parseSeverityLevel(alias), level, String(alias));
    }
    assert.equal(parseSeverityLevel('Disabled'), 'off');
    assert.equal(parseSeverityLevel(' WARN '), 'warning');
    assert.equal(parseSeverityLevel('default'), 'default');
    assert.equal(parseSeverityLevel(null), 'default');
    assert.equal(parseSeverityLevel('loud'), undefined);
    assert.equal(parseSeverityLevel(true), undefined);
  });
});

describe('config file and editor settings agree', () => {
  it('accept `disabled` (and the other aliases) for a rule, in any capitals', () => {
    for (const written of ['disabled', 'DISABLED', 'none', false]) {
      const { file, editor } = throughBoth('rules', { overdue: written });
      assert.deepEqual(file, { options: { rules: { overdue: 'off' } }, errors: [] }, `config file: ${String(written)}`);
      assert.deepEqual(editor, { options: { rules: { overdue: 'off' } }, problems: [] }, `editor: ${String(written)}`);
    }
    assert.deepEqual(parseConfigText('rules:\n  overdue: disabled\n  due-soon: warn\n', '.eqplanrc.yaml').options, { rules: { overdue: 'off', 'due-soon': 'warning' } });
  });

  const cases: [string, unknown[]][] = [
    ['dueSoonDays', [0, 14, 3650, 3651, -1, 2.5, '30', ' 30 ', 'soon', true, null, {}, [], 1e9]],
    ['staleUpdateDays', [0, 90, 3650, 3651, -3, '60', 'ninety', false, null]],
    [
      'rules',
      [
        { overdue: 'error' },
        { overdue: 'info', 'due-soon': 'warn' },
        { overdue: 'loud' },
        { overdeu: 'off' },
        { overdue: 'default' },
        { overdue: null },
        { overdue: '' },
        { overdue: true },
        { overdue: 2 },
        { overdue: { level: 'off' } },
        'off',
        ['overdue'],
        {},
        null,
      ],
    ],
  ];
  for (const [key, values] of cases) {
    it(`accept and refuse the same values of ${key}, and say so in the same words`, () => {
      for (const value of values) {
        const { file, editor } = throughBoth(key, value);
        const label = `${key}: ${JSON.stringify(value)}`;
        assert.deepEqual(file.options, editor.options, label);
        assert.equal(file.errors.length, editor.problems.length, `${label}\n${file.errors.join('\n')}\n${editor.problems.join('\n')}`);
        // Each message names where the value was written, then says the same thing.
        for (const [i, fileMessage] of file.errors.entries()) {
          const editorMessage = editor.problems[i];
          assert.match(fileMessage, /^In eqplan\.config\.json, /, label);
          assert.match(editorMessage, /^(The eqplan\.\w+ setting|In the eqplan\.rules setting,) /, label);
          // Without the naming (and the example, written as each place writes it), the words are the same.
          const said = (m: string): string =>
            m
              .replace(`In eqplan.config.json, \`${key}\``, 'X')
              .replace('In eqplan.config.json,', 'In X,')
              .replace(`The eqplan.${key} setting`, 'X')
              .replace(`In the eqplan.${key} setting,`, 'In X,')
              .replace(/(for example|without quotes:) `[^`]*`/, '$1 <example>');
          assert.equal(said(fileMessage), said(editorMessage), label);
        }
      }
    });
  }

  it('refuse editor-only options in a config file, saying where to set them', () => {
    assert.deepEqual(parseConfigText('debounceMs: 500\n', '.eqplanrc.yaml'), {
      options: {},
      errors: ['In .eqplanrc.yaml, `debounceMs` cannot be set in a config file. It changes how the editor behaves, so it is an editor setting only.'],
    });
    assert.match(parseConfigText('asOf: 2024-03-31\n', '.eqplanrc.yaml').errors[0], /`asOf` cannot be set in a config file.*write `asOf:` in the plan itself/);
  });
});

describe('debounceMs: one range for the server and the extension', () => {
  it('gives the same pause in both, and never more than the table allows', () => {
    for (const value of [-1, 0, 1, 200, 4999, 5000, 5001, 10_000, 250.5, '300', 'slow', null, undefined, Number.NaN, Infinity]) {
      const server = readSettings({ debounceMs: value }).settings.debounceMs;
      const client = readClientSettings(section({ debounceMs: value })).debounceMs;
      assert.equal(server, client, `debounceMs: ${String(value)}`);
      assert.ok(server >= OPTIONS.debounceMs.min && server <= OPTIONS.debounceMs.max, `debounceMs: ${String(value)} gives ${server}`);
    }
    assert.equal(readClientSettings(section({ debounceMs: 5000 })).debounceMs, 5000);
    assert.equal(readClientSettings(section({})).debounceMs, OPTIONS.debounceMs.default);
    assert.match(readSettings({ debounceMs: 10_000 }).problems[0], /The eqplan\.debounceMs setting must be a whole number of milliseconds \(0 to 5000\), not `10000`/);
  });
});

describe('command-line flags from the table', () => {
  it('--as-of says what is wrong in the words the editor uses', () => {
    assert.equal((parseCliArgs(['check', '--as-of', '2024-02-29']) as { asOf?: string }).asOf, '2024-02-29');
    assert.throws(() => parseCliArgs(['check', '--as-of', '2023-02-30']), /^UsageError: --as-of 2023-02-30 is not a real date\. Write a date that exists, as YYYY-MM-DD, for example --as-of 2024-03-31\.$/);
    assert.match(readSettings({ asOf: '2023-02-30' }).problems[0], /^The eqplan\.asOf setting 2023-02-30 is not a real date\. Write a date that exists, as YYYY-MM-DD, for example 2024-03-31\.$/);
    assert.throws(() => parseCliArgs(['report', 'p.eqplan.yaml', '--as-of', '30/06/2023']), /--as-of needs a date written YYYY-MM-DD, for example --as-of 2024-03-31 \(got `30\/06\/2023`\)/);
    // An empty setting clears it; an empty flag is a mistake (an unset variable in a CI script).
    assert.deepEqual(readSettings({ asOf: '' }).problems, []);
    assert.throws(() => parseCliArgs(['check', '--as-of', '']), /--as-of needs a date/);
  });

  it('help lists each flag of the table with its text', () => {
    const flagged = OPTION_LIST.filter((o) => o.places.cli);
    assert.ok(flagged.length > 0);
    for (const o of flagged) {
      for (const help of [CHECK_HELP, REPORT_HELP]) assert.ok(help.includes(`${o.places.cli?.flag} <${o.places.cli?.placeholder}>`) && help.includes(o.places.cli?.help ?? '?'), o.key);
    }
  });
});

describe('generated from the table (run `npm run docs:config` to update)', () => {
  it('package.json contributes.configuration is in step', () => {
    const text = readFileSync(PACKAGE_JSON, 'utf8');
    assert.equal(text, withConfiguration(text));
  });

  it('docs/configuration.md is in step', () => {
    assert.equal(readFileSync(CONFIGURATION_MD, 'utf8'), configurationMarkdown());
  });

  it('the settings page offers every accepted severity word and every rule id', () => {
    const props = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).contributes.configuration.properties;
    const words: unknown[] = props['eqplan.rules'].additionalProperties.enum;
    for (const w of words) assert.notEqual(parseSeverityLevel(w), undefined, String(w));
    for (const alias of SEVERITY_ALIASES.keys()) assert.ok(words.includes(alias), String(alias));
    assert.deepEqual(props['eqplan.rules'].propertyNames.enum, RULES.map((r) => r.id));
    assert.equal(props['eqplan.debounceMs'].maximum, OPTIONS.debounceMs.max);
  });
});
