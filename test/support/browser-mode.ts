/** Browser mode's server over a service, with the cookie its printed URL sets, for the tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewsService } from '../../app/core/news-service.ts';
import { startServer, type RunningServer } from '../../app/server/server.ts';

export interface LoggedIn {
  readonly server: RunningServer;
  /** `heitu_token=…`, as the browser sends it after opening the printed URL. */
  readonly cookie: string;
  /** Closes the server (not the service) and removes its stand-in renderer. */
  close(): Promise<void>;
}

/** Starts the server over `service` with a one-page renderer, and opens the printed URL. */
export async function startLoggedIn(service: NewsService): Promise<LoggedIn> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'heitu-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startServer({ api: service, rendererDir, port: 0 });
  const res = await fetch(server.url, { redirect: 'manual' });
  return {
    server,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    close: async () => {
      await server.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
