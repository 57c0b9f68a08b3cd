/**
 * Syncs at start and then every `refreshIntervalMinutes` (0 turns it off). Without a network it
 * retries every minute until the network is back; nothing stored is touched meanwhile. A change
 * of the interval in settings takes effect at once, counted from the last sync.
 */
import type { NewsListener } from '../../shared/contract.ts';
import type { Settings } from '../../shared/settings.ts';
import type { SyncSummary } from '../../shared/sync.ts';
import { createLogger } from '../log.ts';

const log = createLogger('scheduler');

export interface Schedulable {
  sync(): Promise<SyncSummary>;
  getSettings(): Promise<Settings>;
  /** Where settings changes are heard; without it a new interval applies after the next run. */
  subscribe?(listener: NewsListener): () => void;
}

export interface SchedulerOptions {
  readonly initialDelayMs?: number;
  readonly offlineRetryMs?: number;
  /** How often to look again when periodic sync is off. */
  readonly idleCheckMs?: number;
}

export function startScheduler(
  target: Schedulable,
  options: SchedulerOptions = {},
): { stop(): void } {
  const offlineRetry = options.offlineRetryMs ?? 60_000;
  const idleCheck = options.idleCheckMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running = false;
  /** When the last scheduled sync ended (ms), null before the first. */
  let lastRunAt: number | null = null;
  let interval: number | null = null;

  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };

  const tick = async (): Promise<void> => {
    timer = null;
    running = true;
    let next = idleCheck;
    try {
      const { refreshIntervalMinutes } = await target.getSettings();
      interval = refreshIntervalMinutes;
      if (refreshIntervalMinutes > 0) {
        const summary = await target.sync();
        lastRunAt = Date.now();
        next = summary.offline ? offlineRetry : refreshIntervalMinutes * 60_000;
      }
    } catch (error) {
      log.warn('a scheduled sync failed', error);
      next = offlineRetry;
    } finally {
      running = false;
    }
    schedule(next);
  };

  // A new interval re-arms the timer (a run in progress schedules itself when it ends).
  const unsubscribe = target.subscribe?.((event) => {
    if (event.type !== 'settingsChanged' || running || timer === null) return;
    const minutes = event.settings.refreshIntervalMinutes;
    if (minutes === interval) return;
    interval = minutes;
    if (minutes === 0) schedule(idleCheck);
    else schedule(Math.max(0, (lastRunAt ?? 0) + minutes * 60_000 - Date.now()));
  });

  schedule(options.initialDelayMs ?? 3_000);
  return {
    stop() {
      stopped = true;
      unsubscribe?.();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
