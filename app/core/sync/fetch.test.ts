import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { serve } from '../../../test/support/local-server.ts';
import { createFetcher, FetchError, parseRetryAfter, type FetcherOptions } from './fetch.ts';

const UA = 'HeituReader/0.1 (+https://heitu.example/)';

function fetcher(options: Partial<FetcherOptions> = {}) {
  return createFetcher({ userAgent: UA, ...options });
}

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    return error;
  }
  assert.fail('expected the fetch to fail');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a 200 answer gives the bytes and the validators to store for next time', async (t) => {
  let seen: http.IncomingHttpHeaders = {};
  const base = await serve(t, (req, res) => {
    seen = req.headers;
    res.writeHead(200, {
      'Content-Type': 'application/rss+xml; charset=gbk',
      ETag: '"v1"',
      'Last-Modified': 'Tue, 01 Jul 2025 08:00:00 GMT',
    });
    res.end('<rss/>');
  });
  const result = await fetcher().fetch(`${base}/feed.xml`, {
    referer: 'https://news.example.cn/a/1.html',
    accept: 'application/rss+xml',
  });
  assert.deepEqual(result, {
    status: 'ok',
    url: `${base}/feed.xml`,
    bytes: Buffer.from('<rss/>'),
    contentType: 'application/rss+xml; charset=gbk',
    etag: '"v1"',
    lastModified: 'Tue, 01 Jul 2025 08:00:00 GMT',
  });
  assert.equal(seen['user-agent'], UA);
  assert.equal(seen.referer, 'https://news.example.cn/a/1.html');
  assert.equal(seen.accept, 'application/rss+xml');
  assert.equal(seen['accept-encoding'], 'gzip, deflate, br');
  assert.equal(seen['if-none-match'], undefined);
});

test('a conditional GET that the server answers 304 reports not-modified', async (t) => {
  const base = await serve(t, (req, res) => {
    const fresh =
      req.headers['if-none-match'] === '"v1"' &&
      req.headers['if-modified-since'] === 'Tue, 01 Jul 2025 08:00:00 GMT';
    res.writeHead(fresh ? 304 : 200);
    res.end(fresh ? undefined : 'changed');
  });
  const result = await fetcher().fetch(`${base}/feed`, {
    etag: '"v1"',
    lastModified: 'Tue, 01 Jul 2025 08:00:00 GMT',
  });
  assert.deepEqual(result, { status: 'not-modified', url: `${base}/feed` });
});

test('redirects are followed and the final address is reported', async (t) => {
  const base = await serve(t, (req, res) => {
    const next: Record<string, string> = { '/a': '/b', '/b': 'c?x=1', '/c?x=1': '/final' };
    const location = next[req.url ?? ''];
    if (location === undefined) {
      res.end('here');
      return;
    }
    res.writeHead(req.url === '/a' ? 301 : req.url === '/b' ? 307 : 308, { Location: location });
    res.end();
  });
  const result = await fetcher().fetch(`${base}/a`);
  assert.equal(result.status, 'ok');
  assert.equal(result.url, `${base}/final`);
  assert.equal(result.bytes.toString(), 'here');
});

test('a redirect loop and an endless redirect chain are both stopped', async (t) => {
  const base = await serve(t, (req, res) => {
    const n = Number(req.url?.slice(1));
    const location = req.url === '/ping' ? '/pong' : req.url === '/pong' ? '/ping' : `/${n + 1}`;
    res.writeHead(302, { Location: location });
    res.end();
  });
  const loop = await fetchError(fetcher().fetch(`${base}/ping`));
  assert.equal(loop.kind, 'redirect');
  assert.match(loop.message, /circle/);

  const chain = await fetchError(fetcher({ maxRedirects: 3 }).fetch(`${base}/0`));
  assert.equal(chain.kind, 'redirect');
  assert.match(chain.message, /more than 3 times/);
});

test('only web addresses are fetched, also at the end of a redirect', async (t) => {
  const base = await serve(t, (req, res) => {
    res.writeHead(302, {
      Location: req.url === '/data' ? 'data:text/plain,hi' : 'file:///etc/passwd',
    });
    res.end();
  });
  const toFile = await fetchError(fetcher().fetch(`${base}/file`));
  assert.equal(toFile.kind, 'scheme');
  assert.equal(toFile.url, 'file:///etc/passwd');
  assert.equal((await fetchError(fetcher().fetch(`${base}/data`))).kind, 'scheme');
  assert.equal((await fetchError(fetcher().fetch('ftp://example.cn/feed'))).kind, 'scheme');
  assert.equal((await fetchError(fetcher().fetch('not a url'))).kind, 'scheme');
});

