/**
 * New articles announced (issue 18): how many arrived in the places the reader chose, between two
 * readings of the tab counts, and the words of the notification in the UI language. Pure: the
 * desktop app's main process (app/main/announce.ts) and browser mode's renderer
 * (renderer/src/sync/web-notifier.ts) both use it.
 */
import type { TabCount } from './articles.ts';
import { catalogueFor, type Locale } from './locale.ts';
import { regionById, type PlaceRegionId } from './regions.ts';
import type { ScriptMode } from './settings.ts';

export interface NewArticles {
  /** Articles new in any chosen place (an article tagged with two places counts once). */
  readonly total: number;
  /** Each chosen place with new articles, most first. */
  readonly regions: readonly { readonly region: PlaceRegionId; readonly added: number }[];
}

/**
 * The articles added between `before` and `after` in the `chosen` places. Totals only grow by a
 * sync; one that shrank (pruning) counts as nothing new.
 */
export function newArticlesIn(
  before: readonly TabCount[],
  after: readonly TabCount[],
  chosen: readonly PlaceRegionId[],
): NewArticles {
  const was = new Map(before.map((c) => [c.region, c.total]));
  const added = (count: TabCount): number =>
    Math.max(0, count.total - (was.get(count.region) ?? 0));
  const regions = after
    .filter((c): c is TabCount & { region: PlaceRegionId } =>
      (chosen as readonly string[]).includes(c.region),
    )
    .map((c) => ({ region: c.region, added: added(c) }))
    .filter((r) => r.added > 0)
    .sort((a, b) => b.added - a.added);
  const all = after.find((c) => c.region === 'all');
  const sum = regions.reduce((n, r) => n + r.added, 0);
  // The places' sum counts an article of two places twice; the 全部 tab counts it once.
  return { total: all === undefined ? sum : Math.min(sum, added(all)), regions };
}

/** The unread articles of the whole library: the app badge's number. */
export function unreadCount(counts: readonly TabCount[]): number {
  return counts.find((c) => c.region === 'all')?.unread ?? 0;
}

const WORDS: Readonly<
  Record<
    Locale,
    { title: (n: number) => string; part: (label: string, n: number) => string; sep: string }
  >
> = {
  'zh-Hant': {
    title: (n) => `${n} 篇新文章`,
    part: (label, n) => `${label} ${n} 篇`,
    sep: '、',
  },
  'zh-Hans': {
    title: (n) => `${n} 篇新文章`,
    part: (label, n) => `${label} ${n} 篇`,
    sep: '、',
  },
  en: {
    title: (n) => `${n} new article${n === 1 ? '' : 's'}`,
    part: (label, n) => `${label} ${n}`,
    sep: ', ',
  },
};

/**
 * The notification for `news` in `locale`, its place names in the reader's script (`mode`: a
 * 繁體中文 UI read in 简体 says 长春, as the window does); null when there is nothing new.
 * The words themselves read the same in both scripts.
 */
export function announcement(
  news: NewArticles,
  locale: Locale,
  mode: ScriptMode = 'original',
): { readonly title: string; readonly body: string } | null {
  if (news.total === 0) return null;
  const words = WORDS[locale];
  const labels = catalogueFor(locale, mode);
  return {
    title: words.title(news.total),
    body: news.regions
      .map((r) => words.part(placeLabel(r.region, labels), r.added))
      .join(words.sep),
  };
}

/** A place's name in the UI language's own script (English: its English name). */
export function placeLabel(id: PlaceRegionId, locale: Locale): string {
  const region = regionById(id);
  return locale === 'zh-Hans'
    ? region.labelHans
    : locale === 'en'
      ? region.labelEn
      : region.labelHant;
}
