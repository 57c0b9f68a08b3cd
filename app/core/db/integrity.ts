/**
 * The full integrity check of the library (PRAGMA quick_check) reads every page: 2.6 s for a
 * 600 MB library of 100,000 articles. It therefore runs on a worker thread with its own read-only
 * connection (WAL lets it read beside the app), while start-up checks only what must never be
 * lost (bookmarks, settings, the schema). See docs/technotes/0005-storage.md.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs in the worker: plain CommonJS, because an eval worker has no module of its own. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let result;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  result = String(db.pragma('quick_check', { simple: true }));
  db.close();
} catch (error) {
  result = 'error: ' + ((error && (error.code || error.message)) || String(error));
}
parentPort.postMessage(result);
`;

/** The tables a start-up must find intact before it trusts the file. */
export const CRITICAL_TABLES = ['sqlite_schema', 'bookmarks', 'settings', 'sources'] as const;

/**
 * Checks the whole file on a worker thread. Resolves to 'ok' or to what SQLite found wrong.
 * The worker does not keep the process alive.
 */
export function checkInBackground(file: string): Promise<string> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    worker.unref();
    worker.once('message', (result: string) => resolve(result));
    worker.once('error', (error) => resolve(`error: ${error.message}`));
    worker.once('exit', (code) => {
      if (code !== 0) resolve(`error: the check stopped with code ${code}`);
    });
  });
}
