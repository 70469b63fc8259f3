/**
 * `eqplan check` over many plans on every core: the files are handed out in
 * small batches to worker threads (`checkWorker.ts`) and to this thread, and
 * the results are put back in file order, so the output is the same as the
 * single-thread loop's (tests/cli/parallel.test.ts proves it). A file that
 * cannot be read or has a bad config fails the run with the same message as
 * it would single-threaded: the first such file in order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkOneFile, type CheckFilesOptions } from './checkFiles';
import { UsageError } from './errors';
import type { PlanFile } from './files';
import type { FileResult } from './results';

/** What a worker needs to rebuild the run's options (functions and caches do not cross threads). */
export interface WorkerSetup {
  cwd: string;
  /** `--config`, absolute. */
  config?: string;
  asOf?: string;
  localToday: string;
  /** `CheckFilesOptions.safeFixes`. */
  safeFixes: boolean;
}

export interface FileBatch {
  start: number;
  files: PlanFile[];
}

export type FileOutcome = { result: FileResult } | { error: string; usage: boolean };

export interface BatchOutcome {
  start: number;
  outcomes: FileOutcome[];
}

/** Below this many files a worker's start-up (loading the checker again) costs more than it saves. */
export const PARALLEL_MIN_FILES = 8;
/** Files per batch: small enough to share the work evenly, large enough that messages cost little. */
const BATCH_SIZE = 4;

/** How many threads to check `fileCount` files with: every core, never more than the files need. */
export function threadsFor(fileCount: number): number {
  if (fileCount < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / (PARALLEL_MIN_FILES / 2))));
}

/** tsx's require hook, in a variable so that esbuild leaves it out of the bundle (the bundle never runs from source). */
const TSX_REGISTER = 'tsx/cjs/api';

/** A worker: the bundle beside this one, or, run from source (tests, under tsx), the source file loaded through tsx. */
function startWorker(setup: WorkerSetup): Worker {
  const bundled = path.join(__dirname, 'checkWorker.js');
  if (__filename.endsWith('.js') && existsSync(bundled)) return new Worker(bundled, { workerData: setup });
  // Node 20 starts a worker's script before `--import tsx` hooks are in place, so register tsx's require hook first.
  const source = path.join(__dirname, 'checkWorker.ts');
  const tsx = require.resolve(TSX_REGISTER);
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData: setup });
}

/**
 * Checks `files` on `threads` threads (this one and `threads - 1` workers)
 * and returns the results in file order. Not for `--fix`: fixing writes files
 * and reports on stderr in file order, which stays single-threaded. With
 * `workersOnly` this thread only hands out work (tests use it so that every
 * file crosses a thread).
 */
export async function checkFilesInParallel(
  files: readonly PlanFile[],
  opts: CheckFilesOptions,
  setup: WorkerSetup,
  threads: number,
  workersOnly = false,
): Promise<FileResult[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let next = 0;
  const take = (): FileBatch | undefined => {
    if (next >= files.length) return undefined;
    const batch = { start: next, files: files.slice(next, next + BATCH_SIZE) };
    next += batch.files.length;
    return batch;
  };
  const store = (b: BatchOutcome) => b.outcomes.forEach((o, i) => (outcomes[b.start + i] = o));

  const workers = Array.from({ length: Math.max(workersOnly ? 1 : 0, threads - 1) }, () => startWorker(setup));
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        // Two batches in hand, so a worker never waits for this thread, which is busy checking too.
        let inHand = 0;
        const feed = () => {
          while (inHand < 2) {
            const batch = take();
            if (!batch) break;
            inHand++;
            worker.postMessage(batch);
          }
          if (inHand === 0) resolve();
        };
        worker.on('message', (b: BatchOutcome) => {
          store(b);
          inHand--;
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (inHand > 0 ? reject(new Error(`a checking thread stopped (exit code ${code})`)) : resolve()));
        worker.once('online', feed);
      }),
  );

  // This thread checks batches too, letting the workers' messages in between.
  for (let batch = workersOnly ? undefined : take(); batch; batch = take()) {
    store({ start: batch.start, outcomes: batch.files.map((file) => outcomeOf(file, opts)) });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  try {
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  return outcomes.map((o) => {
    if ('result' in o) return o.result;
    throw o.usage ? new UsageError(o.error) : new Error(o.error);
  });
}

function outcomeOf(file: PlanFile, opts: CheckFilesOptions): FileOutcome {
  try {
    return { result: checkOneFile(file, opts) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), usage: e instanceof UsageError };
  }
}
