/**
 * The API boundary suite (test/support/api-boundary.ts) over each transport: the validators as
 * Electron's IPC bridge calls them (structured clone, then `dispatch`), and browser mode's HTTP.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../app/core/dispatch.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { startServer } from '../../../app/server/server.ts';
import { apiBoundarySuite } from '../../support/api-boundary.ts';

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
  const rendererDir = mkdtempSync(join(tmpdir(), 'heitu-boundary-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startServer({ api: service, rendererDir, port: 0 });
  const login = await fetch(server.url, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    service,
    transport: {
      call: async (method, args) => {
        const res = await fetch(`${server.origin}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify(args),
        });
        return (await res.json()) as unknown;
      },
    },
    close: async () => {
      await server.close();
      service.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
});
