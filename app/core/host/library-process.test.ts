/**
 * The desktop library process's wiring (library-process.ts), run where Electron cannot be: in a
 * worker thread whose `process.parentPort` and ports are thin stand-ins with the shape of
 * Electron's (`{ data, ports }` events, MessagePortMain's on/postMessage/start/close). What is
 * checked is what main and the renderer rely on: start → ready, a renderer's port reaches the
 * contract (and only it) without main, main's own calls, events, shutdown → closed and exit.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { NewsEvent } from '../../shared/contract.ts';
import { createPortRemote, type PortEndpoint } from '../../shared/port-protocol.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-process-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Electron's utility-process surroundings, as far as library-process.ts uses them. */
const ELECTRON_STAND_IN = `
const { parentPort } = require('node:worker_threads');
function mainPort(port) {
  const wrapped = new Map();
  return {
    on(event, listener) {
      if (event === 'message') {
        const w = (data) => listener({ data });
        wrapped.set(listener, w);
        port.on('message', w);
      } else port.on(event, listener);
      return this;
    },
    off(event, listener) { port.off(event, wrapped.get(listener) ?? listener); return this; },
    postMessage(message) { port.postMessage(message); },
    start() { port.start(); },
    close() { port.close(); },
  };
}
const wrapped = new Map();
process.parentPort = {
  on(event, listener) {
    const w = (message) => listener({ data: message.data, ports: (message.ports ?? []).map(mainPort) });
    wrapped.set(listener, w);
    parentPort.on('message', w);
  },
  off(event, listener) { parentPort.off('message', wrapped.get(listener)); },
  postMessage(message) { parentPort.postMessage(message); },
};
import(require('node:worker_threads').workerData.script);
`;

function startProcess(): { worker: Worker; main: PortEndpoint } {
  const worker = new Worker(ELECTRON_STAND_IN, {
    eval: true,
    workerData: { script: pathToFileURL(join(import.meta.dirname, 'library-process.ts')).href },
  });
  const main: PortEndpoint = {
    post: (message) => {
      worker.postMessage({ data: message, ports: [] });
    },
    listen: (handler) => {
      worker.on('message', handler);
      return () => worker.off('message', handler);
    },
  };
  return { worker, main };
}

const next = (worker: Worker, kind: string): Promise<unknown> =>
  new Promise((resolve) => {
    const listener = (message: { kind?: string }): void => {
      if (message.kind !== kind) return;
      worker.off('message', listener);
      resolve(message);
    };
    worker.on('message', listener);
  });

test('main starts the library process, hands a window a port, and the window calls the library directly', async () => {
  const { worker, main } = startProcess();
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  try {
    const ready = next(worker, 'ready');
    main.post({
      kind: 'start',
      options: { dataDir: join(dir, 'desktop'), appVersion: 'test', schedule: false },
    });
    await ready;

    // What main does for a window: a channel, one end to the library, the other to the window.
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ data: { kind: 'connect', role: 'renderer' }, ports: [port1] }, [port1]);
    const window = createPortRemote(nodeEndpoint(port2));
    const regions = await window.listRegions();
    assert.equal(regions.ok && regions.value.length, 12);
    const denied = await window.call('getImage', [1]);
    assert.equal(!denied.ok && denied.error.code, 'UNKNOWN_METHOD', 'a window never reads images');
    const bad = await window.call('markRead', [{ ids: 'all', read: true }]);
    assert.equal(!bad.ok && bad.error.code, 'BAD_ARGUMENT');

    // Main's own calls go over the parent port; its change reaches the window as an event.
    const heard = new Promise<NewsEvent>((resolve) => {
      window.subscribe(resolve);
    });
    const mainRemote = createPortRemote(main);
    assert.deepEqual(await mainRemote.call('getImage', [1]), { ok: true, value: null });
    const saved = await mainRemote.setSettings({ uiLanguage: 'en' });
    assert.equal(saved.ok, true);
    const event = await heard;
    assert.equal(event.type === 'settingsChanged' && event.settings.uiLanguage, 'en');

    // A closed window's port is let go; the library goes on answering main.
    port2.close();
    assert.equal((await mainRemote.getStatus()).ok, true);

    // Quit: the library closes its files, says so, and its process ends.
    const closed = next(worker, 'closed');
    main.post({ kind: 'shutdown' });
    await closed;
    assert.equal(await exited, 0);
  } finally {
    await worker.terminate();
  }
});

test('a library that cannot open says why, and main is told instead of waiting', async () => {
  const { worker, main } = startProcess();
  try {
    const failed = next(worker, 'failed');
    // A data folder that is a file: the library cannot be created there.
    main.post({
      kind: 'start',
      options: { dataDir: join(import.meta.filename), appVersion: 'test', schedule: false },
    });
    const message = (await failed) as { code: string; message: string };
    assert.equal(message.code, 'STORAGE');
    assert.match(message.message, /Cannot create the data folder/);
  } finally {
    await worker.terminate();
  }
});
