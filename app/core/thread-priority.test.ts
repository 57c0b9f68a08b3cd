/**
 * The library's background threads yield the CPU to the reader's (issue 15): a worker lowers its
 * own priority and no other thread's; in the library's own process the indexing thread runs
 * lowered, in-process (the CLI) it does not. Real threads, real SQLite files; on Linux, where a
 * thread has a priority of its own, read back from /proc.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { NewsService } from './news-service.ts';
import { BACKGROUND_NICE, lowerThreadPriority, ownThreadId } from './thread-priority.ts';

const linux = process.platform === 'linux';
const dir = mkdtempSync(join(tmpdir(), 'heitu-priority-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Each thread of this process and its nice value, from /proc (field 19 of its stat line). */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      nice.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nice;
}

/** Runs lowerThreadPriority in a worker thread; its answer and its thread id. */
async function inWorker(): Promise<{ lowered: boolean; tid: number | null }> {
  const module = new URL('./thread-priority.ts', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     import(${JSON.stringify(module)}).then((m) => {
       parentPort.postMessage({ lowered: m.lowerThreadPriority(), tid: m.ownThreadId() });
       parentPort.once('message', () => process.exit(0));
     });`,
    { eval: true },
  );
  const answer = await new Promise<{ lowered: boolean; tid: number | null }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (linux && answer.tid !== null) {
    assert.equal(niceByThread().get(answer.tid), BACKGROUND_NICE, 'the worker runs lowered');
  }
  worker.postMessage('exit');
  await new Promise((resolve) => worker.once('exit', resolve));
  return answer;
}

test('a worker lowers its own priority, and no other thread’s', async () => {
  const before = linux ? niceByThread().get(ownThreadId() ?? -1) : undefined;
  const { lowered, tid } = await inWorker();
  if (!linux) {
    // Elsewhere setpriority() would lower the whole process, the reader's threads with it.
    assert.equal(lowered, false);
    assert.equal(tid, null);
    return;
  }
  assert.equal(lowered, true);
  assert.ok(tid !== null && tid !== process.pid, 'a thread id of its own');
  assert.equal(niceByThread().get(process.pid), before, 'this thread keeps its priority');
});

test('lowering never raises a priority that is already lower', async () => {
  if (!linux) {
    assert.equal(lowerThreadPriority(19), false);
    return;
  }
  const module = new URL('./thread-priority.ts', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     import(${JSON.stringify(module)}).then((m) => {
       const first = m.lowerThreadPriority(15);
       const again = m.lowerThreadPriority(10);
       parentPort.postMessage({ first, again, tid: m.ownThreadId() });
       parentPort.once('message', () => process.exit(0));
     });`,
    { eval: true },
  );
  const answer = await new Promise<{ first: boolean; again: boolean; tid: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  assert.deepEqual([answer.first, answer.again], [true, true]);
  assert.equal(niceByThread().get(answer.tid), 15);
  worker.postMessage('exit');
  await new Promise((resolve) => worker.once('exit', resolve));
});

test('the library’s own process indexes on a lowered thread; in-process (the CLI) it does not', async () => {
  const base = niceByThread().get(process.pid) ?? 0;
  // Not Linux, or this test itself runs at the background's priority or lower: nothing to tell.
  if (!linux || base >= BACKGROUND_NICE) return;
  const lowered = (): number[] =>
    [...niceByThread()].filter(([, nice]) => nice > base).map(([tid]) => tid);
  assert.deepEqual(lowered(), [], 'no lowered thread before');
  const cli = NewsService.open({ dataDir: join(dir, 'cli'), appVersion: 'test' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(lowered(), [], 'the CLI’s indexer keeps its priority');
  } finally {
    cli.close();
  }
  const hosted = NewsService.open({
    dataDir: join(dir, 'hosted'),
    appVersion: 'test',
    syncInWorker: true,
  });
  try {
    // The indexer lowers itself as it starts (the test's own timeout bounds the wait).
    while (lowered().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(lowered().length, 1, 'one lowered thread: the indexer');
    assert.equal(niceByThread().get(process.pid), base, 'the library’s own thread is not lowered');
  } finally {
    hosted.close();
  }
});
