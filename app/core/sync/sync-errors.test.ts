/**
 * The sentences the sync engine writes for the reader, classified by app/shared/sync-errors.ts so
 * that the UI can say them in its own language: made here by the real fetcher against a real
 * server and by the real feed parser, so a reworded sentence fails this test.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { serve } from '../../../test/support/local-server.ts';
import { classifySyncError, type SyncErrorKind } from '../../shared/sync-errors.ts';
import { storageError } from '../db/storage-error.ts';
import { createFetcher, FetchError } from './fetch.ts';
import { parseFeedText } from './feed.ts';

async function messageOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected a failure');
}

test('every fetch failure the engine words is classified by kind', async (t) => {
  const base = await serve(t, (req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/status/')) {
      res.writeHead(Number(path.slice('/status/'.length))).end();
    } else if (path === '/loop') {
      res.writeHead(302, { Location: '/loop' }).end();
    } else if (path === '/big') {
      res.writeHead(200).end('x'.repeat(4096));
    } else if (path === '/slow') {
      setTimeout(() => res.writeHead(200).end('late'), 2000);
    } else if (path === '/cut') {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 20);
    } else res.writeHead(200).end('ok');
  });
  const fetcher = createFetcher({ userAgent: 'test', maxBytes: 1024, connectTimeoutMs: 200 });
  const closed = await serve(t, () => undefined);
  // A port that was listening a moment ago and is closed now refuses the connection.
  const refusedPort = await new Promise<number>((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => {
        resolve(port);
      });
    });
  });
  const cancelled = new AbortController();
  cancelled.abort();
  const cases: readonly (readonly [string, SyncErrorKind])[] = [
    [`${base}/status/404`, 'missing'],
    [`${base}/status/410`, 'missing'],
    [`${base}/status/403`, 'denied'],
    [`${base}/status/429`, 'slow-down'],
    [`${base}/status/503`, 'unavailable'],
    [`${base}/status/500`, 'server-error'],
    [`${base}/status/418`, 'http'],
    [`${base}/loop`, 'redirect'],
    [`${base}/big`, 'too-large'],
    [`${base}/slow`, 'timeout'],
    [`${base}/cut`, 'cut-off'],
    [`http://127.0.0.1:${refusedPort}/feed.xml`, 'refused'],
    ['http://no-such-host.invalid/feed.xml', 'dns'],
    ['ftp://127.0.0.1/feed.xml', 'address'],
  ];
  for (const [url, kind] of cases) {
    const message = await messageOf(() => fetcher.fetch(url));
    assert.equal(classifySyncError(message).kind, kind, `${url}: ${message}`);
  }
  const aborted = await messageOf(() => fetcher.fetch(closed, { signal: cancelled.signal }));
  assert.equal(classifySyncError(aborted).kind, 'cancelled', aborted);
  const notFound = await messageOf(() => fetcher.fetch(`${base}/status/404`));
  assert.equal(classifySyncError(notFound).status, 404);
  assert.ok(
    (await fetcher.fetch(`${base}/status/404`).catch((e: unknown) => e)) instanceof FetchError,
  );
});

test('every reason a feed cannot be read is classified by kind', async () => {
  const read = (text: string) => messageOf(() => parseFeedText(text, 'https://x.example/feed'));
  // The engine puts "Could not read <source>: " before a parse error's sentence.
  const wrapped = async (text: string) => `Could not read 吉林日報: ${await read(text)}`;
  assert.equal(classifySyncError(await wrapped('<!doctype html><html></html>')).kind, 'web-page');
  assert.equal(classifySyncError(await wrapped('')).kind, 'empty');
  for (const text of ['{"a":', '{"a":1}', '<svg/>', 'plain words']) {
    const message = await wrapped(text);
    assert.equal(classifySyncError(message).kind, 'not-feed', message);
  }
});

test('a budget stop, a full disk and an unknown sentence have kinds of their own', () => {
  assert.equal(
    classifySyncError(
      'Stopped: it went over its time budget of 1 min before anything could be stored.',
    ).kind,
    'budget',
  );
  assert.equal(
    classifySyncError('Not synced: the sync went over its time budget of 10 min.').kind,
    'budget',
  );
  assert.equal(classifySyncError('Something nobody wrote yet').kind, 'other');
  const full = storageError('store big', Object.assign(new Error('full'), { code: 'SQLITE_FULL' }));
  assert.equal(classifySyncError(full.message).kind, 'storage', full.message);
});
