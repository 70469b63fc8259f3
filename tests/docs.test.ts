/**
 * The docs are in step with the code: every rule has its generated page, every
 * field of the format, every command-line option and output format is
 * documented, the README stays short, and every link between the pages works.
 */
import { localToday } from '../server/src/node/clock';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { existingRulePages, REPO, RULES_DIR, RULES_INDEX, rulePage, withRulesTable } from '../scripts/rulesDoc';
import { CHECK_HELP, FORMATS, REPORT_HELP } from '../server/src/cli/args';
import { checkPlan, RULES } from '../server/src/core';

const read = (rel: string): string => readFileSync(path.join(REPO, rel), 'utf8');


/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
function section(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `the ${name}:start and ${name}:end markers`);
  return text.slice(start, end);
}

function markdownFiles(): string[] {
  const out = ['README.md', 'CONTRIBUTING.md'];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(REPO, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(REPO, child)).isDirectory()) walk(child);
      else if (name.endsWith('.md')) out.push(child);
    }
  };
  walk('docs');
  return out;
}

/** Fenced code is not markdown: its `#` lines are not headings and its brackets not links. */
const withoutCode = (md: string): string => md.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, '');

/** The anchors GitHub makes for a page's headings, plus explicit `<a id>`s. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of withoutCode(md).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm)) {
    const slug = m[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of md.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(m[1]);
  return out;
}

/** Every `[text](target)` and `![alt](target)` outside code. */
function links(md: string): string[] {
  const text = withoutCode(md).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

describe('docs', () => {
  describe('rule pages (run `npm run docs:rules` to update)', () => {
    it('has a page for every rule and a rule for every page', () => {
      assert.deepEqual(existingRulePages(), RULES.map((r) => `${r.id}.md`).sort());
    });

    it('has each page exactly as the generator writes it from the rule file', () => {
      for (const r of RULES) assert.equal(readFileSync(path.join(RULES_DIR, `${r.id}.md`), 'utf8'), rulePage(r), `docs/rules/${r.id}.md`);
    });

    it('lists every rule in the index', () => {
      const index = readFileSync(RULES_INDEX, 'utf8');
      assert.equal(index, withRulesTable(index));
      for (const r of RULES) assert.ok(index.includes(`](${r.id}.md)`), r.id);
    });

    it('ships the pages in the VSIX, where the diagnostics link to them', () => {
      const ignore = read('.vscodeignore');
      assert.match(ignore, /^!docs\/\*\*\/\*\.md$/m);
      assert.match(ignore, /^!README\.md$/m);
    });
  });

  describe('README', () => {
    const readme = read('README.md');

    it('stays short: under 220 lines', () => {
      const lines = readme.split(/\r\n|\r|\n/).length;
      assert.ok(lines < 220, `README.md has ${lines} lines; move detail into docs/`);
    });

    it('gives the two commands a newcomer runs', () => {
      assert.ok(readme.includes('npm ci && npx eqplan check samples'));
      assert.ok(readme.includes('npm test'));
    });

    it('shows a plan that eqplan reads, with the one finding it describes', () => {
      const block = /```yaml\n([\s\S]*?)```/.exec(readme);
      assert.ok(block, 'a yaml block');
      const findings = checkPlan(block[1], { localToday: localToday() }).findings;
      assert.deepEqual(findings.map((f) => f.rule), ['overdue']);
      assert.match(findings[0].message, /Action 1a was due on 31 Jul 2019/);
    });

    it('shows the editor with the preview', () => {
      assert.ok(links(readme).includes('docs/images/editor-and-preview.png'));
    });
  });

  describe('the plan format (docs/format.md)', () => {
    const format = section(read('docs/format.md'), 'format');
    const schema: unknown = JSON.parse(read('schemas/equality-plan.schema.json'));

    /** Walks the schema and collects every property name and every enum value. */
    function schemaWords(): { fields: Set<string>; values: Set<string> } {
      const fields = new Set<string>();
      const values = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (typeof node !== 'object' || node === null) return;
        const props: unknown = Object.hasOwn(node, 'properties') ? Reflect.get(node, 'properties') : undefined;
        if (typeof props === 'object' && props !== null) for (const k of Object.keys(props)) fields.add(k);
        const list: unknown = Object.hasOwn(node, 'enum') ? Reflect.get(node, 'enum') : undefined;
        if (Array.isArray(list)) for (const v of list) if (typeof v === 'string') values.add(v);
        for (const v of Object.values(node)) walk(v);
      };
      walk(schema);
      return { fields, values };
    }

    it('describes every field of the schema', () => {
      const { fields } = schemaWords();
      assert.ok(fields.size > 30, 'the schema walk found the fields');
      for (const f of fields) assert.ok(format.includes(`\`${f}\``) || format.includes(`\`${f}:`), `field ${f}`);
    });

    it('gives a complete example that is a plan with no errors', () => {
      const block = /## A complete example\s+```yaml\n([\s\S]*?)```/.exec(format);
      assert.ok(block, 'the complete example');
      assert.deepEqual(checkPlan(block[1], { localToday: localToday() }).findings.filter((f) => f.severity === 'error'), []);
    });

    it('lists every value the schema allows (RAG, status, direction, characteristics)', () => {
      const { values } = schemaWords();
      assert.ok(values.has('amber') && values.has('race'), 'the schema walk found the values');
      for (const v of values) assert.ok(format.includes(`\`${v}\``), `value ${v}`);
    });
  });

  describe('the command line (docs/cli.md)', () => {
    const cli = section(read('docs/cli.md'), 'cli');

    it('describes every option of `check` and `report`', () => {
      const flags = new Set([...`${CHECK_HELP}\n${REPORT_HELP}`.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
      assert.ok(flags.has('--fail-severity') && flags.has('--title'));
      for (const flag of flags) assert.match(cli, new RegExp(`(^|[\\s\`,(])${flag}\\b`, 'm'), flag);
    });

    it('describes every output format', () => {
      for (const f of FORMATS) assert.match(cli, new RegExp(`^\\| \`${f}\` \\|`, 'm'), f);
    });

    it('uses only real options and formats in every example, on every page', () => {
      const flags = new Set([...`${CHECK_HELP}\n${REPORT_HELP}`.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
      for (const file of markdownFiles()) {
        for (const m of read(file).matchAll(/eqplan (?:check|report)\b[^\n`|]*/g)) {
          for (const flag of m[0].matchAll(/--[a-z][a-z-]*/g)) assert.ok(flags.has(flag[0]), `${file}: ${m[0]}`);
          for (const f of m[0].matchAll(/--format (\S+)/g)) assert.ok((FORMATS as readonly string[]).includes(f[1]), `${file}: ${m[0]}`);
        }
      }
    });
  });

  describe('CI and editors', () => {
    it('gives a GitHub Actions workflow that reads as YAML and runs eqplan', () => {
      const ci = section(read('docs/ci.md'), 'ci');
      const block = /```yaml\n([\s\S]*?)```/.exec(ci);
      assert.ok(block, 'a yaml block');
      const workflow: unknown = parseYaml(block[1]);
      const text = JSON.stringify(workflow);
      assert.ok(text.includes('eqplan check --format github'));
      assert.ok(text.includes('upload-sarif'));
    });

    it('keeps the Neovim 0.7 config in step with the tested tests/neovim/init.lua', () => {
      const other = section(read('docs/editors/other.md'), 'server');
      const init = read('tests/neovim/init.lua');
      for (const line of ["client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })", 'vim.lsp.start_client({', 'vim.lsp.buf_attach_client(0, ']) {
        assert.ok(init.includes(line), `init.lua: ${line}`);
        assert.ok(other.includes(line), `other.md: ${line}`);
      }
    });

    it('shows the Emacs and Vim configurations the tests run, as they are', () => {
      const other = section(read('docs/editors/other.md'), 'server');
      const blocks = [...other.matchAll(/```(?:elisp|vim)\n([\s\S]*?)```/g)].map((m) => m[1]);
      for (const file of ['tests/emacs/eqplan-eglot.el', 'tests/emacs/eqplan-lsp-mode.el', 'tests/vim/eqplan-ale.vim']) {
        assert.ok(blocks.includes(read(file)), `docs/editors/other.md shows ${file} as it is`);
      }
    });

    it('keeps the VS Code page between its markers', () => {
      assert.ok(section(read('docs/editors/vscode.md'), 'vscode').includes('## Install'));
    });
  });

  describe('links', () => {
    it('every relative link in README, CONTRIBUTING and docs/ points at a file (and heading) that exists', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const file of markdownFiles()) {
        for (const target of links(read(file))) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
          checked++;
          const [rel, anchor] = target.split('#', 2);
          const to = rel === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), rel));
          if (!existsSync(path.join(REPO, to))) {
            problems.push(`${file}: ${target} (no ${to})`);
            continue;
          }
          if (anchor !== undefined && to.endsWith('.md') && !anchors(read(to)).has(anchor)) problems.push(`${file}: ${target} (no heading #${anchor} in ${to})`);
        }
      }
      assert.ok(checked > 50, `found the links (${checked})`);
      assert.deepEqual(problems, []);
    });

    it('every file path and `npm run` script the pages name exists', () => {
      const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
      const problems: string[] = [];
      let paths = 0;
      for (const file of markdownFiles().filter((f) => !f.startsWith('docs/rules/'))) {
        const text = read(file);
        for (const m of text.matchAll(/\bnpm run ([\w:.-]+)/g)) if (!scripts.includes(m[1])) problems.push(`${file}: npm run ${m[1]} (no such script in package.json)`);
        // A path in code quotes from the top of the repo: `server/src/core/options.ts`. `<id>` and `*` stand for a name.
        for (const m of text.matchAll(/`((?:server|client|tests|scripts|docs|samples|schemas|media)\/[^`\s]*)`/g)) {
          const named = m[1].replace(/[.,:;]$/, '');
          if (/[<*]/.test(named)) {
            const folder = named.slice(0, named.search(/[<*]/)).replace(/[^/]*$/, '');
            if (!existsSync(path.join(REPO, folder))) problems.push(`${file}: ${named} (no folder ${folder})`);
          } else if (!existsSync(path.join(REPO, named))) {
            problems.push(`${file}: ${named}`);
          }
          paths++;
        }
      }
      assert.ok(paths > 40, `found the paths (${paths})`);
      assert.deepEqual(problems, []);
    });
  });
});
