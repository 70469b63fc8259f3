/**
 * The options each plan is checked with: the project's config file
 * (`.eqplanrc.yaml`, `eqplan.config.json`) first, the editor's `eqplan`
 * settings on top (as the CLI layers `--as-of` over the config file), plus the
 * local date. Settings are asked for per document through
 * `workspace/configuration` (or taken from `initialize` and
 * `didChangeConfiguration` when the client cannot be asked), read by
 * `readSettings` and cached until they change.
 */
import { mergeOptions, type CheckInput, type CheckOptions } from '../core';
import { ConfigResolver } from '../node/config';
import type { Debouncer } from './debouncer';
import type { Session } from './session';
import { readSettings, type EqplanSettings } from './settings';
import { uriToPath } from './workspaceFiles';

/**
 * How often, at most, the server looks at config files on disk (a few `stat`
 * calls) for changes that its editor does not report.
 */
export const CONFIG_RECHECK_MS = 1000;

/** How long the server waits for the editor to answer `workspace/configuration`. */
const SETTINGS_WAIT_MS = 3000;

/**
 * How long, at most, the server waits after `initialize` for the settings of
 * a client that cannot be asked for them and sent none with `initialize`:
 * Neovim and ALE send them by `didChangeConfiguration` just after it, and a
 * first publish with the defaults would show findings that then change.
 */
export const SETTINGS_ARRIVAL_MS = 500;

/** What changed, for whoever checks the plans again: late settings name the one document they are for. */
export type ConfigurationChange = { what: 'late settings'; uri: string } | { what: 'config files' };

/** One `workspace/configuration` request: the documents it asks for, each answered in order. */
interface SettingsAsk {
  key: string;
  uri: string | undefined;
  resolve: (raw: unknown) => void;
  /** The cache entry this ask fills (a late answer is taken only if it is still the one in use). */
  entry: () => Promise<EqplanSettings> | undefined;
}

export class Configuration {
  /** The settings sent with `initialize` or `didChangeConfiguration` (used when the client cannot be asked, or answers with nothing). */
  private globalSettings: unknown = {};
  /** Resolves once the settings of a client that cannot be asked are known (or once waiting for them has taken too long). */
  private globalKnown: Promise<void> = Promise.resolve();
  private endGlobalWait: (() => boolean) | undefined;
  private readonly settingsCache = new Map<string, Promise<EqplanSettings>>();
  /**
   * Settings requests go one at a time, each for every document waiting: a
   * client that opens 10,000 plans at once gets two or three requests, not
   * 10,000, and no answer waits behind thousands of others.
   */
  private waiting: SettingsAsk[] = [];
  private inFlight = false;
  /** The editor let a request time out and has not answered it yet: the defaults apply at once, and these documents are asked again once it answers. */
  private slow = false;
  private readonly defaultedWhileSlow = new Set<string>();
  /** Not every editor reports changed files (Neovim 0.7 does not): the resolver also looks at the disk itself, at most once a second. */
  readonly configs: ConfigResolver;

  /** `changed` hears of settings that came late and of config files that changed (both mean: check again). */
  constructor(
    private readonly session: Session,
    private readonly debouncer: Debouncer,
    private readonly localToday: () => string,
    private readonly changed: (change: ConfigurationChange) => void,
  ) {
    this.configs = new ConfigResolver(undefined, undefined, { recheckAfterMs: CONFIG_RECHECK_MS, onChange: () => setImmediate(() => this.changed({ what: 'config files' })) });
  }

  /** Adds to a plan's options what neither settings nor config files give: its git history (`history.ts`, set by `server.ts`). */
  extend: (uri: string, options: CheckInput) => CheckInput = (_uri, options) => options;

  /** Settings from `initialize` or `didChangeConfiguration` (the `eqplan` section, or the whole object when it has none); returns `settingsArrived()`. */
  setGlobalSettings(raw: unknown): boolean {
    this.globalSettings = raw;
    return this.settingsArrived();
  }

