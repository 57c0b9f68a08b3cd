/**
 * Small servers on 127.0.0.1 for the hardening tests: a tarpit that takes connections and never
 * answers, and a feed server whose feeds point their images at such a tarpit.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  readonly origin: string;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<LocalServer> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads every request and never answers it. */
export function startTarpit(): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  return listen(
    createServer(() => undefined),
    sockets,
  );
}

/** An RSS 2.0 feed of `items` items, each with `images` images at `imageOrigin`. */
export function rssWithImages(
  prefix: string,
  items: number,
  images: number,
  imageOrigin: string,
): string {
  const entries = Array.from({ length: items }, (_, i) => {
    const imgs = Array.from(
      { length: images },
      (__, j) => `<img src="${imageOrigin}/img/${prefix}-${i}-${j}.jpg">`,
    ).join('');
    return `<item><title>${prefix} 第${i}篇 長春新聞</title><link>https://news.example.cn/${prefix}/${i}.html</link>
<pubDate>${new Date(Date.UTC(2026, 11, 1) - i * 60_000).toUTCString()}</pubDate>
<description>長春市今天的新聞 ${prefix} ${i}。</description>
<content:encoded><![CDATA[<p>長春市今天的新聞 ${prefix} ${i}。</p>${imgs}]]></content:encoded></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${prefix}</title><link>https://news.example.cn/</link><description>d</description>${entries}</channel></rss>`;
}

/** Serves fixed documents by path (`/name` → body, as RSS); 404 for anything else. */
export function startFeedServer(feeds: Readonly<Record<string, string>>): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  return listen(
    createServer((req, res) => {
      const body = feeds[req.url ?? ''];
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      res.end(body);
    }),
    sockets,
  );
}
