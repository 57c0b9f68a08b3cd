/**
 * The API boundary suite (test/support/api-boundary.ts) over each transport: the message port a
 * window (or main, or the web server) has to the library's process, and browser mode's HTTP.
 */
import { MessageChannel } from 'node:worker_threads';
import { servePort } from '../../../app/core/host/library-host.ts';
import { nodeEndpoint } from '../../../app/core/host/node-endpoint.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { createPortRemote } from '../../../app/shared/port-protocol.ts';
import { apiBoundarySuite } from '../../support/api-boundary.ts';
import { startLoggedIn } from '../../support/browser-mode.ts';

// The window's port to the library: structured clone across a MessagePort, validated there.
apiBoundarySuite('the library’s message port', () => {
  const service = NewsService.inMemory();
  const { port1, port2 } = new MessageChannel();
  const stop = servePort(service, nodeEndpoint(port1), 'renderer');
  const remote = createPortRemote(nodeEndpoint(port2));
  return Promise.resolve({
    service,
    transport: { call: (method, args) => remote.call(method, args) },
    close: () => {
      stop();
      port1.close();
      port2.close();
      service.close();
      return Promise.resolve();
    },
  });
});

apiBoundarySuite('browser mode over HTTP', async () => {
  const service = NewsService.inMemory();
  const web = await startLoggedIn(service);
  return {
    service,
    transport: {
      call: async (method, args) => {
        const res = await fetch(`${web.server.origin}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: web.cookie },
          body: JSON.stringify(args),
        });
        return (await res.json()) as unknown;
      },
    },
    close: async () => {
      await web.close();
      service.close();
    },
  };
});
