/**
 * The sync engine's HTTP client. It sits on node:http rather than global fetch so that every limit
 * is enforced on the wire: the byte caps apply while data arrives (before and after
 * decompression), the timeouts destroy the socket, and redirects are followed by hand so that a
 * feed cannot bounce us to file: or data: or around in a loop.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { Semaphore } from './limiter.ts';

export interface FetchOptions {
  readonly etag?: string | null; // sent as If-None-Match
  readonly lastModified?: string | null; // sent as If-Modified-Since
  readonly referer?: string; // Chinese image CDNs often require the article URL as Referer
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

export const USER_AGENT = 'HeituReader/0.1 (offline news reader; +https://github.com/heitu-reader)';

export interface FetcherOptions {
  readonly userAgent: string;
  readonly perHost?: number; // default 2 requests at once per host
  readonly global?: number; // default 6 at once in all
  readonly connectTimeoutMs?: number; // default 10 s until the response headers
  readonly totalTimeoutMs?: number; // default 30 s for everything, so trickling is cut off
  readonly maxBytes?: number; // default 10 MiB on the wire
  readonly maxDecodedBytes?: number; // default 20 MiB after decompression (gzip bombs)
  readonly maxRedirects?: number; // default 5
}

export type FetchResult =
  | {
      readonly status: 'ok';
      readonly url: string;
      readonly bytes: Buffer;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly status: 'not-modified'; readonly url: string };

export type FetchErrorKind =
  'timeout' | 'too-large' | 'http' | 'redirect' | 'scheme' | 'network' | 'aborted';

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly url: string;

  constructor(
    kind: FetchErrorKind,
    message: string,
    url: string,
    extra: { status?: number; retryAfterMs?: number | null } = {},
  ) {
    super(message);
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ENCODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);
const MiB = 1024 * 1024;

/** Retry-After as milliseconds from `now`; it may be delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

interface Limits {
  readonly userAgent: string;
  readonly connectTimeoutMs: number;
  readonly totalTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxDecodedBytes: number;
}

type Hop =
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string | undefined }
  | { readonly kind: 'done'; readonly result: FetchResult };

export function createFetcher(options: FetcherOptions): Fetcher {
  const perHost = Math.max(1, Math.floor(options.perHost ?? 2));
  const global = new Semaphore(Math.max(1, Math.floor(options.global ?? 6)));
  const hosts = new Map<string, Semaphore>();
  const maxRedirects = options.maxRedirects ?? 5;
  const limits: Limits = {
    userAgent: options.userAgent,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * MiB,
    maxDecodedBytes: options.maxDecodedBytes ?? 20 * MiB,
  };

  async function hop(url: URL, fetchOptions: FetchOptions): Promise<Hop> {
    let host = hosts.get(url.host);
    if (host === undefined) {
      host = new Semaphore(perHost);
      hosts.set(url.host, host);
    }
    const aborted = (): Error => abortedError(url);
    // Host first: a request queued behind its own host must not sit on one of the global slots.
    await host.acquire(fetchOptions.signal, aborted);
    try {
      await global.acquire(fetchOptions.signal, aborted);
      try {
        return await requestOnce(url, fetchOptions, limits);
      } finally {
        global.release();
      }
    } finally {
      host.release();
      if (host.idle) hosts.delete(url.host);
    }
  }

  return {
    async fetch(target, fetchOptions = {}) {
      let url = parseWebUrl(target, target);
      const visited = new Set([url.href]);
      for (let redirects = 0; ; redirects += 1) {
        const result = await hop(url, fetchOptions);
        if (result.kind === 'done') return result.result;
        const stop = (message: string): FetchError =>
          new FetchError('redirect', message, url.href, { status: result.status });
        if (result.location === undefined || result.location === '') {
          throw stop(`The server at ${url.host} sent a redirect without saying where to.`);
        }
        const next = parseWebUrl(result.location, url.href, url);
        if (visited.has(next.href)) {
          throw stop(`The server at ${url.host} keeps redirecting in a circle.`);
        }
        if (redirects >= maxRedirects) {
          throw stop(`The address ${target} redirected more than ${maxRedirects} times.`);
        }
        visited.add(next.href);
        url = next;
      }
    },
  };
}

function parseWebUrl(raw: string, reportAs: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('scheme', `"${raw}" is not a web address.`, reportAs);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = base === undefined ? '' : ` The server at ${base.host} redirected there.`;
    const message = `Heitu Reader only downloads http and https addresses, not ${url.protocol} ones.`;
    throw new FetchError('scheme', message + where, url.href);
  }
  return url;
}

function abortedError(url: URL): FetchError {
  return new FetchError('aborted', `The download from ${url.host} was cancelled.`, url.href);
}

const seconds = (ms: number): string =>
  ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
const megabytes = (bytes: number): string =>
  bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;

const HTTP_PROBLEMS: Readonly<Record<number, string>> = {
  401: 'refused access to this page',
  403: 'refused access to this page',
  404: 'says this page does not exist',
  410: 'says this page does not exist',
  429: 'asked Heitu Reader to slow down',
  503: 'is unavailable for now',
};

function httpError(url: URL, status: number, retryAfter: string | undefined): FetchError {
  const problem =
    HTTP_PROBLEMS[status] ?? (status >= 500 ? 'had an internal error' : 'refused the request');
  const message = `The server at ${url.host} ${problem} (HTTP ${status}).`;
  // Only these two statuses give Retry-After a meaning for a GET.
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(retryAfter, Date.now()) : null;
  return new FetchError('http', message, url.href, { status, retryAfterMs });
}

function networkError(url: URL, error: NodeJS.ErrnoException): FetchError {
  const code = error.code ?? '';
  let message = `Could not download from ${url.host} (${code === '' ? error.message : code}).`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = `Could not find the server ${url.hostname}; check the address and the connection.`;
  } else if (code === 'ECONNREFUSED') {
    message = `The server at ${url.host} refused the connection.`;
  } else if (code === 'ECONNRESET' || code === 'EPIPE') {
    message = `The connection to ${url.host} was cut off.`;
  } else if (/TLS|CERT|SSL/.test(code)) {
    message = `The secure connection to ${url.host} could not be verified (${code}).`;
  }
  return new FetchError('network', message, url.href);
}

/** One request with no redirect handling; every exit clears the timers and frees the socket. */
function requestOnce(url: URL, options: FetchOptions, limits: Limits): Promise<Hop> {
  const { signal } = options;
  if (signal?.aborted === true) return Promise.reject(abortedError(url));
  const problem = (kind: FetchErrorKind, message: string): FetchError =>
    new FetchError(kind, message, url.href);
  const tooLarge = (limit: number, unpacked = ''): FetchError =>
    problem(
      'too-large',
      `The page at ${url.host} is larger${unpacked} than the ${megabytes(limit)} limit.`,
    );

  return new Promise<Hop>((resolve, reject) => {
    const headers: Record<string, string> = {
      'User-Agent': limits.userAgent,
      Accept: options.accept ?? '*/*',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (options.etag != null) headers['If-None-Match'] = options.etag;
    if (options.lastModified != null) headers['If-Modified-Since'] = options.lastModified;
    if (options.referer !== undefined) headers.Referer = options.referer;

    const req = (url.protocol === 'https:' ? https : http).request(url, { headers });
    let decoder: Transform | null = null;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: FetchError): void => {
      if (!settle()) return;
      decoder?.destroy();
      req.destroy();
      reject(error);
    };
    const succeed = (hop: Hop): void => {
      if (settle()) resolve(hop);
    };
    const onAbort = (): void => {
      fail(abortedError(url));
    };
    const connectTimer = setTimeout(() => {
      const limit = seconds(limits.connectTimeoutMs);
      fail(problem('timeout', `The server at ${url.host} did not answer within ${limit}.`));
    }, limits.connectTimeoutMs);
    const totalTimer = setTimeout(() => {
      const limit = seconds(limits.totalTimeoutMs);
      fail(problem('timeout', `The server at ${url.host} took longer than ${limit}.`));
    }, limits.totalTimeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => {
      fail(networkError(url, error));
    });

    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      const early = ((): Hop | FetchError | null => {
        if (REDIRECT_STATUSES.has(status)) {
          return { kind: 'redirect', status, location: res.headers.location };
        }
        if (status === 304)
          return { kind: 'done', result: { status: 'not-modified', url: url.href } };
        if (status < 200 || status > 299) return httpError(url, status, res.headers['retry-after']);
        if (Number(res.headers['content-length']) > limits.maxBytes)
          return tooLarge(limits.maxBytes);
        const encoding = res.headers['content-encoding']?.trim().toLowerCase() ?? 'identity';
        if (ENCODINGS.has(encoding)) return null;
        return problem(
          'network',
          `The server at ${url.host} sent the page packed as "${encoding}", which Heitu Reader cannot unpack.`,
        );
      })();
      if (early !== null) {
        // The body is not wanted; destroying an already complete response leaves its keep-alive
        // socket alone.
        res.destroy();
        if (early instanceof FetchError) fail(early);
        else succeed(early);
        return;
      }

      const encoding = res.headers['content-encoding']?.trim().toLowerCase() ?? 'identity';
      const chunks: Buffer[] = [];
      let wireBytes = 0;
      let decodedBytes = 0;
      const collect = (chunk: Buffer): void => {
        decodedBytes += chunk.length;
        if (decodedBytes > limits.maxDecodedBytes)
          fail(tooLarge(limits.maxDecodedBytes, ' once unpacked'));
        else chunks.push(chunk);
      };
      const done = (): void => {
        const { etag, 'last-modified': lastModified, 'content-type': contentType } = res.headers;
        succeed({
          kind: 'done',
          result: {
            status: 'ok',
            url: url.href,
            bytes: Buffer.concat(chunks),
            contentType: contentType ?? null,
            etag: etag ?? null,
            lastModified: lastModified ?? null,
          },
        });
      };

      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        wireBytes += chunk.length;
        if (wireBytes > limits.maxBytes) {
          fail(tooLarge(limits.maxBytes));
        } else if (encoding === 'identity') {
          collect(chunk);
        } else {
          // Made on the first chunk: an empty packed body is legal but zlib would reject it, and
          // deflate needs a peek at the first bytes.
          if (decoder === null) {
            decoder = decompressor(encoding, chunk);
            decoder.on('data', collect).on('end', done);
            decoder.on('error', () => {
              fail(problem('network', `The server at ${url.host} sent damaged compressed data.`));
            });
          }
          decoder.write(chunk);
        }
      });
      res.on('end', () => {
        if (decoder === null) done();
        else decoder.end();
      });
      // Node reports a body cut short as an 'error' ("aborted") or only as an incomplete 'close'.
      const cutOff = (): void => {
        if (res.complete) return;
        const message = `The connection to ${url.host} closed before the page finished downloading.`;
        fail(problem('network', message));
      };
      res.on('close', cutOff).on('error', cutOff);
    });
    req.end();
  });
}

function decompressor(encoding: string, first: Buffer): Transform {
  // A body whose compressed stream stops short yields what arrived (as in browsers) instead of an
  // "unexpected end of file"; a connection that drops early is caught separately.
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'br') {
    return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  }
  if (encoding === 'deflate') {
    // "deflate" should mean a zlib wrapper, but some servers send raw deflate; the zlib header's
    // first byte names method 8 and its first two bytes are a multiple of 31.
    const [a = 0, b = 0] = first;
    const wrapped = (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0;
    return wrapped ? zlib.createInflate(options) : zlib.createInflateRaw(options);
  }
  return zlib.createGunzip(options);
}
