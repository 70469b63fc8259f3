/**
 * A worker thread of `eqplan check` over many plans (bundled to
 * dist/checkWorker.js). It receives batches of files, checks each exactly as
 * the single-thread loop does (`checkOneFile`), and posts the results back;
 * `parallelCheck.ts` puts them in file order.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../node/config';
import { checkOneFile } from './checkFiles';
import { toPosix } from './files';
import { UsageError } from './errors';
import type { BatchOutcome, FileBatch, WorkerSetup } from './parallelCheck';

const setup = workerData as WorkerSetup;
const configs = new ConfigResolver(setup.config, (file) => toPosix(path.relative(setup.cwd, file)) || file);
const opts = { asOf: setup.asOf, localToday: setup.localToday, configs, fix: false, safeFixes: setup.safeFixes };

parentPort?.on('message', (batch: FileBatch) => {
  const outcomes: BatchOutcome['outcomes'] = batch.files.map((file) => {
    try {
      return { result: checkOneFile(file, opts) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e), usage: e instanceof UsageError };
    }
  });
  parentPort?.postMessage({ start: batch.start, outcomes } satisfies BatchOutcome);
});
