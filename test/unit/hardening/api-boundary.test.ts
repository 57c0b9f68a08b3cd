/**
 * The API boundary suite (test/support/api-boundary.ts) over each transport: the validators as
 * Electron's IPC bridge calls them (structured clone, then `dispatch`), and browser mode's HTTP.
 */
import { dispatch } from '../../../app/core/dispatch.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { apiBoundarySuite } from '../../support/api-boundary.ts';
import { startLoggedIn } from '../../support/browser-mode.ts';

// Electron's IPC carries arguments by structured clone, and main hands them to `dispatch`.
apiBoundarySuite('IPC validators', () => {
  const service = NewsService.inMemory();
  return Promise.resolve({
    service,
    transport: { call: (method, args) => dispatch(service, method, structuredClone(args)) },
    close: () => {
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
