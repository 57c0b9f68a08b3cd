/**
 * What to sync is data: a JSON sources file (`--sources FILE`), or the built-in Jilin channel.
 * docs/sources-format.md documents the shape.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { REGION_IDS } from '../../shared/regions.ts';
import { clip, NewsApiError } from '../../shared/errors.ts';
import { PROFILES } from './profiles.ts';

/** The default per-source cap: a feed rarely lists more, and a first sync stays quick. */
export const DEFAULT_MAX_ITEMS = 200;
const MAX_ITEMS_LIMIT = 5000;

const PLACE_REGIONS = REGION_IDS.filter((r) => r !== 'all' && r !== 'bookmarks');

const HttpUrl = v.pipe(
  v.string(),
  v.url('is not a URL'),
  v.check((u) => /^https?:\/\//i.test(u), 'is not an http(s) URL'),
);

export const SourceSchema = v.object({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'is not a source id (letters, digits, . _ -)'),
  ),
  type: v.picklist(['portal', 'feed']),
  url: HttpUrl,
  title: v.optional(v.string()),
  /** Region of every article of this source; feeds without one are tagged by the gazetteer. */
  region: v.optional(v.picklist(PLACE_REGIONS)),
  /** Site profile for `portal` sources (app/core/sync/profiles.ts). */
  profile: v.optional(v.string()),
  enabled: v.optional(v.boolean(), true),
  /** For feeds that carry only a summary: fetch each article page and extract its text. */
  fullText: v.optional(v.boolean(), false),
  /** For portals: how many list pages to follow. */
  maxPages: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 3),
  /**
   * The most items one sync reads from this source, newest first; the sync summary counts the
   * ones left out.
   */
  maxItems: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ITEMS_LIMIT)),
    DEFAULT_MAX_ITEMS,
  ),
});
export type Source = v.InferOutput<typeof SourceSchema>;

export const SourcesFileSchema = v.object({
  sources: v.pipe(
    v.array(SourceSchema),
    v.check(
      (list) => new Set(list.map((s) => s.id)).size === list.length,
      'has two sources with the same id',
    ),
    v.check(
      (list) => list.every((s) => s.type === 'feed' || s.profile !== undefined),
      'has a portal source without a profile',
    ),
    // Found here rather than in the middle of a sync, where it would fail one source at a time.
    v.check(
      (list) => list.every((s) => s.profile === undefined || Object.hasOwn(PROFILES, s.profile)),
      (issue) =>
        `names a profile the app does not know (${unknownProfiles(issue.input).join(', ')}); it knows ${Object.keys(PROFILES).join(', ')}`,
    ),
  ),
});

function unknownProfiles(list: readonly { profile?: string | undefined }[]): string[] {
  return list
    .map((s) => s.profile)
    .filter((p): p is string => p !== undefined && !Object.hasOwn(PROFILES, p))
    .map((p) => JSON.stringify(clip(p, 40)));
}

/**
 * The built-in channel: the portal's Jilin region pages, read with the cri-jilin profile. The
 * URLs follow the channel's layout as seen in 2019 and are unverified from this network: a
 * sources file overrides them.
 */
export const DEFAULT_SOURCES: readonly Source[] = PLACE_REGIONS.map((region) => ({
  id: `cri-jilin-${region}`,
  type: 'portal' as const,
  url: `https://jl.cri.cn/${region}/index.html`,
  region,
  profile: 'cri-jilin',
  enabled: true,
  fullText: false,
  maxPages: 3,
  maxItems: DEFAULT_MAX_ITEMS,
}));

export function parseSources(data: unknown, where: string): Source[] {
  const result = v.safeParse(SourcesFileSchema, data);
  if (!result.success) {
    const problems = result.issues
      .slice(0, 3)
      .map((i) => `${v.getDotPath(i) ?? 'file'} ${i.message}`)
      .join('; ');
    throw new NewsApiError('BAD_ARGUMENT', `The sources file ${where} is not valid: ${problems}`);
  }
  return result.output.sources;
}

export function loadSourcesFile(path: string): Source[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new NewsApiError(
      'BAD_ARGUMENT',
      `Cannot read the sources file ${path}: ${(error as Error).message}`,
    );
  }
  return parseSources(data, path);
}
