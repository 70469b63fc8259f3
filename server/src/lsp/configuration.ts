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

/** What changed, for whoever checks the plans again. */
export type ConfigurationChange = 'late settings' | 'config files';

export class Configuration {
  /** The settings sent with `initialize` or `didChangeConfiguration` (used when the client cannot be asked). */
  private globalSettings: unknown = {};
  private readonly settingsCache = new Map<string, Promise<EqplanSettings>>();
  /** Settings requests the editor has let time out and not answered yet: while there are any, the defaults apply at once. */
  private settingsUnanswered = 0;
  /** Not every editor reports changed files (Neovim 0.7 does not): the resolver also looks at the disk itself, at most once a second. */
  readonly configs: ConfigResolver;

  /** `changed` hears of settings that came late and of config files that changed (both mean: check again). */
  constructor(
    private readonly session: Session,
    private readonly debouncer: Debouncer,
    private readonly localToday: () => string,
    private readonly changed: (what: ConfigurationChange) => void,
  ) {
    this.configs = new ConfigResolver(undefined, undefined, { recheckAfterMs: CONFIG_RECHECK_MS, onChange: () => setImmediate(() => this.changed('config files')) });
  }

  /** Adds to a plan's options what neither settings nor config files give: its git history (`history.ts`, set by `server.ts`). */
  extend: (uri: string, options: CheckInput) => CheckInput = (_uri, options) => options;

  /** Settings from `initialize` or `didChangeConfiguration` (the `eqplan` section, or the whole object when it has none). */
  setGlobalSettings(raw: unknown): void {
    this.globalSettings = raw;
  }

  /** Settings may have changed: ask again. */
  clear(): void {
    this.settingsCache.clear();
  }

  /** A document was closed: its settings are asked for again if it is reopened. */
  forget(uri: string): void {
    this.settingsCache.delete(uri);
  }

  /** The settings of a document (asked once, then cached); reading them sets the debounce delay. */
  settingsFor(uri: string | undefined): Promise<EqplanSettings> {
    const key = uri ?? '';
    let cached = this.settingsCache.get(key);
    if (!cached) {
      let mine: Promise<EqplanSettings> | undefined;
      const raw: Promise<unknown> = this.session.client.configuration ? this.askForSettings(key, uri, () => mine) : Promise.resolve(this.globalSettings);
      cached = mine = raw.then((r) => this.applySettings(r));
      this.settingsCache.set(key, cached);
    }
    return cached;
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
   * Asks the editor for the `eqplan` settings of a document. An editor that
   * does not answer within `SETTINGS_WAIT_MS` gets the defaults for now (and
   * is not asked again, nor waited for, until it answers); its answer, when it
   * comes, is used from then on and everything is checked again, so a slow or
   * broken editor never leaves the server waiting.
   */
  private askForSettings(key: string, uri: string | undefined, entry: () => Promise<EqplanSettings> | undefined): Promise<unknown> {
    if (this.settingsUnanswered > 0) return Promise.resolve({});
    const asked = this.session.connection.workspace.getConfiguration({ scopeUri: uri, section: 'eqplan' }).then(
      (v) => v,
      () => ({}),
    );
    return new Promise<unknown>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.settingsUnanswered++;
        this.session.log(`eqplan: the editor did not answer the request for the eqplan settings within ${SETTINGS_WAIT_MS / 1000} seconds; the defaults apply until it does.`);
        resolve({});
      }, SETTINGS_WAIT_MS);
      timer.unref();
      void asked.then((answer) => {
        if (!timedOut) {
          clearTimeout(timer);
          resolve(answer);
          return;
        }
        this.settingsUnanswered--;
        // Still the settings in use for this document (not replaced since by a settings change)? Take the late answer, and check again with it.
        const mine = entry();
        if (mine && this.settingsCache.get(key) === mine) {
          this.settingsCache.set(key, Promise.resolve(this.applySettings(answer)));
          this.changed('late settings');
        }
      });
    });
  }
}