test('a server error is reported with its status in plain words', async (t) => {
  const base = await serve(t, (_req, res) => {
    res.writeHead(500);
    res.end('boom');
  });
  const error = await fetchError(fetcher().fetch(`${base}/feed`));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 500);
  assert.equal(error.retryAfterMs, null);
  assert.equal(
    error.message,
    `The server at ${new URL(base).host} had an internal error (HTTP 500).`,
  );
});

test('429 and 503 carry Retry-After, given in seconds or as a date', async (t) => {
  const base = await serve(t, (req, res) => {
    const retryAfter = req.url === '/seconds' ? '120' : new Date(Date.now() + 90_000).toUTCString();
    res.writeHead(req.url === '/seconds' ? 429 : 503, { 'Retry-After': retryAfter });
    res.end();
  });
  const seconds = await fetchError(fetcher().fetch(`${base}/seconds`));
  assert.equal(seconds.status, 429);
  assert.equal(seconds.retryAfterMs, 120_000);

  const date = await fetchError(fetcher().fetch(`${base}/date`));
  assert.equal(date.status, 503);
  assert.ok(
    date.retryAfterMs !== null && date.retryAfterMs > 85_000 && date.retryAfterMs <= 90_000,
  );

  assert.equal(
    parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27)),
    60_000,
  );
  assert.equal(parseRetryAfter('soon', Date.now()), null);
  assert.equal(parseRetryAfter(undefined, Date.now()), null);
});

test('a server that never answers times out after connectTimeoutMs', async (t) => {
  const base = await serve(t, () => {
    // Never responds.
  });
  const started = Date.now();
  const error = await fetchError(fetcher({ connectTimeoutMs: 300 }).fetch(`${base}/feed`));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.message, `The server at ${new URL(base).host} did not answer within 300 ms.`);
  assert.ok(Date.now() - started < 2000);
});

test('a server that trickles bytes is cut off by totalTimeoutMs', async (t) => {
  const base = await serve(t, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.flushHeaders();
    const timer = setInterval(() => res.write('x'), 100);
    res.on('close', () => {
      clearInterval(timer);
    });
  });
  const started = Date.now();
  const slow = fetcher({ connectTimeoutMs: 200, totalTimeoutMs: 500 });
  const error = await fetchError(slow.fetch(`${base}/slow`));
  assert.equal(error.kind, 'timeout');
  assert.match(error.message, /took longer than 500 ms/);
  assert.ok(Date.now() - started < 2000);
});

test('a Content-Length over maxBytes is refused before the body is read', async (t) => {
  let clientLeft = false;
  const base = await serve(t, (_req, res) => {
    res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) });
    res.flushHeaders();
    // The body never comes: refusing must not depend on receiving it.
    res.on('close', () => (clientLeft = true));
  });
  const error = await fetchError(fetcher({ maxBytes: 1024 * 1024 }).fetch(`${base}/big`));
  assert.equal(error.kind, 'too-large');
  assert.match(error.message, /larger than the 1 MB limit/);
  await sleep(50);
  assert.ok(clientLeft, 'the connection is dropped');
});

test('a streamed body over maxBytes is cut off while it arrives', async (t) => {
  let sent = 0;
  const base = await serve(t, (_req, res) => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const timer = setInterval(() => {
      sent += chunk.length;
      res.write(chunk);
    }, 5);
    res.on('close', () => {
      clearInterval(timer);
    });
  });
  const error = await fetchError(fetcher({ maxBytes: 100_000 }).fetch(`${base}/endless`));
  assert.equal(error.kind, 'too-large');
  assert.ok(sent < 1024 * 1024, `server sent ${sent} bytes`);
});

test('a gzip bomb is stopped by maxDecodedBytes', async (t) => {
  const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
  const base = await serve(t, (_req, res) => {
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
    res.end(bomb);
  });
  const error = await fetchError(
    fetcher({ maxBytes: 1024 * 1024, maxDecodedBytes: 2 * 1024 * 1024 }).fetch(`${base}/bomb`),
  );
  assert.equal(error.kind, 'too-large');
  assert.match(error.message, /larger once unpacked than the 2 MB limit/);
});

