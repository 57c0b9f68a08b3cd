import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NewsService } from '../core/news-service.ts';
import { startServer, type RunningServer } from './server.ts';

const rendererDir = mkdtempSync(join(tmpdir(), 'heitu-renderer-'));
writeFileSync(
  join(rendererDir, 'index.html'),
  '<!doctype html><title>t</title><heitu-app></heitu-app>',
);
writeFileSync(join(rendererDir, 'app.js'), 'export {};');
const service = NewsService.inMemory();
let server: RunningServer;
let cookie: string;

before(async () => {
  server = await startServer({ api: service, rendererDir, port: 0 });
  const res = await fetch(server.url, { redirect: 'manual' });
  assert.equal(res.status, 303);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
after(async () => {
  await server.close();
  service.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw HTTP, so that the Host header can be anything (fetch would refuse to forge it). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Cookie: cookie,
      Host: `127.0.0.1:${server.port}`,
      ...headers,
    },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  });

test('listens on 127.0.0.1 only and prints a URL with a fresh token', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  assert.match(cookie, /^heitu_token=/);
});

test('the printed URL sets an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
  const res = await fetch(server.url, { redirect: 'manual' });
  assert.equal(res.headers.get('location'), '/');
  assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
});

test('serves the renderer with the strict CSP once the token is presented', async () => {
  const res = await raw('/', { headers: { Cookie: cookie, Host: `127.0.0.1:${server.port}` } });
  assert.equal(res.status, 200);
  assert.match(res.body, /<heitu-app>/);
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('without the token nothing is served, not even the page', async () => {
  for (const path of ['/', '/app.js', '/api/getStatus']) {
    const res = await raw(path, { headers: { Host: `127.0.0.1:${server.port}` } });
    assert.equal(res.status, 401, path);
    assert.match(res.body, /heitu web/);
  }
  const wrong = await raw('/?token=guess', { headers: { Host: `127.0.0.1:${server.port}` } });
  assert.equal(wrong.status, 403);
  const forged = await raw('/', {
    headers: { Host: `127.0.0.1:${server.port}`, Cookie: 'heitu_token=guess' },
  });
  assert.equal(forged.status, 401);
});

test('a foreign Host header is refused (DNS rebinding)', async () => {
  for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1:1', 'localhost']) {
    const res = await raw('/', { headers: { Host: host, Cookie: cookie } });
    assert.equal(res.status, 421, host);
  }
  const localhost = await raw('/', {
    headers: { Host: `localhost:${server.port}`, Cookie: cookie },
  });
  assert.equal(localhost.status, 200);
});

test('API calls go through the contract and its validators', async () => {
  const regions = await api('listRegions', []);
  assert.equal(regions.status, 200);
  const parsed = JSON.parse(regions.body) as { ok: boolean; value: { id: string }[] };
  assert.equal(parsed.ok, true);
  assert.equal(parsed.value.length, 12);

  const saved = JSON.parse((await api('setSettings', [{ theme: 'dark' }])).body) as {
    value: { theme: string };
  };
  assert.equal(saved.value.theme, 'dark');

  const bad = await api('setSettings', [{ theme: 'neon' }]);
  assert.equal(bad.status, 400);
  assert.equal((JSON.parse(bad.body) as { error: { code: string } }).error.code, 'BAD_ARGUMENT');

  const unknown = await api('close', []);
  assert.equal(unknown.status, 404);
  assert.equal(
    (JSON.parse(unknown.body) as { error: { code: string } }).error.code,
    'UNKNOWN_METHOD',
  );
});

test('sources are managed over HTTP too: add, a duplicate is 409 CONFLICT, OPML out and in', async () => {
  const url = 'https://feeds.example.cn/jilin.xml';
  const added = await api('addSource', [{ url, title: '吉林', region: 'jilin' }]);
  assert.equal(added.status, 200, added.body);
  const source = (JSON.parse(added.body) as { value: { id: string; origin: string } }).value;
  assert.equal(source.origin, 'user');

  const duplicate = await api('addSource', [{ url }]);
  assert.equal(duplicate.status, 409);
  assert.equal((JSON.parse(duplicate.body) as { error: { code: string } }).error.code, 'CONFLICT');
  const badUrl = await api('addSource', [{ url: 'file:///etc/passwd' }]);
  assert.equal(badUrl.status, 400);

  const opml = (JSON.parse((await api('exportOpml', [])).body) as { value: string }).value;
  assert.ok(opml.includes(`xmlUrl="${url}"`), opml);
  // An OPML file bigger than other calls may be still arrives (up to the 5 MB the method takes).
  const big = opml.replace('<body>', `<body>${' '.repeat(2 * 1024 * 1024)}`);
  const imported = await api('importOpml', [big]);
  assert.equal(imported.status, 200, imported.body.slice(0, 200));
  assert.deepEqual((JSON.parse(imported.body) as { value: unknown }).value, {
    added: 0,
    skipped: 1,
    existing: 1,
    invalid: 0,
    total: 1,
    addedIds: [],
    tabsAdded: 0,
  });
  const disabled = await api('updateSource', [source.id, { enabled: false }]);
  assert.equal((JSON.parse(disabled.body) as { value: { enabled: boolean } }).value.enabled, false);
  const removed = await api('removeSource', [source.id]);
  assert.deepEqual(JSON.parse(removed.body), { ok: true, value: { removed: true } });
});

test('malformed, oversized, cross-origin and form-encoded calls are refused clearly', async () => {
  const notJson = await api('getStatus', '{nope');
  assert.equal(notJson.status, 400);
  assert.match(notJson.body, /not valid JSON/);

  const huge = await api('setSettings', `[${' '.repeat(2 * 1024 * 1024)}]`);
  assert.equal(huge.status, 413);
  for (const name of ['constructor', '__proto__', 'importOpml/../setSettings']) {
    const inherited = await api(name, `[${' '.repeat(2 * 1024 * 1024)}]`);
    assert.equal(inherited.status, 413, name);
  }

  const crossOrigin = await api('getStatus', [], { Origin: 'https://evil.example' });
  assert.equal(crossOrigin.status, 403);

  const form = await api('getStatus', 'a=1', {
    'Content-Type': 'application/x-www-form-urlencoded',
  });
  assert.equal(form.status, 415);

  const get = await raw('/api/getStatus', {
    headers: { Cookie: cookie, Host: `127.0.0.1:${server.port}` },
  });
  assert.equal(get.status, 405);
});

test('events reach the browser over server-sent events', async () => {
  const controller = new AbortController();
  const res = await fetch(`${server.origin}/api/events`, {
    headers: { Cookie: cookie },
    signal: controller.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder();
  await reader.read(); // ": connected"
  await api('setSettings', [{ lastRegion: 'songyuan' }]);
  let text = '';
  while (!text.includes('\n\n') || !text.includes('data:')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  controller.abort();
  const event = JSON.parse(text.slice(text.indexOf('data: ') + 6).trim()) as {
    type: string;
    settings: { lastRegion: string };
  };
  assert.equal(event.type, 'settingsChanged');
  assert.equal(event.settings.lastRegion, 'songyuan');
});

test('path traversal finds nothing', async () => {
  for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
    const res = await raw(path, { headers: { Cookie: cookie, Host: `127.0.0.1:${server.port}` } });
    assert.equal(res.status, 404, path);
  }
});
