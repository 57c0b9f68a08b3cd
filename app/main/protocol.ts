import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { RENDERER_CSP } from '../shared/csp.ts';
import { contentTypeOf, resolveStaticPath } from '../core/static-files.ts';
import { APP_HOST, APP_SCHEME } from './policy.ts';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererDir` at app://heitu/, with the strict CSP on every file. */
export function serveRenderer(
  rendererDir: string,
  images: (id: number) => Promise<{ mime: string; bytes: Uint8Array } | null>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const image = url.host === APP_HOST ? /^\/images\/(\d{1,15})$/.exec(url.pathname) : null;
    if (image !== null) {
      const found = await images(Number(image[1]));
      return found === null
        ? new Response('Not found', { status: 404 })
        : new Response(new Uint8Array(found.bytes), {
            headers: { 'Content-Type': found.mime, 'X-Content-Type-Options': 'nosniff' },
          });
    }
    const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (file === null || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': RENDERER_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
