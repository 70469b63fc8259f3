/**
 * Starting the command line quickly: the bundle (`dist/cli.js`) is compiled
 * with V8's code cache, kept from the last run, so that a check of one plan
 * does not spend its first tens of milliseconds compiling the same code again.
 * Node 22 has this built in (`module.enableCompileCache`); Node 20, which
 * eqplan supports, has only the `vm` module's `cachedData`, used here.
 *
 * The cache is one file per bundle, Node version and build of the bundle, in a
 * folder of the user's own under the system's temporary folder (what Node's
 * own compile cache uses). A cache is code, so a folder another user could
 * write to is never used; a cache V8 rejects (another V8, other flags, a
 * damaged file) is ignored and written again. Anything that goes wrong with
 * the cache only means a slower start: the bundle is then loaded as usual.
 * `EQPLAN_CACHE_DIR` names another folder; `EQPLAN_CACHE_DIR=off` turns it off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** The folder the cache is kept in, or undefined when it is off or not safely the user's own. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.EQPLAN_CACHE_DIR;
  if (chosen === 'off') return undefined;
  const uid = process.getuid?.();
  const dir = chosen || path.join(tmpdir(), `eqplan-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) return undefined;
    // Only a folder this user owns and no one else can write to.
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Runs a CommonJS bundle as `require(file)` would, compiled with the code
 * cache kept in `cacheDir` (none when undefined), and writes the cache when
 * there was none or V8 rejected it: at the process's exit, so that it holds
 * the functions the run compiled, not only the top level.
 */
export function requireWithCodeCache(file: string, cacheDir: string | undefined): unknown {
  if (cacheDir === undefined) return require(file);
  let source: string;
  let cacheFile: string;
  try {
    source = readFileSync(file, 'utf8');
    const st = statSync(file);
    cacheFile = path.join(cacheDir, `${path.basename(file)}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.cache`);
  } catch {
    return require(file);
  }
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // The caches of earlier builds of the bundle (or of another Node) are of no more use.
        const prefix = `${path.basename(file)}-`;
        for (const name of readdirSync(cacheDir)) {
          if (name.startsWith(prefix) && name.endsWith('.cache') && path.join(cacheDir, name) !== cacheFile) rmSync(path.join(cacheDir, name), { force: true });
        }
      } catch {
        // No cache this time: the next start compiles the bundle again.
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}
