/**
 * Browser mode's refusals that app/server/server.test.ts does not already prove: text/plain and
 * multipart posts (what a cross-site form can send without a preflight), an `Origin: null`
 * (sandboxed frames, file: pages), the event stream and images without the token, a body of
 * 100,000 nested arrays, and the server's absence on every interface but loopback.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, test } from 'node:test';
import { NewsService } from '../../../app/core/news-service.ts';
import type { RunningServer } from '../../../app/server/server.ts';
import { startLoggedIn, type LoggedIn } from '../../support/browser-mode.ts';

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
});

function post(method: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.origin}/api/${method}`, { method: 'POST', body, headers });
}

test('posts a cross-site form could send without a preflight are refused', async () => {
  for (const type of [
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
  ]) {
    const res = await post('setSettings', '[{"theme":"dark"}]', {
      'Content-Type': type,
      Cookie: cookie,
    });
    assert.equal(res.status, 415, type);
  }
  const noType = await post('setSettings', '[{"theme":"dark"}]', { Cookie: cookie });
  assert.equal(noType.status, 415);
  assert.equal((await service.getSettings()).theme, 'system', 'nothing was changed');
});

test('an Origin of null, or of another port on this machine, is refused', async () => {
  for (const origin of ['null', 'http://127.0.0.1:1', `https://127.0.0.1:${server.port}`]) {
    const res = await post('getStatus', '[]', {
      'Content-Type': 'application/json',
      Cookie: cookie,
      Origin: origin,
    });
    assert.equal(res.status, 403, origin);
  }
});

test('the event stream and the images need the token as much as the page does', async () => {
  for (const path of ['/api/events', '/images/1']) {
    const res = await fetch(`${server.origin}${path}`);
    assert.equal(res.status, 401, path);
    await res.body?.cancel();
  }
});

test('a body of 100,000 nested arrays is a short error, and the server goes on', async () => {
  const body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const res = await post('getStatus', body, { 'Content-Type': 'application/json', Cookie: cookie });
  assert.equal(res.status, 400);
  assert.ok((await res.text()).length < 2000);
  const ok = await post('getStatus', '[]', { 'Content-Type': 'application/json', Cookie: cookie });
  assert.equal(ok.status, 200);
});

test('the server is not reachable on any interface but loopback', async (t) => {
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i?.address ?? '');
  if (others.length === 0) t.diagnostic('this machine has no non-loopback IPv4 interface');
  for (const address of others) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused, `${address}:${server.port} accepted a connection`);
  }
  // And it does listen on loopback (the test would pass on a server that was not running).
  const res = await post('getStatus', '[]', { 'Content-Type': 'application/json', Cookie: cookie });
  assert.equal(res.status, 200);
});
