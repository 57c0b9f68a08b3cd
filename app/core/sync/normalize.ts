/** Canonical URLs and content fingerprints, so that the same article is stored once. */
import { hash } from 'node:crypto';

/** Query parameters that track the reader rather than name the article. */
const TRACKING = [
  /^utm_/i,
  /^spm$/i,
  /^from$/i,
  /^source$/i,
  /^share(_\w+)?$/i,
  /^wechat\w*$/i,
  /^fbclid$/i,
  /^gclid$/i,
  /^isappinstalled$/i,
  /^scene$/i,
  /^clicktime$/i,
  /^enterid$/i,
];

/**
 * The canonical form of an article URL: resolved against its base, http(s) only, lower-case host,
 * no fragment, no tracking parameters, remaining parameters sorted. Null for anything that is not
 * an http(s) URL.
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search === '') {
    url.search = ''; // drops a bare `?`
    return url.href;
  }
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING.some((pattern) => pattern.test(key)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  return url.href;
}

/** A fingerprint of what the reader sees, to merge one article reached by two URLs. */
export function contentHash(title: string, text: string): string {
  const normal = `${title}\n${text}`.replace(/\s+/g, '');
  // The one-shot hash: a third of the time of a Hash object, once per synced article.
  return hash('sha256', normal, 'base64url').slice(0, 32);
}
