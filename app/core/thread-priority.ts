/**
 * Background threads (the sync worker's parsing, the search indexer) yield the CPU to the threads
 * that answer the reader. On a 2-core machine a sync keeps both cores busy; without this the
 * library's thread and the window wait for a time slice behind them.
 *
 * Linux schedules threads as tasks: setpriority(PRIO_PROCESS, tid) renices one thread, and a
 * thread may always lower its own priority. Elsewhere the call would renice the whole process,
 * so it is not made (macOS and Windows rely on the scheduler's own interactivity boost).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createLogger } from './log.ts';

const log = createLogger('thread-priority');

/** nice 10: below normal, well above idle. */
const BACKGROUND_NICE = 10;

/** Lowers the calling thread's priority; true when it did. */
export function lowerThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "/proc/thread-self" points at "<pid>/task/<tid>".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isSafeInteger(tid) || tid <= 0 || tid === process.pid) return false;
    setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch (error) {
    log.debug('could not lower the thread priority', error);
    return false;
  }
}
