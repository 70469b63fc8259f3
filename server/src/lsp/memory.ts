/**
 * Gives memory back after large work. V8 grows its heap to fit what a
 * 5,000-action plan costs to parse and check (and the garbage each keystroke
 * leaves), and keeps that size long after the work is done: the process then
 * holds hundreds of megabytes for a plan that needs a hundred, and still
 * holds them after the plan is closed. A full collection hands the pages
 * back: run when the resident size has grown well past what it was after
 * the last one, when a large plan closes, and once the server is idle after
 * work that left it larger (what the work still held at the first goes then).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth past the size after the last collection that is worth one (a full collection of a large plan's heap takes some tens of milliseconds). */
const GROWTH_BYTES = 48 * 1024 * 1024;
const GROWTH_SHARE = 0.3;
/** Growth past the settled size that is handed back once the server is idle (a collection then costs nobody a wait). */
const IDLE_GROWTH_BYTES = 16 * 1024 * 1024;
/** How long without work counts as idle: a pause in typing. */
export const IDLE_MS = 500;
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

/** Runs `fn` after `ms` unless cancelled first (a timer that does not keep the process alive). */
export type Later = (fn: () => void, ms: number) => { cancel(): void };

const later: Later = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

export class MemoryKeeper {
  /** Resident size after the last collection (or at the start). */
  private settled: number;
  collections = 0;
  private idle: { cancel(): void } | undefined;

  /** `rss` and `after` are the process's own unless a test gives its own. */
  constructor(
    private readonly rss: () => number = () => process.memoryUsage.rss(),
    private readonly after: Later = later,
  ) {
    this.settled = rss();
  }

  /**
   * After a check or a publish: collects at once when the process has grown
   * well past its settled size, and once the server is idle (a pause in
   * typing) when it has grown at all or collected in the middle of work.
   * Work while that collection waits puts it off again.
   */
  afterWork(): void {
    const rss = this.rss();
    let idleCollection = rss - this.settled > IDLE_GROWTH_BYTES;
    if (rss - this.settled > Math.max(GROWTH_BYTES, this.settled * GROWTH_SHARE)) {
      this.collect();
      // Made in the middle of work, it keeps what the work still held: another once idle hands that back.
      idleCollection = true;
    } else if (rss < this.settled) this.settled = rss;
    if (idleCollection || this.idle) this.collectWhenIdle();
  }

  /** An edit came in: a collection waiting for the server to be idle waits again (typing with a long pause setting publishes nothing for a while). */
  typing(): void {
    if (this.idle) this.collectWhenIdle();
  }

  /** Collects once no work has come for `IDLE_MS` (each call starts the wait again). */
  private collectWhenIdle(): void {
    this.idle?.cancel();
    this.idle = this.after(() => {
      this.idle = undefined;
      this.collect();
    }, IDLE_MS);
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
        // And once idle, what the close still held (the last publication, the messages around it).
        this.collectWhenIdle();
        resolve();
      }),
    );
  }

  private collect(): void {
    const gc = fullCollection();
    if (!gc) return;
    gc();
    this.collections++;
    this.settled = this.rss();
  }
}

/** The server's one keeper (one process, one heap). */
export const memory = new MemoryKeeper();
