import { OPTIONS } from '../core';

/**
 * Runs a task per key once input has paused for `delay` ms: each new call
 * for a key restarts its timer, so 100 keystrokes make one check.
 *
 * A timer that fires late means the server was busy (a whole parse of a large
 * plan, a check): edits the editor sent meanwhile may still be waiting, unread,
 * in the input, and the server cannot see them. Calling that a pause would
 * check, and publish, a version the editor has already replaced. So a late
 * timer waits a moment more (`SETTLE_MS`), which lets the waiting messages be
 * read; each of them restarts the timer as any edit does.
 */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What a check of each key has cost lately (ms, a running average): see `delayFor`. */
  private readonly costs = new Map<string, number>();

  /** From the last keystroke to diagnostics shown, a check included, at most this long when checks are quick. */
  static readonly FEEDBACK_MS = 80;
  /** The shortest wait: a few keystrokes typed in a burst still make one check. */
  static readonly MIN_MS = 20;
  private readonly waiters = new Map<string, (() => void)[]>();

  /** How late a timer may fire and still count as on time. */
  static readonly LATE_MS = 40;
  /** How long a late timer waits for unread edits: long enough for the input to be read, short enough not to be felt. */
  static readonly SETTLE_MS = 30;
  /**
   * How many times in a row a timer may wait: the server can be busy with other work than reading edits
   * (checking the workspace's plans on disk), and the task must not wait long for that.
   */
  static readonly MAX_SETTLES = 3;

  constructor(private delay: number) {}

  /** The settings reader has checked `ms` already; the clamp keeps any other caller inside the same range. */
  setDelay(ms: number): void {
    this.delay = Math.max(OPTIONS.debounceMs.min, Math.min(ms, OPTIONS.debounceMs.max));
  }

  schedule(key: string, task: () => void): void {
    const old = this.timers.get(key);
    if (old !== undefined) clearTimeout(old);
    this.arm(key, task, this.delayFor(key), 0);
  }

  /** A check of `key` took `ms`: the next waits follow what checks cost. */
  recordCost(key: string, ms: number): void {
    const old = this.costs.get(key);
    this.costs.set(key, old === undefined ? ms : (old + ms) / 2);
  }

  /**
   * How long to wait for a pause: the configured delay (`debounceMs`) at
   * most. When checks of the document are quick, less: a check then costs
   * little even if typing goes on after it, and the officer sees the result
   * within `FEEDBACK_MS` of the last keystroke. A check that takes long
   * (a very large plan, a slow machine) waits the whole delay, so typing is
   * not held up by checks of versions about to be replaced.
   */
  delayFor(key: string): number {
    const cost = this.costs.get(key);
    if (cost === undefined) return this.delay;
    const quick = Debouncer.FEEDBACK_MS - 2 * cost;
    return quick >= Debouncer.MIN_MS ? Math.min(this.delay, quick) : this.delay;
  }

  private arm(key: string, task: () => void, ms: number, settles: number): void {
    const due = performance.now() + ms;
    const timer = setTimeout(() => {
      if (performance.now() - due > Debouncer.LATE_MS && settles < Debouncer.MAX_SETTLES) {
        this.arm(key, task, Debouncer.SETTLE_MS, settles + 1);
        return;
      }
      this.timers.delete(key);
      try {
        task();
      } finally {
        this.settle(key);
      }
    }, ms);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
    this.costs.delete(key);
    this.settle(key);
  }

  /**
   * Resolves once no task is waiting for `key` (at once when none is). Requests that read the
   * whole check or the whole parse (diagnostics pulled by the editor, code actions, code lens,
   * symbols, folding, inlay hints, the preview's summary) wait for the pause in typing instead
   * of parsing and checking every intermediate version themselves.
   */
  whenSettled(key: string): Promise<void> {
    if (!this.timers.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }

  private settle(key: string): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    list?.forEach((resolve) => resolve());
  }

  isPending(key: string): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const key of [...this.waiters.keys()]) this.settle(key);
    this.timers.clear();
  }
}