  /**
   * The client cannot be asked for settings and sent none with `initialize`:
   * hold every check until they arrive by `didChangeConfiguration`, for at
   * most `SETTINGS_ARRIVAL_MS`.
   */
  waitForSettings(): void {
    this.globalKnown = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.endGlobalWait = undefined;
        resolve();
      }, SETTINGS_ARRIVAL_MS);
      timer.unref();
      this.endGlobalWait = () => {
        clearTimeout(timer);
        this.endGlobalWait = undefined;
        resolve();
        return true;
      };
    });
  }

  /**
   * The client has said its settings (`didChangeConfiguration`, even one
   * without an `eqplan` section). True when the server was still holding its
   * checks for them: those checks now run with them, so nothing needs checking again.
   */
  settingsArrived(): boolean {
    return this.endGlobalWait?.() ?? false;
  }

  /** Settings may have changed: ask again. */
  clear(): void {
    this.settingsCache.clear();
    this.defaultedWhileSlow.clear();
  }

  /** A document was closed: its settings are asked for again if it is reopened. */
  forget(uri: string): void {
    this.settingsCache.delete(uri);
    this.defaultedWhileSlow.delete(uri);
  }

  /** The settings of a document (asked once, then cached); reading them sets the debounce delay. */
  settingsFor(uri: string | undefined): Promise<EqplanSettings> {
    const key = uri ?? '';
    let cached = this.settingsCache.get(key);
    if (!cached) {
      let mine: Promise<EqplanSettings> | undefined;
      const raw: Promise<unknown> = this.session.client.configuration ? this.askForSettings(key, uri, () => mine) : this.globalKnown.then(() => this.globalSettings);
      cached = mine = raw.then((r) => this.applySettings(r));
      this.settingsCache.set(key, cached);
    }
    return cached;
  }

  /** Today's local date, as every check of this server sees it when no `asOf` is set. */
  today(): string {
    return this.localToday();
  }

  /** Config file first, settings on top, as the CLI layers `--as-of` over the config file; plus the local date. */
  async optionsFor(uri: string): Promise<{ options: CheckInput; settings: EqplanSettings }> {
    const settings = await this.settingsFor(uri);
    let fileOptions: CheckOptions = {};
    const file = uriToPath(uri);
    if (file) {
      const loaded = this.configs.forPlan(file);
      if (loaded.errors.length > 0) {
        // A broken config is ignored as a whole (defaults apply) and said once, rather than half-applied.
        this.session.showProblemOnce(`eqplan is ignoring the config file ${loaded.file ?? ''} until it is fixed: ${loaded.errors.join(' ')}`);
      } else {
        fileOptions = loaded.options;
      }
    }
    return { options: this.extend(uri, { ...mergeOptions(fileOptions, settings.options), localToday: this.localToday() }), settings };
  }

  /** Reads raw settings, says what is wrong with them, and takes their debounce delay. */
  private applySettings(raw: unknown): EqplanSettings {
    const { settings, problems } = readSettings(raw);
    problems.forEach((p) => this.session.showProblemOnce(p));
    this.debouncer.setDelay(settings.debounceMs);
    return settings;
  }

  /**
   * Asks the editor for the `eqplan` settings of a document, in the next
   * request (one at a time, each for every document waiting). An editor that
   * does not answer within `SETTINGS_WAIT_MS` gets the defaults for now (and
   * is not asked again, nor waited for, until it answers); its answer, when
   * it comes, is used from then on and the documents it concerns, and those
   * given the defaults meanwhile, are checked again, each on its own.
   */
  private askForSettings(key: string, uri: string | undefined, entry: () => Promise<EqplanSettings> | undefined): Promise<unknown> {
    if (this.slow) {
      this.defaultedWhileSlow.add(key);
      return Promise.resolve({});
    }
    return new Promise<unknown>((resolve) => {
      this.waiting.push({ key, uri, resolve, entry });
      this.sendWaiting();
    });
  }

  /** An answer of `null` (eglot with no `eqplan` section configured) means: the settings from `initialize`, if any. */
  private answerOrGlobal(answer: unknown): unknown {
    return answer === null || answer === undefined ? this.globalSettings : answer;
  }

  private sendWaiting(): void {
    if (this.inFlight || this.waiting.length === 0 || this.session.shutDown) return;
    const batch = this.waiting;
    this.waiting = [];
    this.inFlight = true;
    const asked: Promise<unknown[]> = this.session.connection.workspace.getConfiguration(batch.map((b) => ({ scopeUri: b.uri, section: 'eqplan' }))).then(
      (answers: unknown) => (Array.isArray(answers) ? answers : []),
      () => [],
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.slow = true;
      this.session.log(`eqplan: the editor did not answer the request for the eqplan settings within ${SETTINGS_WAIT_MS / 1000} seconds; the defaults apply until it does.`);
      batch.forEach((b) => b.resolve({}));
      // Whoever was waiting for the next request gets the defaults too, and is asked again once the editor answers.
      const queued = this.waiting;
      this.waiting = [];
      queued.forEach((b) => {
        this.defaultedWhileSlow.add(b.key);
        b.resolve({});
      });
    }, SETTINGS_WAIT_MS);
    timer.unref();
    void asked.then((answers) => {
      this.inFlight = false;
      if (!timedOut) {
        clearTimeout(timer);
        batch.forEach((b, i) => b.resolve(this.answerOrGlobal(answers[i])));
        this.sendWaiting();
        return;
      }
      this.slow = false;
      // Still the settings in use for these documents (not replaced since by a settings change)? Take the late answers, and check each again with its own.
      batch.forEach((b, i) => {
        const mine = b.entry();
        if (mine && this.settingsCache.get(b.key) === mine) {
          this.settingsCache.set(b.key, Promise.resolve(this.applySettings(this.answerOrGlobal(answers[i]))));
          if (b.uri !== undefined) this.changed({ what: 'late settings', uri: b.uri });
        }
      });
      // The documents given the defaults without asking are asked now.
      const defaulted = [...this.defaultedWhileSlow];
      this.defaultedWhileSlow.clear();
      for (const key of defaulted) {
        this.settingsCache.delete(key);
        if (key !== '') this.changed({ what: 'late settings', uri: key });
      }
      this.sendWaiting();
    });
  }
}
