/**
 * The arrows between the layers (docs/architecture.md, "Layers"), checked on
 * every import in server/src, client/src and client/preview:
 *
 *   core <- node <- cli          core <- features <- lsp <- server.ts
 *   node <- lsp                  core <- protocol.ts <- client/src -> client/preview
 *   client/preview -> core's data types only, with `import type`
 *
 * Each layer's tsconfig (its own `lib`, `types` and blocked packages) stops
 * Node and the editor packages where they do not belong; this test also
 * stops the imports between folders, which a tsconfig cannot see. Imports
 * are read with the TypeScript parser, so `import type`, `export ... from`,
 * `import('...')`, `require('...')` and `typeof import('...')` all count.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(__dirname, '..');

/** A folder of the source (or one file) and what it may import. */
interface Layer {
  name: string;
  /** Repo-relative folder (with a trailing slash) or file (without `.ts`). */
  place: string;
  /** The layers it may import (always its own). */
  may: string[];
  /** Why a package may not be imported here, or undefined when it may. */
  packageRule: (spec: string) => string | undefined;
  /** What to tell the reader about this layer when an arrow is wrong. */
  why: string;
}

const isNode = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const isEditor = (spec: string): boolean => spec === 'vscode' || spec.startsWith('vscode-languageclient');
const isLspServer = (spec: string): boolean => /^vscode-languageserver(-textdocument)?(\/|$)/.test(spec);
const isLsp = (spec: string): boolean => spec.startsWith('vscode-languageserver');

const LAYERS: Layer[] = [
  {
    name: 'core',
    place: 'server/src/core/',
    may: [],
    packageRule: (s) => (isNode(s) ? 'Node' : isEditor(s) ? 'the editor' : isLsp(s) ? 'LSP' : undefined),
    why: 'the engine is pure: text, options and today in, findings out (no Node, no LSP, no vscode)',
  },
  {
    name: 'node',
    place: 'server/src/node/',
    may: ['core'],
    packageRule: (s) => (isEditor(s) ? 'the editor' : isLsp(s) ? 'LSP' : undefined),
    why: 'the node layer (files, git, config, clock, import readers) serves the CLI and the server and knows no LSP',
  },
  {
    name: 'features',
    place: 'server/src/features/',
    may: ['core', 'protocol', 'page template'],
    packageRule: (s) => (isNode(s) ? 'Node' : isEditor(s) ? 'the editor' : s === 'vscode-languageserver/node' ? 'the LSP connection' : undefined),
    why: 'a feature takes LSP types and a plain snapshot and does no I/O: files, git and the clock belong to the lsp layer',
  },
  {
    name: 'lsp',
    place: 'server/src/lsp/',
    may: ['core', 'node', 'features', 'protocol'],
    packageRule: (s) => (isEditor(s) ? 'the editor' : undefined),
    why: 'the lsp layer composes core, node and features; it never uses the CLI or the extension',
  },
  {
    name: 'cli',
    place: 'server/src/cli/',
    may: ['core', 'node', 'page template', 'package.json'],
    packageRule: (s) => (isEditor(s) ? 'the editor' : isLsp(s) ? 'LSP' : undefined),
    why: 'the CLI is core plus the node layer; it knows no LSP and no editor',
  },
  {
    name: 'protocol',
    place: 'server/src/protocol',
    may: ['core', 'page template'],
    packageRule: (s) => (s === 'vscode-languageserver-protocol' ? undefined : 'anything but vscode-languageserver-protocol'),
    why: 'protocol.ts is shared with the extension: request types and core constants, nothing of the server',
  },
  {
    name: 'server entry',
    place: 'server/src/server',
    may: ['lsp'],
    packageRule: (s) => (isEditor(s) ? 'the editor' : undefined),
    why: 'server.ts only starts the lsp layer',
  },
  {
    name: 'extension',
    place: 'client/src/',
    may: ['protocol', 'preview', 'page template', 'package.json'],
    packageRule: (s) => (isLspServer(s) ? 'the language server library' : undefined),
    why: 'the extension reaches the server only over LSP, with the types of server/src/protocol.ts',
  },
  {
    name: 'preview',
    place: 'client/preview/',
    may: ['core data types (import type)', 'core wording'],
    packageRule: (s) => (s === 'chart.js' ? undefined : 'anything but chart.js'),
    why: 'the preview runs in a browser: its own files, chart.js, the engine’s data types (with `import type`) and its wording modules (words, dates) only',
  },
];

