/**
 * A local HTTP fixture site modelled on the portal's Jilin province channel, for the sync engine's
 * tests and benchmark. It serves paged region lists, article pages in the channel's template (in
 * UTF-8, GBK and GB18030, plus one page that lies about its charset), hot-link-protected images,
 * feeds in every common format and encoding, and a set of faulty routes.
 *
 * Everything is generated from `seed` (article text comes from test/support/corpus.ts), so pages
 * are byte-for-byte the same for a seed, apart from list and feed pages, which carry the origin.
 * Static hostile and broken documents live in test/fixtures/site/.
 *
 * This module is the public entry: the server and its API. The article model is in
 * fixture-site-model.ts, HTML pages in fixture-site-pages.ts, feed documents in
 * fixture-site-feeds.ts, faulty routes and images in fixture-site-routes.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { RegionId } from '../../app/shared/regions.ts';
import type { Rendered } from './fixture-site-format.ts';
import { renderFeed } from './fixture-site-feeds.ts';
import {
  FEEDS,
  FIXTURE_REGIONS,
  NEWEST,
  SiteModel,
  type FeedName,
  type FixtureArticle,
  type SpecialPages,
  type Spec,
} from './fixture-site-model.ts';
import { channelPage, listPage, renderArticle } from './fixture-site-pages.ts';
import {
  faultyRoutes,
  FIXED_LAST_MODIFIED,
  send,
  serveImage,
  simple,
  type Handler,
} from './fixture-site-routes.ts';

export { chinaTime } from './fixture-site-format.ts';
export {
  FEEDS,
  FIXTURE_REGIONS,
  NEWEST,
  type FeedName,
  type FixtureArticle,
  type PageEncoding,
  type SpecialPages,
} from './fixture-site-model.ts';
export { TINY_JPEG, TINY_PNG } from './fixture-site-routes.ts';

// ---- Public API ---------------------------------------------------------------------------------

export interface FixtureSite {
  readonly origin: string; // http://127.0.0.1:PORT
  /** How many times each path was requested, and the request headers of the last one. */
  readonly hits: Map<string, number>;
  lastHeaders(path: string): Record<string, string | string[] | undefined> | undefined;
  /** Writes a sources file (the app's JSON shape, below) for this site into dir; returns its path. */
  writeSourcesFile(dir: string, which?: 'portal' | 'feeds' | 'all'): string;
  /** Articles the portal serves per region (ground truth for tests). */
  readonly articlesPerRegion: number;
  close(): Promise<void>;

  // Ground truth beyond the brief's minimum, for tests that want to compare what they parsed.
  readonly pageSize: number;
  readonly seed: number;
  /** The articles of one region's list, newest first, as the list pages order them. */
  portalArticles(region: RegionId): readonly FixtureArticle[];
  /** The articles a feed's items link to, in item order. */
  feedArticles(feed: FeedName): readonly FixtureArticle[];
  /**
   * Serves `body` at `path` from now on (replacing what a test put there before): a feed or page
   * a test writes and changes between syncs. Paths the site serves itself take precedence.
   */
  put(path: string, body: string | Buffer, type: string): void;
  /** Any article page by path (portal, feed or special), or undefined. */
  article(path: string): FixtureArticle | undefined;
  /**
   * Paths of article pages with a particular property. They are the first five of the changchun
   * list (gbk: the first GBK page of any list) when the lists are long enough, else stand-alone
   * pages reachable by path only.
   */
  readonly special: SpecialPages;
}

export interface FixtureSiteOptions {
  /** Default 50 (three list pages of 20, within the sources file's default maxPages of 3). */
  readonly articlesPerRegion?: number;
  /** Default 20. */
  readonly pageSize?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Delay before every answer, in ms (default 0): lets a UI test see a sync in progress. */
  readonly latencyMs?: number;
}

