/**
 * Keeps an installed app current through electron-updater: a check at start and once a day
 * unless the reader turned checks off, a check whenever they ask, each update downloaded and
 * verified in the background and installed when the app quits. Errors and a missing network are
 * statuses, never exceptions: a failed background check is logged and tried again the next day.
 */
import { createLogger, type Logger } from '../log.ts';
import { statusForError, type UpdateStatus } from './update-policy.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What electron-updater's checkForUpdates() resolves to, as far as this reads it. */
export interface UpdateCheckResult {
  readonly isUpdateAvailable: boolean;
  readonly updateInfo: { readonly version: string };
  readonly cancellationToken?: unknown;
}

/**
 * The part of electron-updater's AppUpdater this drives (its autoUpdater in the app), written out
 * rather than imported: electron-updater's types pull in Electron's globals, which app/core must
 * not see.
 */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  downloadUpdate(cancellationToken?: never): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateControllerOptions {
  readonly updater: Updater;
  /** The reader's setting (Settings.updateChecks), read before each automatic check. */
  readonly checksEnabled: () => Promise<boolean>;
  /** Told the outcome of every check; `manual` when the reader asked for it. */
  readonly onStatus: (status: UpdateStatus, manual: boolean) => void;
  readonly intervalMs?: number;
  readonly log?: Logger;
}

export class UpdateController {
  readonly #options: UpdateControllerOptions;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<UpdateStatus> | undefined;
  #ready: UpdateStatus | undefined;

  constructor(options: UpdateControllerOptions) {
    this.#options = options;
    this.#log = options.log ?? createLogger('updates');
    // Downloads are started here, after a check says there is something newer, so that a check
    // and its download end in one status.
    options.updater.autoDownload = false;
    options.updater.autoInstallOnAppQuit = true;
  }

  /** Checks now, then once every interval (a day), until stop(). */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => void this.check(false), this.#options.intervalMs ?? DAY_MS);
    // A pending check never keeps the app from quitting.
    this.#timer.unref();
    void this.check(false);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * One check (and download), reported to onStatus. An automatic one respects the setting; one
   * the reader asked for always runs. A check while another runs joins it.
   */
  async check(manual: boolean): Promise<UpdateStatus> {
    const status = await (this.#running ??= this.#run(manual).finally(() => {
      this.#running = undefined;
    }));
    this.#options.onStatus(status, manual);
    return status;
  }

  /** Restarts into the downloaded update; false when none is ready. */
  restartToUpdate(): boolean {
    if (this.#ready === undefined) return false;
    this.#options.updater.quitAndInstall();
    return true;
  }

  async #run(manual: boolean): Promise<UpdateStatus> {
    // Once an update is downloaded there is nothing more to fetch until the app restarts.
    if (this.#ready !== undefined) return this.#ready;
    if (!manual && !(await this.#enabled())) return { kind: 'off' };
    try {
      const result = await this.#options.updater.checkForUpdates();
      return await this.#afterCheck(result);
    } catch (error) {
      const status = statusForError(error);
      this.#log.warn(`update check ${status.kind}`, describe(status));
      return status;
    }
  }

  async #afterCheck(result: UpdateCheckResult | null): Promise<UpdateStatus> {
    if (result === null) return { kind: 'inactive' };
    const version = result.updateInfo.version;
    if (!result.isUpdateAvailable) return { kind: 'up-to-date', latest: version };
    this.#log.info(`downloading version ${version}`);
    await this.#options.updater.downloadUpdate(result.cancellationToken as never);
    this.#ready = { kind: 'ready', version };
    return this.#ready;
  }

  async #enabled(): Promise<boolean> {
    try {
      return await this.#options.checksEnabled();
    } catch (error) {
      // The setting cannot be read (the library is closing, say): skip this check.
      this.#log.warn('could not read the update setting', error);
      return false;
    }
  }
}

function describe(status: UpdateStatus): string {
  return 'message' in status ? status.message : status.kind;
}