/** Targets that are not layers of their own. */
const PLACES: { name: string; place: string }[] = [
  { name: 'page template', place: 'client/preview/page' },
  { name: 'page template', place: 'client/preview/messages' },
  { name: 'core data types (import type)', place: 'server/src/core/summaryTypes' },
  { name: 'core data types (import type)', place: 'server/src/core/types' },
  // Bundled into the page so it words dates and counts as the messages do: pure, importing nothing but each other (tested below).
  { name: 'core wording', place: 'server/src/core/words' },
  { name: 'core wording', place: 'server/src/core/dates' },
  { name: 'package.json', place: 'package.json' },
];

/** The plan schema is data the engine reads (its only file outside server/src). */
const CORE_DATA = 'schemas/';

function within(target: string, place: string): boolean {
  return place.endsWith('/') ? target.startsWith(place) || `${target}/` === place : target === place || target === `${place}.ts`;
}

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((l) => within(file, l.place));
}

/** The names a target counts as (the layer it is in, and any named place it is). */
function namesOf(target: string): string[] {
  const names = PLACES.filter((p) => within(target, p.place)).map((p) => p.name);
  const layer = layerOf(target);
  if (layer) names.push(layer.name);
  if (target.startsWith(CORE_DATA)) names.push('schema');
  return names;
}

/** One import of a file: what it names, where, and whether only types come through it. */
export interface ImportRef {
  spec: string;
  line: number;
  typeOnly: boolean;
}

