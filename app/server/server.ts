import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOOKMARK_FILE_MAX_BYTES } from '../shared/articles.ts';
import type { NewsClient, NewsListener } from '../shared/contract.ts';
import { RENDERER_CSP } from '../shared/csp.ts';
import type { CallResult, ErrorCode } from '../shared/errors.ts';
import type { ImageBytes } from '../shared/port-protocol.ts';
import { dispatch } from '../core/dispatch.ts';
import { createLogger } from '../core/log.ts';
import { contentTypeOf, resolveStaticPath } from '../core/static-files.ts';

const log = createLogger('server');

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * importOpml takes up to 5 MB of text (MAX_OPML_CHARS), which as a JSON string can be several
 * times that many bytes (CJK is 3 bytes a character, control characters 6 escaped); a bookmark
 * file that keeps each article's body (up to 100,000 bookmarks) can be larger still.
 */
const LARGE_BODY_BYTES: ReadonlyMap<string, number> = new Map([
  ['importOpml', 32 * 1024 * 1024],
  // The file as JSON inside the argument array: the file's own limit, and room for the brackets
  // and for escapes that JSON.stringify writes where the file had the characters themselves.
  ['importBookmarks', BOOKMARK_FILE_MAX_BYTES + 1024 * 1024],
]);
const COOKIE = 'heitu_token';
/** How long an over-large body's connection is kept, discarding, after its 413. */
const LINGER_MS = 1000;
const HEARTBEAT_MS = 25_000;

/** What the server calls: the library in its own thread (or, in tests, in this one). */
export interface LibraryLink {
  /** Any method by name with its arguments as received; the library validates them. */
  call(method: string, args: unknown): Promise<CallResult<unknown>>;
  subscribe(listener: NewsListener): () => void;
}

export interface ServerOptions {
  /**
   * The library over the message protocol (app/core/host/library-supervisor.ts): what `heitu web`
   * uses, so that SQLite and sync never hold this thread. Its `getImage` serves /images/<id>.
   */
  readonly library?: LibraryLink;
  /** Or NewsService (anything that implements the contract) in this thread: tests and tools. */
  readonly api?: NewsClient;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed only in tests; a fresh random token per launch otherwise. */
  readonly token?: string;
  /** With `api`: cached article images, served at /images/<id>. */
  readonly images?: (id: number) => { mime: string; bytes: Uint8Array } | null;
}

export interface RunningServer {
  /** The URL to open: it carries the per-launch token. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_ARGUMENT: 400,
  UNKNOWN_METHOD: 404,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORAGE: 500,
  DATABASE_TOO_NEW: 500,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/**
 * Browser mode: the same service behind HTTP on 127.0.0.1 only. Every request must name our own
 * host and port (no DNS rebinding) and carry the per-launch token, first in the URL that the
 * command prints, then in a SameSite=Strict, HttpOnly cookie.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const library = linkOf(options);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  const allowedHosts = (): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origin = (): string => `http://127.0.0.1:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      sendText(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = req.method ?? 'GET';

    if (method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) {
        sendText(
          res,
          403,
          'That access token is not this launch’s. Open the URL that `heitu web` printed.',
        );
        return;
      }
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      });
      res.end();
      return;
    }

    if (!sameToken(readCookie(req, COOKIE) ?? '', token)) {
      sendText(
        res,
        401,
        'Open the URL that `heitu web` printed: it carries this launch’s access token.',
      );
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url, method);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed');
      return;
    }
    const image = /^\/images\/(\d{1,15})$/.exec(url.pathname);
    if (image !== null) {
      const found = await library.image(Number(image[1]));
      if (found === null) {
        sendText(res, 404, 'Not found');
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': found.mime,
        'Cache-Control': 'private, max-age=31536000, immutable',
      });
      res.end(method === 'HEAD' ? undefined : found.bytes);
      return;
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    if (file === null) {
      sendText(res, 404, 'Not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      sendText(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) });
    res.end(method === 'HEAD' ? undefined : body);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
  ): Promise<void> {
    const requestOrigin = req.headers.origin;
    if (
      requestOrigin !== undefined &&
      !allowedHosts().some((h) => requestOrigin === `http://${h}`)
    ) {
      sendText(res, 403, 'Cross-origin requests are refused.');
      return;
    }
    if (url.pathname === '/api/events' && method === 'GET') {
      openEventStream(res);
      return;
    }
    if (method !== 'POST') {
      sendText(res, 405, 'Use POST for API calls.');
      return;
    }
    // A JSON content type forces a CORS preflight on any cross-site attempt, which we never grant.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendText(res, 415, 'API calls take a JSON array of arguments.');
      return;
    }
    const name = url.pathname.slice('/api/'.length);
    let args: unknown;
    try {
      args = JSON.parse(await readBody(req, LARGE_BODY_BYTES.get(name) ?? MAX_BODY_BYTES));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      const message = tooLarge ? error.message : 'The body is not valid JSON.';
      if (tooLarge) {
        // The rest of the body is never kept: answer, then close the connection it is still on.
        // A lingering close, as web servers do: what still arrives for a moment is discarded, so
        // the client reads the 413 instead of meeting a reset (it stops sending once answered).
        res.setHeader('Connection', 'close');
        res.once('finish', () => {
          req.on('data', () => undefined);
          req.resume();
          const linger = setTimeout(() => req.destroy(), LINGER_MS);
          linger.unref();
          req.socket.once('close', () => {
            clearTimeout(linger);
          });
        });
      }
      sendJson(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'BAD_ARGUMENT', message } });
      return;
    }
    const result = await library.call(name, args);
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const unsubscribe = library.subscribe((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      sseClients.delete(res);
    });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  log.info(`listening on ${origin()}`);

  return {
    url: `${origin()}/?token=${token}`,
    origin: origin(),
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const client of sseClients) client.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function linkOf(
  options: ServerOptions,
): LibraryLink & { image(id: number): Promise<ImageBytes | null> } {
  const { library, api } = options;
  if (library !== undefined) {
    return {
      call: (method, args) => library.call(method, args),
      subscribe: (listener) => library.subscribe(listener),
      image: async (id) => {
        const result = await library.call('getImage', [id]);
        return result.ok ? (result.value as ImageBytes | null) : null;
      },
    };
  }
  if (api === undefined) throw new Error('startServer needs a library or an api');
  return {
    call: (method, args) => dispatch(api, method, args),
    subscribe: (listener) => api.subscribe(listener),
    image: (id) => Promise.resolve(options.images?.(id) ?? null),
  };
}

class BodyTooLarge extends Error {}

/** The body, refused as soon as its declared or received size passes `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const tooLarge = (): void => {
      req.removeAllListeners('data');
      req.pause();
      reject(new BodyTooLarge(`The body is larger than ${Math.round(limit / 1024)} KB.`));
    };
    if (Number(req.headers['content-length'] ?? '0') > limit) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function sendJson(res: ServerResponse, status: number, body: CallResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
