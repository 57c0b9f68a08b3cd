/**
 * Huge input gets a short error: validation never echoes what it received, one bookmark-file
 * limit holds on every transport, and browser mode refuses an oversized body as soon as its
 * declared or received size passes the limit, without reading it to the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../../app/cli/cli.ts';
import { dispatch } from '../../../app/core/dispatch.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import type { RunningServer } from '../../../app/server/server.ts';
import { BOOKMARK_FILE_MAX_BYTES } from '../../../app/shared/articles.ts';
import { startLoggedIn, type LoggedIn } from '../../support/browser-mode.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-oversized-'));
const service = NewsService.inMemory();
let server: RunningServer;
let cookie: string;
let web: LoggedIn;

before(async () => {
  web = await startLoggedIn(service);
  ({ server, cookie } = web);
});
after(async () => {
  await web.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;

function bookmarkFile(title: string): object {
  return {
    format: 'heitu-bookmarks',
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    bookmarks: [{ url: 'https://jl.example.cn/1.html', title, bookmarkedAt: 'x' }],
  };
}

test('a 250 MB string gets a short error from the validators, and no copy of itself', async () => {
  // Flat from the start (a repeat() would be a rope, flattened by the first regex that reads it).
  const huge = Buffer.alloc(250 * MB, 'x').toString('latin1');
  const peakBefore = process.resourceUsage().maxRSS;
  for (const [method, args] of [
    ['importBookmarks', [huge]],
    ['importBookmarks', [bookmarkFile(huge)]],
    ['search', [huge]],
    ['getArticle', [huge]],
    ['importOpml', [huge]],
    ['listArticles', [{ region: huge }]],
    [huge, []],
  ] as const) {
    const result = await dispatch(service, method, args);
    assert.equal(result.ok, false);
    const size = JSON.stringify(result).length;
    assert.ok(size < 2000, `${method.slice(0, 20)}: an error of ${size} characters`);
  }
  const grewKb = process.resourceUsage().maxRSS - peakBefore;
  assert.ok(grewKb < 64 * 1024, `the peak memory grew by ${grewKb} KB`);
});

test('the CLI prints a short error for a bookmark file with a huge field', async () => {
  const file = join(dir, 'huge.json');
  writeFileSync(file, JSON.stringify(bookmarkFile('長'.repeat(8 * MB))));
  let err = '';
  const code = await main(['import', 'bookmarks', file, '--data-dir', join(dir, 'lib')], {
    out: () => undefined,
    err: (t) => (err += t),
    env: {},
  });
  assert.equal(code, 2);
  assert.ok(err.length < 2000, `stderr of ${err.length} characters`);
});

interface Sent {
  readonly status: number;
  readonly body: string;
  readonly sentBytes: number;
}

/**
 * Posts to the API, writing `total` bytes a megabyte at a time while the server still reads;
 * resolves with the answer as soon as one comes (before the body is finished, if the server
 * answers early) and how much had been written by then.
 */
function post(
  method: string,
  total: number,
  options: { declare?: boolean; body?: Buffer } = {},
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: `/api/${method}`,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        ...(options.declare === false ? {} : { 'Content-Length': String(total) }),
      },
    });
    let answered = false;
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentBytes }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server drops the connection once it has answered: expected, if it did answer. A
      // client still sending may meet the close before it has parsed the answer (EPIPE,
      // ECONNRESET): the server refused the body all the same, which sentBytes shows.
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET')
        resolve({ status: 0, body: '', sentBytes });
      else reject(error);
    });
    if (options.body !== undefined) {
      sentBytes = options.body.length;
      req.end(options.body);
      return;
    }
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = (): void => {
      while (!answered && sentBytes < total) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test('an oversized body is refused from its Content-Length, before it is read', async () => {
  // Declares 300 MB, then writes until the server answers; a server reading to the end never would
  // before all 300 MB were sent.
  const sent = await post('importBookmarks', 300 * MB);
  assert.equal(sent.status, 413);
  assert.ok(sent.sentBytes < 300 * MB, `${sent.sentBytes} bytes were sent before the answer`);
  assert.match(sent.body, /larger than/);
});

test('an undeclared (chunked) body is refused once the bytes read pass the limit', async () => {
  const sent = await post('search', 300 * MB, { declare: false });
  // 413, or (status 0) the connection closed under a client that was still sending.
  assert.ok([413, 0].includes(sent.status), `status ${sent.status}`);
  assert.ok(sent.sentBytes < 300 * MB, `${sent.sentBytes} bytes were sent before the answer`);
});

test('browser mode takes a bookmark file up to the same limit as the CLI and the docs', async () => {
  const over = Buffer.alloc(BOOKMARK_FILE_MAX_BYTES + 2 * MB, 0x20);
  assert.equal((await post('importBookmarks', over.length, { body: over })).status, 413);
  const json = Buffer.from(
    JSON.stringify([bookmarkFile('y'.repeat(BOOKMARK_FILE_MAX_BYTES - MB))]),
  );
  const under = await post('importBookmarks', json.length, { body: json });
  assert.equal(under.status, 400, 'read and validated (the bookmark is not valid)');
  assert.ok(under.body.length < 2000, `an answer of ${under.body.length} characters`);
});
