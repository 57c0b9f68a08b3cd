/**
 * The message transport: the library's side (servePort over a real NewsService on a real SQLite
 * file) and the caller's side (createPortRemote, createReconnectingRemote), over Node's own
 * MessageChannel, the same structured-clone ports the worker and Electron use.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { NewsEvent } from '../../shared/contract.ts';
import type { CallResult } from '../../shared/errors.ts';
import {
  createPortRemote,
  createReconnectingRemote,
  type PortRemote,
} from '../../shared/port-protocol.ts';
import { NewsService } from '../news-service.ts';
import { servePort, type PortRole } from './library-host.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-host-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Wired {
  readonly service: NewsService;
  readonly remote: PortRemote;
  readonly ports: readonly MessagePort[];
  close(): void;
}

let n = 0;
function wire(role: PortRole): Wired {
  n += 1;
  const service = NewsService.open({ dataDir: join(dir, `lib-${n}`), appVersion: 'test' });
  const { port1, port2 } = new MessageChannel();
  const stop = servePort(service, nodeEndpoint(port1), role);
  const remote = createPortRemote(nodeEndpoint(port2));
  return {
    service,
    remote,
    ports: [port1, port2],
    close() {
      stop();
      port1.close();
      port2.close();
      service.close();
    },
  };
}

const errorOf = (result: CallResult<unknown>): { code: string; message: string } => {
  assert.equal(result.ok, false, `expected an error, got ${JSON.stringify(result)}`);
  return (result as { error: { code: string; message: string } }).error;
};

test('every contract method is callable over the port, with its value as data', async () => {
  const w = wire('renderer');
  try {
    const regions = await w.remote.listRegions();
    assert.equal(regions.ok, true);
    assert.equal((regions as { value: unknown[] }).value.length, 12);
    const saved = await w.remote.setSettings({ theme: 'dark' });
    assert.deepEqual(saved.ok && saved.value.theme, 'dark');
    const settings = await w.service.getSettings();
    assert.equal(settings.theme, 'dark', 'the call changed the library itself');
    const page = await w.remote.listArticles({ region: 'all' });
    assert.deepEqual(page, { ok: true, value: { items: [], nextCursor: null } });
  } finally {
    w.close();
  }
});

test('arguments are validated on the library side: a bad call is a typed error, nothing changes', async () => {
  const w = wire('trusted');
  try {
    const before = await w.service.getSettings();
    const bad = errorOf(await w.remote.call('setSettings', [{ theme: 'purple' }]));
    assert.equal(bad.code, 'BAD_ARGUMENT');
    const extra = errorOf(await w.remote.call('getSettings', [1]));
    assert.equal(extra.code, 'BAD_ARGUMENT');
    const notArray = errorOf(await w.remote.call('listArticles', 'all'));
    assert.equal(notArray.code, 'BAD_ARGUMENT');
    const unknown = errorOf(await w.remote.call('dropEverything', []));
    assert.equal(unknown.code, 'UNKNOWN_METHOD');
    const proto = errorOf(await w.remote.call('__proto__', []));
    assert.equal(proto.code, 'UNKNOWN_METHOD');
    const missing = errorOf(await w.remote.call('getArticle', []));
    assert.equal(missing.code, 'BAD_ARGUMENT');
    const notFound = errorOf(await w.remote.getArticle('a999' as never));
    assert.equal(notFound.code, 'NOT_FOUND');
    assert.deepEqual(await w.service.getSettings(), before);
  } finally {
    w.close();
  }
});

test('messages that are not calls are ignored, and the port goes on answering', async () => {
  const w = wire('trusted');
  try {
    const [, callerSide] = w.ports;
    for (const junk of [null, 42, 'call', { kind: 'call' }, { kind: 'call', id: -1, method: 'x' }])
      callerSide?.postMessage(junk);
    callerSide?.postMessage({ kind: 'call', id: 1.5, method: 'getSettings', args: [] });
    const status = await w.remote.getStatus();
    assert.equal(status.ok, true);
  } finally {
    w.close();
  }
});

test('a renderer port reaches the contract only; main and the web server also reach images', async () => {
  const renderer = wire('renderer');
  const trusted = wire('trusted');
  try {
    assert.equal(errorOf(await renderer.remote.call('getImage', [1])).code, 'UNKNOWN_METHOD');
    assert.deepEqual(await trusted.remote.call('getImage', [1]), { ok: true, value: null });
    assert.equal(errorOf(await trusted.remote.call('getImage', ['1'])).code, 'BAD_ARGUMENT');
    assert.equal(errorOf(await trusted.remote.call('getImage', [0])).code, 'BAD_ARGUMENT');
  } finally {
    renderer.close();
    trusted.close();
  }
});

test('events are pushed over the port to its subscribers', async () => {
  const w = wire('renderer');
  try {
    const heard: NewsEvent[] = [];
    const changed = new Promise<void>((resolve) => {
      w.remote.subscribe((event) => {
        heard.push(event);
        if (event.type === 'settingsChanged') resolve();
      });
    });
    await w.service.setSettings({ textScale: 150 });
    await changed;
    const event = heard.find((e) => e.type === 'settingsChanged');
    assert.equal(event?.type === 'settingsChanged' && event.settings.textScale, 150);
  } finally {
    w.close();
  }
});

test('a call to a dead library gets UNAVAILABLE, never a hang', async () => {
  const { port1, port2 } = new MessageChannel();
  // Nobody answers on port1: the library "died" with the call in flight.
  const remote = createPortRemote(nodeEndpoint(port2));
  const inFlight = remote.getTabCounts();
  assert.equal(remote.pending, 1);
  remote.fail();
  const result = await inFlight;
  assert.equal(errorOf(result).code, 'UNAVAILABLE');
  assert.equal(errorOf(await remote.getStatus()).code, 'UNAVAILABLE', 'and so does the next call');
  assert.equal(remote.pending, 0);
  port1.close();
  port2.close();
});

test('a reconnecting remote: calls wait while the library is down, then reach the new one; listeners stay', async () => {
  const remote = createReconnectingRemote();
  const heard: NewsEvent['type'][] = [];
  remote.subscribe((event) => heard.push(event.type));

  const first = wire('renderer');
  const second = wire('renderer');
  try {
    // First library: a call goes to it, and a call in flight when it dies fails.
    const [lib1, caller1] = [first.ports[0], first.ports[1]];
    assert.ok(lib1 && caller1);
    remote.attach(nodeEndpoint(caller1));
    assert.equal((await remote.getStatus()).ok, true);
    const hanging = remote.call('getTabCounts', []);
    remote.detach();
    assert.equal(errorOf(await hanging).code, 'UNAVAILABLE');

    // While down: a new call waits.
    let answered = false;
    const waiting = remote.setSettings({ theme: 'light' }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(answered, false, 'the call waits for a library');

    // The library comes back: the waiting call reaches it, and the window hears it restarted.
    const [, caller2] = second.ports;
    assert.ok(caller2);
    const refreshed = new Promise<void>((resolve) => {
      remote.subscribe((event) => {
        if (event.type === 'libraryChanged') resolve();
      });
    });
    remote.attach(nodeEndpoint(caller2));
    const result = await waiting;
    assert.equal(result.ok && result.value.theme, 'light');
    assert.equal((await second.service.getSettings()).theme, 'light');
    await refreshed;
    assert.ok(heard.includes('statusChanged'), 'a restart is followed by the new status');

    // Events of the new library reach the listener subscribed before the restart.
    await second.service.setSettings({ textScale: 125 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(heard.includes('settingsChanged'));

    // Given up: every call fails at once.
    remote.fail('gone for good');
    const gone = errorOf(await remote.getStatus());
    assert.deepEqual(gone, { code: 'UNAVAILABLE', message: 'gone for good' });
  } finally {
    first.close();
    second.close();
  }
});
