/**
 * Starts the library in a process or thread of its own and keeps it running: if it dies, calls
 * in flight get UNAVAILABLE (never a hang), new calls wait, and it is started again with backoff,
 * a bounded number of times. Used by the browser-mode server (a worker thread) and by Electron's
 * main process (a utilityProcess); the child itself is whatever `spawn` makes.
 */
import { NewsApiError, ERROR_CODES, type ErrorCode } from '../../shared/errors.ts';
import {
  createReconnectingRemote,
  type ControlMessage,
  type PortEndpoint,
  type ReconnectingRemote,
} from '../../shared/port-protocol.ts';
import { noticeText } from '../../shared/notices.ts';
import { createLogger } from '../log.ts';

const log = createLogger('library-supervisor');

/** A running library child: its endpoint carries control messages and the protocol's calls. */
export interface LibraryChild {
  readonly endpoint: PortEndpoint;
  /** Called once when the child is gone, whatever the reason. */
  onExit(listener: (why: string) => void): void;
  /** Forces it to stop now. */
  kill(): void;
}

/** Starts a child; `notices` are said to the reader once it is up (e.g. after a crash). */
export type SpawnLibrary = (notices: readonly string[]) => LibraryChild;

export interface SupervisorOptions {
  /** Restarts allowed within `restartWindowMs` before giving up. */
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  /** First backoff; doubled for each restart in the window. */
  readonly backoffMs?: number;
  /** How long a graceful shutdown may take before the child is killed. */
  readonly shutdownMs?: number;
  /** After every start (the first and each restart), once the child answers. */
  readonly onReady?: (child: LibraryChild, restart: boolean) => void;
  /** The child died; it will be restarted (or not: `willRestart`). */
  readonly onDown?: (why: string, willRestart: boolean) => void;
}

export const RESTARTED_NOTICE = noticeText({ kind: 'restarted' });
const GAVE_UP =
  'The library keeps stopping. Quit and restart Heitu Reader; if it happens again, run `heitu check`.';

export class LibrarySupervisor {
  readonly remote: ReconnectingRemote = createReconnectingRemote();
  readonly #spawn: SpawnLibrary;
  readonly #options: SupervisorOptions;
  #child: LibraryChild | null = null;
  #closing = false;
  #gaveUp = false;
  #restarts: number[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** How many times the library was restarted after dying. */
  restarts = 0;

  private constructor(spawn: SpawnLibrary, options: SupervisorOptions) {
    this.#spawn = spawn;
    this.#options = options;
  }

  /** Starts the library and waits until it answers; throws its error if it cannot open. */
  static async start(
    spawn: SpawnLibrary,
    options: SupervisorOptions = {},
  ): Promise<LibrarySupervisor> {
    const supervisor = new LibrarySupervisor(spawn, options);
    await supervisor.#launch([], false);
    return supervisor;
  }

  /** The child now running, if any (tests kill it to see a restart). */
  get child(): LibraryChild | null {
    return this.#child;
  }

  async #launch(notices: readonly string[], restart: boolean): Promise<void> {
    const child = this.#spawn(notices);
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const stop = child.endpoint.listen((data) => {
        const message = data as Partial<ControlMessage> | null;
        if (message?.kind === 'ready') {
          settled = true;
          stop();
          resolve();
        } else if (message?.kind === 'failed') {
          settled = true;
          failed = true;
          stop();
          // It could not open: nothing for it to do but go.
          child.kill();
          const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(message.code ?? '')
            ? (message.code as ErrorCode)
            : 'INTERNAL';
          reject(new NewsApiError(code, message.message ?? 'The library could not open.'));
        }
      });
      let failed = false;
      child.onExit((why) => {
        if (this.#child === child) this.#child = null;
        // One that said it could not open is going on its own: that is not a crash.
        if (failed) return;
        if (!settled) {
          settled = true;
          stop();
          reject(new NewsApiError('INTERNAL', `The library stopped while opening (${why}).`));
          return;
        }
        this.#down(why);
      });
    });
    this.remote.attach(child.endpoint);
    this.#options.onReady?.(child, restart);
  }

  #down(why: string): void {
    if (this.#closing || this.#gaveUp) return;
    const now = Date.now();
    const window = this.#options.restartWindowMs ?? 60_000;
    this.#restarts = this.#restarts.filter((t) => now - t < window);
    const willRestart = this.#restarts.length < (this.#options.maxRestarts ?? 5);
    log.error(`the library stopped (${why}); ${willRestart ? 'restarting it' : 'giving up'}`);
    this.#options.onDown?.(why, willRestart);
    if (!willRestart) {
      this.#gaveUp = true;
      this.remote.fail(GAVE_UP);
      return;
    }
    this.remote.detach();
    const delay = (this.#options.backoffMs ?? 200) * 2 ** this.#restarts.length;
    this.#restarts.push(now);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.restarts += 1;
      this.#launch([RESTARTED_NOTICE], true).catch((error: unknown) => {
        if (error instanceof NewsApiError && error.code !== 'INTERNAL') {
          // It runs but cannot open the library (too new, unwritable…): starting it again would
          // not help. Calls say why.
          log.error(`the library cannot be reopened: ${error.message}`);
          this.#gaveUp = true;
          this.remote.fail(error.message);
          return;
        }
        this.#down(`restart failed: ${(error as Error).message}`);
      });
    }, delay);
  }

  /**
   * Asks the library to finish its current transaction and close its files, waits (bounded),
   * then kills it if it has not gone. Calls after this get UNAVAILABLE.
   */
  async close(): Promise<void> {
    this.#closing = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const child = this.#child;
    this.remote.fail('The library is closed.');
    if (child === null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        log.warn('the library did not close in time; stopping it');
        child.kill();
        resolve();
      }, this.#options.shutdownMs ?? 10_000);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        child.endpoint.post({ kind: 'shutdown' } satisfies ControlMessage);
      } catch {
        child.kill();
      }
    });
  }
}
