/**
 * How the extension starts the language server's process: with a smaller
 * young generation for V8 (`--max-semi-space-size`) and glibc's allocator
 * told to hand large blocks back to the system. With a 5,000-action plan open
 * and edited 1,000 times, the server then holds about 150 MB instead of about
 * 250 MB, and returns to near its starting size when the plan closes: the V8
 * heap itself stays flat, but by default each young generation grows to 32 MB
 * and the allocator keeps the space of the large messages a check publishes.
 * Settings the user has already given in the environment are kept. The
 * benchmark (`tests/bench/server.ts`) starts the server the same way;
 * `docs/editors/other.md` says how other editors can.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];

/** The allocator's settings (glibc reads them at start; other C libraries ignore them). */
const ALLOCATOR: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** The server's environment: `base` with the allocator's settings it does not already have. */
export function serverEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [name, value] of Object.entries(ALLOCATOR)) if (env[name] === undefined) env[name] = value;
  return env;
}