// ---- The server ---------------------------------------------------------------------------------

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const seed = options.seed ?? 1;
  const articlesPerRegion = options.articlesPerRegion ?? 50;
  const pageSize = options.pageSize ?? 20;
  if (!Number.isInteger(articlesPerRegion) || articlesPerRegion < 0) {
    throw new RangeError('articlesPerRegion must be a non-negative integer');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError('pageSize must be a positive integer');
  }
  const model = new SiteModel(seed, articlesPerRegion, pageSize);
  const hits = new Map<string, number>();
  const headersByPath = new Map<string, Record<string, string | string[] | undefined>>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const faulty = faultyRoutes(timers);
  const feedCache = new Map<string, Rendered>();
  const put = new Map<string, Rendered>();

  const materialised = (spec: Spec): FixtureArticle => model.materialise(spec, origin);
  const portalArticles = (region: RegionId): FixtureArticle[] =>
    (model.regionSpecs.get(region) ?? []).map(materialised);
  const feedArticles = (feed: FeedName): FixtureArticle[] =>
    (model.feedSpecs.get(feed) ?? []).map(materialised);

  function servePortal(
    req: IncomingMessage,
    res: ServerResponse,
    region: RegionId,
    page: number,
  ): void {
    const specs = model.regionSpecs.get(region) ?? [];
    const pages = Math.max(1, Math.ceil(specs.length / pageSize));
    if (page < 1 || page > pages) {
      simple(res, 404);
      return;
    }
    const items = specs.slice((page - 1) * pageSize, page * pageSize).map(materialised);
    send(req, res, {
      body: Buffer.from(
        listPage(region, page, pages, items, (page - 1) * pageSize, origin),
        'utf8',
      ),
      type: 'text/html; charset=utf-8',
      lastModified: items[0]?.publishedAt ?? NEWEST,
    });
  }

  const handler: Handler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headersByPath.set(path, { ...req.headers });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      simple(res, 405, { Allow: 'GET, HEAD' });
      return;
    }

    const fault = faulty[path];
    if (fault !== undefined) {
      fault(req, res);
      return;
    }
    const spec = model.routes.get(path);
    if (spec !== undefined) {
      send(req, res, renderArticle(materialised(spec)));
      return;
    }
    const list = /^\/jilin\/([a-z]+)\/index(?:_(\d+))?\.html$/.exec(path);
    const region = FIXTURE_REGIONS.find((r) => r === list?.[1]);
    if (list !== null && region !== undefined && list[2] !== '1') {
      servePortal(req, res, region, list[2] === undefined ? 1 : Number(list[2]));
      return;
    }
    const image = /^\/img\/([A-Za-z0-9_-]+)\.(jpg|png)$/.exec(path);
    if (image !== null) {
      serveImage(req, res, origin, image[1] ?? '', image[2] ?? 'jpg');
      return;
    }
    const feed = FEEDS.find((f) => f.path === path);
    if (feed !== undefined) {
      let rendered = feedCache.get(path);
      if (rendered === undefined) {
        rendered = renderFeed(feed.name, origin, path, feedArticles(feed.name));
        feedCache.set(path, rendered);
      }
      send(req, res, rendered);
      return;
    }
    const own = put.get(path);
    if (own !== undefined) {
      send(req, res, own);
      return;
    }
    if (path === '/about.html' || path === '/jilin/index.html') {
      send(req, res, {
        body: Buffer.from(channelPage(path)),
        type: 'text/html; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
      return;
    }
    simple(res, 404);
  };

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      handler(req, res);
    } catch (error) {
      // A fixture bug: answer 500 with the message rather than crash the test process.
      if (res.headersSent) res.destroy();
      else simple(res, 500, { 'X-Fixture-Error': encodeURIComponent(String(error)) });
    }
  };
  const latencyMs = options.latencyMs ?? 0;
  const server = createServer((req, res) => {
    if (latencyMs > 0) setTimeout(() => answer(req, res), latencyMs);
    else answer(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    hits,
    articlesPerRegion,
    pageSize,
    seed,
    special: model.special,
    lastHeaders: (path) => headersByPath.get(path),
    put: (path, body, type) => {
      put.set(path, {
        body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
        type,
        lastModified: Date.now(),
      });
    },
    portalArticles,
    feedArticles,
    article: (path) => {
      const spec = model.routes.get(path);
      return spec === undefined ? undefined : materialised(spec);
    },
    writeSourcesFile(dir, which = 'all') {
      const sources: Record<string, string>[] = [];
      if (which !== 'feeds') {
        for (const region of FIXTURE_REGIONS) {
          sources.push({
            id: `cri-jilin-${region}`,
            type: 'portal',
            profile: 'cri-jilin',
            region,
            url: `${origin}/jilin/${region}/index.html`,
          });
        }
      }
      if (which !== 'portal') {
        for (const feed of FEEDS)
          sources.push({ id: feed.id, type: 'feed', url: `${origin}${feed.path}` });
      }
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'sources.json');
      writeFileSync(file, `${JSON.stringify({ sources }, null, 2)}\n`);
      return file;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        timers.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
