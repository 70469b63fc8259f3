/**
 * Each open plan's git history, for the `repeated-slip` rule, the deadline
 * hover and the preview's "Changes since" section. Read with `git` once per
 * commit (cached by file and HEAD) and never while a keystroke waits: the
 * first check of a plan goes ahead without history, the read runs in the
 * background, and when it arrives the plans are checked and published again.
 * HEAD is looked at again at most every `HEAD_RECHECK_MS`, so a commit made
 * outside the editor is picked up. A plan outside git (or without git
 * installed) has no history and no error.
 */
import { historyIndex, planHistory, type CheckInput, type KnownHistory, type PlanHistory } from '../core';
import { planRepository, readBaseVersion, readCommittedVersions, type BaseVersion } from '../node/planVersions';
import { uriToPath } from './workspaceFiles';

/** How often, at most, the server asks git whether a plan's repository has a new commit. */
export const HEAD_RECHECK_MS = 2000;

/** What git says about one plan at one commit. */
export interface PlanPast {
  /** `<file>@<commit>`: the key of this history. */
  at: string;
  /** Each action's history by id, as the check reads it; undefined when git has no version of the plan yet. */
  known?: KnownHistory;
  /** The whole history (the preview's chart of RAG over time). */
  history: PlanHistory;
  /** What the preview's "Changes since" compares with. */
  base?: BaseVersion;
}

interface Entry {
  /** The history read at the commit `head` (undefined outside git, or before the first read ends). */
  past?: PlanPast;
  head?: string;
  /** The read in flight. */
  reading?: Promise<void>;
  /** When HEAD was last asked for (ms since the epoch). */
  askedAt: number;
}

export class PlanHistories {
  private readonly entries = new Map<string, Entry>();

  /**
   * `isOpen` limits the reads to the plans open in the editor (a workspace
   * of plans on disk is not walked through git); `arrived` hears of a plan
   * whose history is new, to check it again.
   */
  constructor(
    private readonly isOpen: (uri: string) => boolean,
    private readonly arrived: (uri: string) => void,
    private readonly logError: (what: string, error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The options with the plan's history added when it is known; starts a read in the background when it may be out of date. */
  attach(uri: string, options: CheckInput): CheckInput {
    const past = this.current(uri);
    return past?.known ? { ...options, history: past.known } : options;
  }

  /** What is known now of the plan's past (never waits); starts a read when HEAD may have moved. */
  current(uri: string): PlanPast | undefined {
    const file = uriToPath(uri);
    if (!file || !this.isOpen(uri)) return undefined;
    const entry = this.entry(file);
    if (!entry.reading && this.now() - entry.askedAt >= HEAD_RECHECK_MS) this.read(uri, file, entry);
    return entry.past;
  }

  /** The plan's past once any read in flight has ended (the preview's request waits for it; checks never do). */
  async settled(uri: string): Promise<PlanPast | undefined> {
    const file = uriToPath(uri);
    if (!file) return undefined;
    this.current(uri);
    const entry = this.entries.get(file);
    await entry?.reading;
    return entry?.past;
  }

  private entry(file: string): Entry {
    let entry = this.entries.get(file);
    if (!entry) {
      entry = { askedAt: 0 };
      this.entries.set(file, entry);
    }
    return entry;
  }

  private read(uri: string, file: string, entry: Entry): void {
    entry.askedAt = this.now();
    entry.reading = this.readPast(file, entry)
      .then((changed) => {
        if (changed && this.entries.get(file) === entry) this.arrived(uri);
      })
      .catch((e) => this.logError(`reading the git history of ${file}`, e))
      .finally(() => {
        entry.reading = undefined;
      });
  }

  /** Reads the plan's past when HEAD moved; says whether what is known changed. */
  private async readPast(file: string, entry: Entry): Promise<boolean> {
    const repo = await planRepository(file);
    if (!repo?.head) {
      const had = entry.past !== undefined;
      entry.past = undefined;
      entry.head = undefined;
      return had;
    }
    if (repo.head === entry.head && entry.past) return false;
    const versions = await readCommittedVersions(repo);
    const history = planHistory(versions);
    const at = `${file}@${repo.head}`;
    entry.past = { at, known: versions.length > 0 ? { at, actions: historyIndex(history) } : undefined, history, base: await readBaseVersion(repo) };
    entry.head = repo.head;
    return true;
  }
}
