/**
 * Syncs at start and then every `refreshIntervalMinutes` (0 turns it off). Without a network it
 * retries every minute until the network is back; nothing stored is touched meanwhile.
 */
import type { Settings } from '../../shared/settings.ts';
import type { SyncSummary } from '../../shared/sync.ts';
import { createLogger } from '../log.ts';

const log = createLogger('scheduler');

export interface Schedulable {
  sync(): Promise<SyncSummary>;
  getSettings(): Promise<Settings>;
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

  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };

  const tick = async (): Promise<void> => {
    let next = idleCheck;
    try {
      const { refreshIntervalMinutes } = await target.getSettings();
      if (refreshIntervalMinutes > 0) {
        const summary = await target.sync();
        next = summary.offline ? offlineRetry : refreshIntervalMinutes * 60_000;
      }
    } catch (error) {
      log.warn('a scheduled sync failed', error);
      next = offlineRetry;
    }
    schedule(next);
  };

  schedule(options.initialDelayMs ?? 3_000);
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
