/**
 * What `bin/eqplan.js` runs (bundled to dist/start.js): the command line's
 * bundle, dist/cli.js, loaded with V8's code cache (`node/codeCache.ts`), so
 * that a check of one plan starts without compiling the whole bundle again.
 */
import * as path from 'node:path';
import { codeCacheDir, requireWithCodeCache } from '../node/codeCache';

requireWithCodeCache(path.join(__dirname, 'cli.js'), codeCacheDir(process.env));
