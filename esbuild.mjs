// Builds the bundles: the CLI and the language server (Node), the VS Code
// extension (Node, `vscode` external) and the preview page (browser, in its
// own folder: the only one of dist/ the webview may load from).
// Entries whose source does not exist yet are skipped, so a partial checkout
// still builds.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { bundledValidatorModule } from './scripts/build/planValidator.mjs';
import { writeEditorSchema } from './scripts/vscode/editorSchema.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  // bin/eqplan.js runs dist/start.js, which loads dist/cli.js with V8's code cache (server/src/node/codeCache.ts).
  { entryPoints: ['server/src/cli/start.ts'], outfile: 'dist/start.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The worker threads of `eqplan check` over many plans (server/src/cli/parallelCheck.ts).
  { entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The importer's readers (zip, XML and CSV libraries) in their own bundle, loaded by the CLI and the server only when
  // an import runs (server/src/node/import/load.ts), so checking never loads them.
  { entryPoints: ['server/src/node/import/index.ts'], outfile: 'dist/import.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { entryPoints: ['client/preview/main.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

// The plan schema's validator, compiled now rather than at every start of the CLI or the server:
// server/src/core/schemaValidator.ts (which compiles at run time, for the sources under tsx) is
// replaced by ajv's standalone code for the same schema and options.
const PLAN_SCHEMA_FILE = 'schemas/equality-plan.schema.json';
/** @type {import('esbuild').Plugin} */
const precompiledValidator = {
  name: 'precompiled-planValidator',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]core[\\/]schemaValidator\.ts$/ }, () => ({
      contents: bundledValidatorModule(PLAN_SCHEMA_FILE),
      loader: 'js',
      resolveDir: process.cwd(),
      watchFiles: [PLAN_SCHEMA_FILE],
    }));
  },
};

const active = targets.filter((t) => existsSync(t.entryPoints[0]));
// Licence notices of bundled libraries (Chart.js and its colour helper are MIT) stay at the end of
// each bundle, so the VSIX and every exported report carry them.
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'eof', plugins: [precompiledValidator] };

// The schema the extension gives the Red Hat YAML extension (completion and hovers only; see the script).
if (existsSync('schemas/equality-plan.schema.json')) {
  writeEditorSchema('schemas/equality-plan.schema.json', 'dist/equality-plan.editor.schema.json');
}

if (watch) {
  for (const t of active) {
    const ctx = await esbuild.context({ ...common, ...t });
    await ctx.watch();
  }
} else {
  await Promise.all(active.map((t) => esbuild.build({ ...common, ...t })));
}