/** Every import of a source text, read with the TypeScript parser. */
export function importsOf(fileName: string, source: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: ImportRef[] = [];
  const add = (literal: ts.Node, typeOnly: boolean): void => {
    if (ts.isStringLiteralLike(literal)) found.push({ spec: literal.text, line: sf.getLineAndCharacterOfPosition(literal.getStart()).line + 1, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes = !!clause && !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause && (clause.isTypeOnly || allTypes));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause;
      const allTypes = !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The wrong-way imports of one file (repo-relative path), each as "file:line imports 'spec': why". */
export function wrongWayImports(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const wrong: string[] = [];
  for (const ref of importsOf(file, source)) {
    const at = `${file}:${ref.line} imports '${ref.spec}'`;
    if (!ref.spec.startsWith('.')) {
      const what = layer.packageRule(ref.spec);
      if (what !== undefined) wrong.push(`${at}: ${layer.name} may not import ${what}; ${layer.why}`);
      continue;
    }
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.spec));
    const names = namesOf(target);
    if (names.includes(layer.name)) continue;
    if (layer.name === 'preview' && names.includes('core data types (import type)')) {
      if (!ref.typeOnly) wrong.push(`${at}: import the engine’s data types with \`import type\`; ${layer.why}`);
      continue;
    }
    if (layer.name === 'core' && names.includes('schema')) continue;
    if (!names.some((n) => layer.may.includes(n))) {
      const where = names.find((n) => LAYERS.some((l) => l.name === n)) ?? target;
      wrong.push(`${at}: ${layer.name} may not import ${where}; ${layer.why}`);
    }
  }
  return wrong;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(REPO, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('architecture: the arrows between the layers', () => {
  const files = ['server/src', 'client/src', 'client/preview'].flatMap(sourceFiles);

  it('every source file belongs to a layer', () => {
    assert.deepEqual(files.filter((f) => !layerOf(f)), []);
    for (const l of LAYERS) assert.ok(files.some((f) => layerOf(f) === l), `no file in ${l.place}`);
  });

  it('no import points the wrong way', () => {
    const wrong = files.flatMap((f) => wrongWayImports(f, readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepEqual(wrong, []);
  });

  it('the wording modules the preview bundles import nothing but each other', () => {
    for (const file of ['server/src/core/words.ts', 'server/src/core/dates.ts']) {
      const targets = importsOf(file, readFileSync(path.join(REPO, file), 'utf8')).map((r) => path.posix.normalize(path.posix.join(path.posix.dirname(file), r.spec)));
      assert.deepEqual(targets.filter((t) => !namesOf(t).includes('core wording')), [], file);
    }
  });

  it('has no circle of imports (types included)', () => {
    const known = new Set(files);
    const resolve = (from: string, spec: string): string | undefined => {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
      return [`${base}.ts`, `${base}/index.ts`, base].find((f) => known.has(f));
    };
    const edges = new Map(files.map((f) => [f, importsOf(f, readFileSync(path.join(REPO, f), 'utf8')).filter((r) => r.spec.startsWith('.')).map((r) => resolve(f, r.spec)).filter((t): t is string => t !== undefined)]));
    // Depth-first search; a file met again while still on the path closes a circle.
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const walk = (f: string, trail: string[]): void => {
      state.set(f, 'open');
      for (const t of edges.get(f) ?? []) {
        if (state.get(t) === 'open') circles.push([...trail.slice(trail.indexOf(t)), f, t].join(' -> '));
        else if (!state.has(t)) walk(t, [...trail, f]);
      }
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) walk(f, []);
    assert.deepEqual(circles, []);
  });

  it('catches each kind of wrong-way import', () => {
    const check = (file: string, lines: string[]): string[] => wrongWayImports(file, lines.join('\n'));
    assert.deepEqual(
      check('server/src/core/check.ts', [
        "import { readFileSync } from 'node:fs';",
        "import type { Diagnostic } from 'vscode-languageserver';",
        "import { loadConfig } from '../node/config';",
        "import { parse } from './parse';",
        "import schema from '../../../schemas/equality-plan.schema.json';",
      ]).map((w) => w.split(';')[0]),
      [
        "server/src/core/check.ts:1 imports 'node:fs': core may not import Node",
        "server/src/core/check.ts:2 imports 'vscode-languageserver': core may not import LSP",
        "server/src/core/check.ts:3 imports '../node/config': core may not import node",
      ],
    );
    assert.deepEqual(
      check('server/src/features/import.ts', ["import { loadImporter } from '../node/import/load';", "import { fileURLToPath } from 'node:url';", "import type { ImportOutcome } from '../core/import/types';"]).map((w) => w.split(';')[0]),
      ["server/src/features/import.ts:1 imports '../node/import/load': features may not import node", "server/src/features/import.ts:2 imports 'node:url': features may not import Node"],
    );
    assert.deepEqual(
      check('server/src/cli/main.ts', ["import { startServer } from '../lsp/server';", "import { hover } from '../features/hover';", "import { version } from '../../../package.json';"]).map((w) => w.split(';')[0]),
      ["server/src/cli/main.ts:1 imports '../lsp/server': cli may not import lsp", "server/src/cli/main.ts:2 imports '../features/hover': cli may not import features"],
    );
    assert.deepEqual(
      check('client/src/commands.ts', [
        "import { checkPlan } from '../../server/src/core';",
        "type Store = typeof import('../../server/src/lsp/store');",
        "import { FIX_ALL_KIND } from '../../server/src/protocol';",
        "import { createConnection } from 'vscode-languageserver/node';",
        "import { reportHtml } from '../preview/page';",
      ]).map((w) => w.split(';')[0]),
      [
        "client/src/commands.ts:1 imports '../../server/src/core': extension may not import core",
        "client/src/commands.ts:2 imports '../../server/src/lsp/store': extension may not import lsp",
        "client/src/commands.ts:4 imports 'vscode-languageserver/node': extension may not import the language server library",
      ],
    );
    assert.deepEqual(
      check('client/preview/render.ts', [
        "import * as vscode from 'vscode';",
        "import { readFileSync } from 'node:fs';",
        "import { baseName } from '../src/planDocuments';",
        "import { checkPlan } from '../../server/src/core';",
        "import { PlanSummary } from '../../server/src/core/summaryTypes';",
        "import { type Finding } from '../../server/src/core/types';",
        "import type { Chart } from 'chart.js';",
        "import { h } from './dom';",
        "const lazy = import('../src/commands');",
        "import {\n  activate,\n} from '../src/extension';",
      ]).map((w) => w.split(';')[0]),
      [
        "client/preview/render.ts:1 imports 'vscode': preview may not import anything but chart.js",
        "client/preview/render.ts:2 imports 'node:fs': preview may not import anything but chart.js",
        "client/preview/render.ts:3 imports '../src/planDocuments': preview may not import extension",
        "client/preview/render.ts:4 imports '../../server/src/core': preview may not import core",
        "client/preview/render.ts:5 imports '../../server/src/core/summaryTypes': import the engine’s data types with `import type`",
        "client/preview/render.ts:9 imports '../src/commands': preview may not import extension",
        "client/preview/render.ts:12 imports '../src/extension': preview may not import extension",
      ],
    );
  });
});
