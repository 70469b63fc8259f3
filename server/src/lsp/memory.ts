/**
 * Gives memory back after large work. V8 grows its heap to fit what a
 * 5,000-action plan costs to parse and check (and the garbage each keystroke
 * leaves), and keeps that size long after the work is done: the process then
 * holds hundreds of megabytes for a plan that needs a hundred, and still
 * holds them after the plan is closed. A full collection, run when the
 * resident size has grown well past what it was after the last one, or when
 * a large plan closes, hands the pages back.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth past the size after the last collection that is worth one (a full collection of a large plan's heap takes some tens of milliseconds). */
const GROWTH_BYTES = 48 * 1024 * 1024;
const GROWTH_SHARE = 0.3;
/** A document this long is large: closing it is worth a collection. */
export const LARGE_TEXT = 1_000_000;

let collector: (() => void) | undefined | null = null;

/** V8's full collection that returns memory: `gc` of a fresh context once the flag is set (undefined where that is not possible). */
function fullCollection(): (() => void) | undefined {
  if (collector === null) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      // A plain collection frees the garbage but keeps its pages for later; the last-resort one after it (cheap then) hands them back.
      collector =
        typeof gc === 'function'
          ? () => {
              gc();
              gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
            }
          : undefined;
    } catch {
      collector = undefined;
    }
  }
  return collector;
}

export class MemoryKeeper {
  /** Resident size after the last collection (or at the start). */
  private settled = process.memoryUsage.rss();
  collections = 0;

  /** After a check or a publish: collects when the process has grown well past its settled size. */
  afterWork(): void {
    const rss = process.memoryUsage.rss();
    if (rss - this.settled > Math.max(GROWTH_BYTES, this.settled * GROWTH_SHARE)) this.collect();
    else if (rss < this.settled) this.settled = rss;
  }

  /**
   * After a document closed: a large one's memory goes back, once the close
   * has been handled (the next turn of the event loop), when its text, parse
   * and check are no longer reachable from the close handler. Resolves when done.
   */
  closed(textLength: number): Promise<void> {
    if (textLength < LARGE_TEXT) return Promise.resolve();
    return new Promise((resolve) =>
      setImmediate(() => {
        this.collect();
        resolve();
      }),
    );
  }

  private collect(): void {
    const gc = fullCollection();
    if (!gc) return;
    gc();
    this.collections++;
    this.settled = process.memoryUsage.rss();
  }
}

/** The server's one keeper (one process, one heap). */
export const memory = new MemoryKeeper();
