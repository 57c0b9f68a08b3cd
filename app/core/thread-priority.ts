/**
 * Background threads of the library's process (the sync's fetch/parse worker, the search
 * indexer) yield the CPU to the threads that answer the reader. On a machine with two cores a
 * sync keeps both busy; without this, the library's thread, the server's and the window waited
 * their turn behind parsing and tokenizing (docs/technotes/0009-library-process.md).
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of the library's background threads: a lower share, not none at all. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's CPU priority to `nice`, on Linux, where a thread has a priority of
 * its own. Elsewhere setpriority() changes the whole process (and on Windows its priority class),
 * the reader's threads with it: nothing is done there. Raising a priority again needs privileges,
 * so this only ever lowers it. Says whether the thread now runs at `nice` or lower priority.
 */
export function lowerThreadPriority(nice: number = BACKGROUND_NICE): boolean {
  const tid = ownThreadId();
  if (tid === null) return false;
  try {
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return getPriority(tid) >= nice;
  } catch {
    // A sandbox that forbids it: the thread keeps its priority, and works as before.
    return false;
  }
}

/** The kernel's id of the calling thread (Linux: /proc/thread-self is `<pid>/task/<tid>`). */
export function ownThreadId(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isSafeInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}
