/**
 * Adding a feed fetches it once first, so the reader hears at once what the address gave: a feed
 * (its title, how many items) or why it is not one. NetNewsWire and Inoreader do the same; a
 * reader who pasted a wrong address learns it now, not at the next sync.
 */
import type { AddFeedFailure } from '../../shared/sync.ts';
import { decodeText } from './decode.ts';
import { ParseError } from './feed-errors.ts';
import { parseFeedText } from './feed.ts';
import { FetchError, type Fetcher } from './fetch.ts';

export type ProbeResult =
  | { readonly ok: true; readonly title: string; readonly items: number }
  | {
      readonly ok: false;
      readonly reason: AddFeedFailure;
      readonly status: number | null;
      readonly message: string;
    };

const REASONS: Readonly<Record<FetchError['kind'], AddFeedFailure>> = {
  http: 'http',
  network: 'network',
  timeout: 'timeout',
  aborted: 'timeout',
  'too-large': 'too-large',
  redirect: 'redirect',
  scheme: 'redirect',
};

export async function probeFeed(fetcher: Fetcher, url: string): Promise<ProbeResult> {
  try {
    const result = await fetcher.fetch(url, { etag: null, lastModified: null });
    if (result.status === 'not-modified') {
      return { ok: false, reason: 'http', status: 304, message: 'The server sent no feed (304).' };
    }
    const kind = /\.json($|\?)/i.test(url) ? 'json' : 'xml';
    const feed = parseFeedText(decodeText(result.bytes, result.contentType, kind).text, result.url);
    return { ok: true, title: feed.title, items: feed.items.length };
  } catch (error) {
    if (error instanceof FetchError) {
      return {
        ok: false,
        reason: REASONS[error.kind],
        status: error.status,
        message: error.message,
      };
    }
    if (error instanceof ParseError) {
      return { ok: false, reason: 'not-a-feed', status: null, message: error.message };
    }
    throw error;
  }
}
