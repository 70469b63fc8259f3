/**
 * Loads the import pipeline only when an import runs. In the built product
 * it is its own bundle, dist/import.js, beside dist/cli.js and
 * dist/server.js, so the zip, XML and CSV libraries (about 0.5 MB)
 * cost nothing to `eqplan check` or to the language server's start-up. Run
 * from source (tests, tsx) the module is imported directly.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export type ImportModule = typeof import('./index');

/** The source module's path, kept in a variable so that esbuild leaves it out of the bundle that loads it. */
const SOURCE_MODULE = './index';

let loaded: Promise<ImportModule> | undefined;

/** The import pipeline (`importFile`, `readSourceFile`, `ImportError`). */
export function loadImporter(): Promise<ImportModule> {
  loaded ??= (async () => {
    const bundled = path.join(__dirname, 'import.js');
    // require, not import(): the bundles are CommonJS, and this path is only known at run time.
    if (existsSync(bundled) && __filename.endsWith('.js')) return require(bundled) as ImportModule;
    return (await import(SOURCE_MODULE)) as ImportModule;
  })();
  return loaded;
}
