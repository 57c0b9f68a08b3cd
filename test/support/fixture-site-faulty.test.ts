/** The fixture site's faulty routes, the hostile page, and close() ending requests that hang. */
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { test } from 'node:test';
import { startFixtureSite, type FixtureSite } from './fixture-site.ts';
import { rawGet } from './raw-get.ts';
import { useTestSite } from './test-site.ts';

let site: FixtureSite;
useTestSite((started) => (site = started));

const url = (path: string): string => `${site.origin}${path}`;

test('faulty routes fail the way they are named', async () => {
  assert.equal((await rawGet(url('/faulty/500'))).res.statusCode, 500);
  const tooMany = await rawGet(url('/faulty/429'));
  assert.equal(tooMany.res.statusCode, 429);
  assert.equal(tooMany.res.headers['retry-after'], '2');
  const unavailable = await rawGet(url('/faulty/503-date'));
  assert.equal(unavailable.res.statusCode, 503);
  assert.ok(Date.parse(unavailable.res.headers['retry-after'] ?? '') > Date.now());
  const loop = await rawGet(url('/faulty/loop'));
  assert.equal(loop.res.statusCode, 302);
  assert.equal(loop.res.headers.location, '/faulty/loop');
  const toFile = await rawGet(url('/faulty/to-file'));
  assert.equal(toFile.res.headers.location, 'file:///etc/passwd');

  const bomb = await rawGet(url('/faulty/gzip-bomb'));
  assert.equal(bomb.res.headers['content-encoding'], 'gzip');
  assert.ok(bomb.body.length < 1024 * 1024, String(bomb.body.length));
  assert.deepEqual([...bomb.body.subarray(0, 2)], [0x1f, 0x8b]);

  const malformed = await (await fetch(url('/faulty/malformed.xml'))).text();
  assert.match(malformed, /^<\?xml/);
  assert.doesNotMatch(malformed, /<\/rss>/);
  const notFeed = await fetch(url('/faulty/not-feed.xml'));
  assert.match(notFeed.headers.get('content-type') ?? '', /xml/);
  assert.match(await notFeed.text(), /^<!DOCTYPE html>/);
});

test('the hostile page uses the template and carries what a sanitiser must remove', async () => {
  const html = await (await fetch(url(site.special.hostile))).text();
  assert.ok(html.includes('<h1 id="atitle">'));
  for (const needle of [
    '<script>',
    'onerror=',
    'href="javascript:',
    '<iframe',
    '<form',
    '<style>',
    'src="data:image/png;base64,',
    '<svg',
  ]) {
    const body = html.slice(
      html.indexOf('<div id="abody">'),
      html.indexOf('<div class="copyright">'),
    );
    assert.ok(body.includes(needle), needle);
  }
});

test('/faulty/huge announces 200 MB and streams until the client stops', async () => {
  const controller = new AbortController();
  const res = await fetch(url('/faulty/huge'), { signal: controller.signal });
  assert.equal(res.headers.get('content-length'), String(200 * 1024 * 1024));
  const reader = res.body?.getReader();
  assert.ok(reader !== undefined);
  let received = 0;
  while (received < 1024 * 1024) {
    const chunk = await reader.read();
    if (chunk.done) break;
    received += chunk.value.length;
  }
  controller.abort();
  assert.ok(received >= 1024 * 1024);
});

test('close() ends a hanging /faulty/slow request promptly', async () => {
  const own = await startFixtureSite({ articlesPerRegion: 1 });
  const ended = new Promise<{ bytes: number; ms: number }>((resolve, reject) => {
    const request = get(`${own.origin}/faulty/slow`, (res) => {
      assert.equal(res.statusCode, 200);
      let bytes = 0;
      let closedAt = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (closedAt === 0) {
          closedAt = Date.now();
          void own.close();
        }
      });
      const finish = (): void => {
        resolve({ bytes, ms: Date.now() - closedAt });
      };
      res.on('close', finish);
      res.on('error', finish);
    });
    request.on('error', () => undefined);
    request.setTimeout(5000, () => {
      reject(new Error('the slow request was not ended by close()'));
    });
  });
  const { bytes, ms } = await ended;
  assert.ok(bytes >= 1);
  assert.ok(ms < 400, `ended ${ms} ms after close()`);
  const hang = await startFixtureSite({ articlesPerRegion: 1 });
  const hung = new Promise<string>((resolve) => {
    get(`${hang.origin}/faulty/hang`, () => {
      resolve('answered');
    }).on('error', (error) => {
      resolve(error.message);
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = Date.now();
  await hang.close();
  assert.equal(await hung, 'socket hang up');
  assert.ok(Date.now() - started < 400);
});