test('gzip, deflate and brotli bodies are unpacked', async (t) => {
  const text = '<rss><title>长春新闻</title></rss>'.repeat(200);
  const bodies: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', zlib.gzipSync(text)],
    '/br': ['br', zlib.brotliCompressSync(text)],
    '/deflate': ['deflate', zlib.deflateSync(text)],
    '/raw-deflate': ['deflate', zlib.deflateRawSync(text)],
    '/empty-gzip': ['gzip', Buffer.alloc(0)],
  };
  const base = await serve(t, (req, res) => {
    const [encoding, body] = bodies[req.url ?? ''] ?? ['identity', Buffer.alloc(0)];
    res.writeHead(200, { 'Content-Encoding': encoding });
    res.end(body);
  });
  const client = fetcher();
  for (const path of ['/gzip', '/br', '/deflate', '/raw-deflate']) {
    const result = await client.fetch(`${base}${path}`);
    assert.equal(result.status === 'ok' && result.bytes.toString('utf8'), text, path);
  }
  const empty = await client.fetch(`${base}/empty-gzip`);
  assert.equal(empty.status === 'ok' && empty.bytes.length, 0);
});

test('no more than perHost requests reach one server at once; the rest wait their turn', async (t) => {
  let active = 0;
  let maxActive = 0;
  const base = await serve(t, (req, res) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => {
      active -= 1;
      res.end(req.url);
    }, 50);
  });
  const client = fetcher({ perHost: 2 });
  const paths = ['/1', '/2', '/3', '/4', '/5', '/6'];
  const results = await Promise.all(paths.map((path) => client.fetch(`${base}${path}`)));
  assert.equal(maxActive, 2);
  assert.deepEqual(
    results.map((r) => r.status === 'ok' && r.bytes.toString()),
    paths,
  );
});

test('the global limit holds across hosts', async (t) => {
  let active = 0;
  let maxActive = 0;
  const handler: http.RequestListener = (_req, res) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => {
      active -= 1;
      res.end('ok');
    }, 50);
  };
  const bases = [await serve(t, handler), await serve(t, handler), await serve(t, handler)];
  const client = fetcher({ perHost: 2, global: 3 });
  const urls = bases.flatMap((base) => [`${base}/a`, `${base}/b`]);
  const results = await Promise.all(urls.map((url) => client.fetch(url)));
  assert.equal(maxActive, 3);
  assert.ok(results.every((r) => r.status === 'ok'));
});

test('aborting cancels a running request and one still waiting for its turn', async (t) => {
  let requests = 0;
  const base = await serve(t, () => {
    requests += 1; // Never responds.
  });
  const client = fetcher({ perHost: 1 });
  const controller = new AbortController();
  const running = fetchError(client.fetch(`${base}/a`, { signal: controller.signal }));
  const waiting = fetchError(client.fetch(`${base}/b`, { signal: controller.signal }));
  await sleep(50);
  controller.abort();
  const [first, second] = await Promise.all([running, waiting]);
  assert.equal(first.kind, 'aborted');
  assert.equal(second.kind, 'aborted');
  assert.match(first.message, /cancelled/);
  assert.equal(requests, 1, 'the queued request never reached the server');

  const already = await fetchError(client.fetch(`${base}/c`, { signal: AbortSignal.abort() }));
  assert.equal(already.kind, 'aborted');
});

test('a refused connection and a page cut off halfway are network problems', async (t) => {
  const base = await serve(t, (_req, res) => {
    res.writeHead(200, { 'Content-Length': '1000' });
    res.write('only the start');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  const cut = await fetchError(fetcher().fetch(`${base}/page`));
  assert.equal(cut.kind, 'network');
  assert.match(cut.message, /closed before the page finished downloading/);

  const gone = http.createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  const { port } = gone.address() as AddressInfo;
  await new Promise((resolve) => gone.close(resolve));
  const refused = await fetchError(fetcher().fetch(`http://127.0.0.1:${port}/feed`));
  assert.equal(refused.kind, 'network');
  assert.equal(refused.message, `The server at 127.0.0.1:${port} refused the connection.`);
});
