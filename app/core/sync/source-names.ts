/**
 * What a source is called where the reader sees it (the sources panel, sync errors, the CLI):
 * ten portal sources on one host must not all read "jl.cri.cn".
 */
import { REGIONS } from '../../shared/regions.ts';
import { PROFILES } from './profiles.ts';
import type { Source } from './sources-file.ts';

/** Stored names that outrank the source's own: the reader's, then the feed's as last parsed. */
export interface StoredNames {
  readonly readerTitle: string | null;
  readonly feedTitle: string | null;
}

/** The reader's name, else the configured title, else the channel and region, else the feed's, else the host. */
export function sourceName(source: Source, stored: StoredNames | null): string {
  const given = stored?.readerTitle ?? source.title ?? null;
  if (given !== null && given.trim() !== '') return given;
  if (source.type === 'portal') {
    const channel =
      source.profile === undefined ? undefined : PROFILES[source.profile]?.channelName;
    const region = REGIONS.find((r) => r.id === source.region)?.labelHant;
    const parts = [channel, region].filter((p): p is string => p !== undefined);
    if (parts.length > 0) return parts.join(' · ');
  }
  const own = stored?.feedTitle ?? null;
  if (own !== null && own.trim() !== '') return own;
  return hostOf(source.url);
}

/** The URL's host, or the URL itself when it has none. */
export function hostOf(url: string): string {
  try {
    const { host } = new URL(url);
    return host === '' ? url : host;
  } catch {
    return url;
  }
}
