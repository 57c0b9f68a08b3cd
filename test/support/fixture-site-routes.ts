/**
 * The fixture site's HTTP plumbing and special routes: sending a rendered body with validators
 * (and 304s), error pages, endless streams, the hot-link-protected images and the faulty routes
 * (slow, hanging, failing, redirecting, compressed-bomb, huge and broken documents).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rng } from './corpus.ts';
import { httpDate, type Rendered } from './fixture-site-format.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

// ---- Fixed bytes ----------------------------------------------------------------------------------

/** A valid 1×1 RGB PNG (one brick-red pixel). */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da633860' +
    'a90d0002e10125c443ce410000000049454e44ae426082',
  'hex',
);

/**
 * A valid baseline 1×1 greyscale JFIF JPEG (mid grey): one-entry Huffman tables, DC 0 and EOB.
 * libjpeg decodes it without warnings.
 */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300' +
    '01'.repeat(64) +
    'ffc0000b080001000101011100' +
    'ffc4001400' +
    '01' +
    '00'.repeat(16) +
    'ffc4001410' +
    '01' +
    '00'.repeat(16) +
    'ffda0008010100003f003fffd9',
  'hex',
);

const HUGE_IMAGE_BYTES = 30 * 1024 * 1024;
const HUGE_BODY_BYTES = 200 * 1024 * 1024;
const BOMB_BYTES = 50 * 1024 * 1024;
export const FIXED_LAST_MODIFIED = Date.UTC(2026, 0, 1);

let gzipBombCache: Buffer | undefined;
/** ~50 MB of zeros, gzip-compressed once per process (about 50 KB). */
function gzipBomb(): Buffer {
  gzipBombCache ??= gzipSync(Buffer.alloc(BOMB_BYTES), { level: 9 });
  return gzipBombCache;
}

const JUNK = (() => {
  const next = rng(20261120);
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(next() * 256);
  return bytes;
})();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const readStatic = (name: string): Buffer => readFileSync(join(FIXTURES, 'site', name));

/** True when the request's validators match: If-None-Match first, else If-Modified-Since. */
function notModified(req: IncomingMessage, etag: string, lastModified: number): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}

export function send(req: IncomingMessage, res: ServerResponse, r: Rendered): void {
  const etag = `"${createHash('sha1').update(r.body).digest('hex').slice(0, 20)}"`;
  const lastModified = httpDate(r.lastModified);
  const status = r.status ?? 200;
  if (status === 200 && notModified(req, etag, r.lastModified)) {
    res.writeHead(304, { ETag: etag, 'Last-Modified': lastModified });
    res.end();
    return;
  }
  res.writeHead(status, {
    'Content-Type': r.type,
    'Content-Length': String(r.body.length),
    ETag: etag,
    'Last-Modified': lastModified,
    ...r.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : r.body);
}

export function simple(
  res: ServerResponse,
  status: number,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1></body></html>\n`,
  );
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    ...extra,
  });
  res.end(body);
}

/** Streams `total` bytes (starting with `first`) with back-pressure, until the client leaves. */
function stream(req: IncomingMessage, res: ServerResponse, total: number, first: Buffer): void {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let sent = 0;
  let stopped = false;
  res.on('close', () => {
    stopped = true;
  });
  const pump = (): void => {
    while (!stopped && sent < total) {
      const size = Math.min(JUNK.length, total - sent);
      const chunk =
        sent === 0 ? Buffer.concat([first, JUNK]).subarray(0, size) : JUNK.subarray(0, size);
      sent += size;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!stopped) res.end();
  };
  pump();
}

/**
 * The faulty routes by path. Reads the static documents they serve; `timers` collects the slow
 * route's intervals so that the site's close() can stop them.
 */
export function faultyRoutes(timers: Set<NodeJS.Timeout>): Readonly<Record<string, Handler>> {
  const hostile = readStatic('hostile.html');
  const malformed = readStatic('malformed.xml');
  const notFeed = readStatic('not-feed.xml');
  return {
    '/faulty/slow': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.flushHeaders();
      const text = '<!DOCTYPE html><html><body><p>慢</p>';
      const bytes = Buffer.from(text);
      let i = 0;
      const timer = setInterval(() => {
        res.write(bytes.subarray(i % bytes.length, (i % bytes.length) + 1));
        i += 1;
      }, 500);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    },
    '/faulty/hang': () => {
      // Never answers; close() destroys the socket.
    },
    '/faulty/500': (_req, res) => {
      simple(res, 500);
    },
    '/faulty/429': (_req, res) => {
      simple(res, 429, { 'Retry-After': '2' });
    },
    '/faulty/503-date': (_req, res) => {
      simple(res, 503, { 'Retry-After': httpDate(Date.now() + 3000) });
    },
    '/faulty/loop': (_req, res) => {
      res.writeHead(302, { Location: '/faulty/loop', 'Content-Length': '0' });
      res.end();
    },
    '/faulty/to-file': (_req, res) => {
      res.writeHead(302, { Location: 'file:///etc/passwd', 'Content-Length': '0' });
      res.end();
    },
    '/faulty/gzip-bomb': (req, res) => {
      const body = gzipBomb();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Length': String(body.length),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    '/faulty/huge': (req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(HUGE_BODY_BYTES),
      });
      stream(req, res, HUGE_BODY_BYTES, Buffer.from('<!DOCTYPE html><html><body>'));
    },
    '/faulty/malformed.xml': (req, res) => {
      send(req, res, {
        body: malformed,
        type: 'application/rss+xml; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
    '/faulty/hostile.html': (req, res) => {
      send(req, res, {
        body: hostile,
        type: 'text/html; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
    '/faulty/not-feed.xml': (req, res) => {
      send(req, res, {
        body: notFeed,
        type: 'text/xml; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
  };
}

/** An image under /img/, for requests whose Referer is a page of `origin` (403 otherwise). */
export function serveImage(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  name: string,
  ext: string,
): void {
  const referer = req.headers.referer ?? '';
  if (referer !== origin && !referer.startsWith(`${origin}/`)) {
    simple(res, 403);
    return;
  }
  if (name === 'huge' && ext === 'jpg') {
    res.writeHead(200, {
      'Content-Type': 'image/jpeg',
      'Content-Length': String(HUGE_IMAGE_BYTES),
      'Last-Modified': httpDate(FIXED_LAST_MODIFIED),
    });
    stream(req, res, HUGE_IMAGE_BYTES, TINY_JPEG.subarray(0, 20));
    return;
  }
  if (name === 'not-an-image') {
    send(req, res, {
      body: Buffer.from(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>圖片不存在</title></head><body><p>您訪問的圖片不存在。</p></body></html>\n',
      ),
      type: 'text/html; charset=utf-8',
      lastModified: FIXED_LAST_MODIFIED,
    });
    return;
  }
  send(req, res, {
    body: ext === 'png' ? TINY_PNG : TINY_JPEG,
    type: ext === 'png' ? 'image/png' : 'image/jpeg',
    lastModified: FIXED_LAST_MODIFIED,
    headers: { 'Cache-Control': 'max-age=2592000' },
  });
}
