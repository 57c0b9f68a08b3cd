/** `heitu list | show | search | bookmark | bookmarks | export | import | counts | prune`. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Article, ArticleSummary, Page, SearchHit } from '../shared/articles.ts';
import { formatBookmarkFile, readBookmarkFile } from '../shared/bookmark-file.ts';
import { regionById } from '../shared/regions.ts';
import { htmlToText } from '../core/sanitize.ts';
import type { NewsService } from '../core/news-service.ts';
import {
  convertArticle,
  convertHit,
  converterFor,
  convertSummary,
} from '../core/text/script-view.ts';
import type { ScriptConverter } from '../shared/script-convert.ts';
import { SCRIPT_MODES, effectiveScript, type ScriptMode } from '../shared/settings.ts';
import { call, withService, type Command, type Context } from './command.ts';

const paging = {
  region: { type: 'string' },
  tab: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  script: { type: 'string' },
} as const;

/** `--script MODE`, or the reader's saved choice; null (and a message) for a bad value. */
async function scriptFor(ctx: Context, service: NewsService): Promise<ScriptConverter | null> {
  const wanted = ctx.values.script;
  if (wanted === undefined) {
    // The reader's choice, or the terminal's locale (LANG=zh_TW.UTF-8 → 繁體) until they make one.
    const locale = (ctx.io.env.LC_ALL ?? ctx.io.env.LANG ?? '').split('.')[0] ?? '';
    const settings = await service.getSettings();
    return converterFor(effectiveScript(settings, [locale]), settings.userDictionary);
  }
  if (typeof wanted === 'string' && (SCRIPT_MODES as readonly string[]).includes(wanted)) {
    return converterFor(wanted as ScriptMode, (await service.getSettings()).userDictionary);
  }
  ctx.io.err(`heitu: --script takes one of ${SCRIPT_MODES.join(', ')}`);
  return null;
}

/** A tab id as typed: a number, or the text (refused by the contract's validators as BAD_ARGUMENT). */
const tabId = (tab: string): number | string => (/^\d{1,15}$/.test(tab) ? Number(tab) : tab);

function pagingArgs(ctx: Context): Record<string, unknown> {
  const { region, tab, limit, cursor } = ctx.values;
  return {
    ...(typeof region === 'string' ? { region } : {}),
    ...(typeof tab === 'string' ? { tab: tabId(tab) } : {}),
    ...(typeof limit === 'string' ? { limit: Number(limit) } : {}),
    ...(typeof cursor === 'string' ? { cursor } : {}),
  };
}

const time = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

function printPage(ctx: Context, page: Page<ArticleSummary | SearchHit>): void {
  if (ctx.values.json === true) {
    ctx.io.out(JSON.stringify(page));
    return;
  }
  for (const a of page.items) {
    const marks = `${a.unread ? '•' : ' '}${a.bookmarked ? '★' : ' '}`;
    ctx.io.out(
      `${a.id.padEnd(9)} ${marks} ${time(a.publishedAt)}  ${a.title}${a.sourceName ? `  (${a.sourceName})` : ''}`,
    );
    if ('highlights' in a) ctx.io.out(`            ${markUp(a)}`);
  }
  if (page.items.length === 0) ctx.io.out('(nothing here)');
  if (page.nextCursor !== null) ctx.io.out(`more: --cursor ${page.nextCursor}`);
}

/** The snippet with each match in 【】, which reads well in any terminal. */
function markUp(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const h of hit.highlights) {
    out += `${hit.snippet.slice(at, h.start)}【${hit.snippet.slice(h.start, h.start + h.length)}】`;
    at = h.start + h.length;
  }
  return out + hit.snippet.slice(at);
}

function printArticle(ctx: Context, a: Article, script: ScriptConverter): void {
  if (ctx.values.json === true) {
    ctx.io.out(JSON.stringify(a));
    return;
  }
  // The channel's labels are Traditional; in another mode they follow the chosen script.
  const label = (text: string): string =>
    script.mode === 'original' ? text : script.convert(text, 'hant');
  const meta = [
    time(a.publishedAt),
    a.sourceName ? `${label('來源')}:${a.sourceName}` : null,
    a.editor ? `${label('編輯')}:${a.editor}` : null,
    a.responsibleEditor ? `${label('責編')}:${a.responsibleEditor}` : null,
  ].filter((x) => x !== null);
  ctx.io.out(a.title);
  ctx.io.out(meta.join('  |  '));
  if (a.originalTitle) ctx.io.out(`${label('原題')}:${a.originalTitle}`);
  ctx.io.out('');
  ctx.io.out(htmlToText(a.contentHtml));
  if (a.copyright) ctx.io.out(`\n${a.copyright}`);
  ctx.io.out(
    `\n${a.url}${a.fromBookmark ? '  (kept with the bookmark; the article has left the library)' : ''}`,
  );
}

export const LIBRARY_COMMANDS: Readonly<Record<string, Command>> = {
  list: {
    summary: 'list a tab’s articles, newest first',
    usage:
      'heitu list [--region ID | --tab ID] [--unread] [--limit N] [--cursor C] [--script MODE] [--json]',
    options: { ...paging, unread: { type: 'boolean', default: false } },
    run: (ctx) =>
      withService(ctx, async (service) => {
        const script = await scriptFor(ctx, service);
        if (script === null) return 2;
        const res = await call(ctx, service, 'listArticles', [
          {
            region: 'all',
            ...pagingArgs(ctx),
            ...(ctx.values.unread === true ? { unreadOnly: true } : {}),
          },
        ]);
        if (!res.ok) return res.code;
        const page = res.value;
        printPage(ctx, { ...page, items: page.items.map((a) => convertSummary(script, a)) });
        return 0;
      }),
  },
  show: {
    summary: 'show one article (from `list` or `search`)',
    usage: 'heitu show ID [--script original|cn|tw|twp|hk] [--json]',
    options: { script: paging.script },
    run: (ctx) =>
      withService(ctx, async (service) => {
        const script = await scriptFor(ctx, service);
        if (script === null) return 2;
        const res = await call(ctx, service, 'getArticle', [ctx.positionals[0]]);
        if (!res.ok) return res.code;
        printArticle(ctx, convertArticle(script, res.value), script);
        return 0;
      }),
  },
  search: {
    summary: 'search the library in either script: heitu search 長春',
    usage:
      'heitu search QUERY [--region ID | --tab ID] [--limit N] [--cursor C] [--script MODE] [--json]',
    options: paging,
    run: (ctx) =>
      withService(ctx, async (service) => {
        const script = await scriptFor(ctx, service);
        if (script === null) return 2;
        const res = await call(ctx, service, 'search', [
          ctx.positionals.join(' '),
          pagingArgs(ctx),
        ]);
        if (!res.ok) return res.code;
        const page = res.value;
        printPage(ctx, { ...page, items: page.items.map((h) => convertHit(script, h)) });
        if (page.unindexed > 0)
          ctx.io.err(
            `heitu: the search index is still being built (${page.unindexed} changes to go): ` +
              'these results may be incomplete. Search again in a moment.',
          );
        return 0;
      }),
  },
  bookmark: {
    summary: 'bookmark an article, or remove the bookmark with --off',
    usage: 'heitu bookmark ID [--off] [--json]',
    options: { off: { type: 'boolean', default: false } },
    run: (ctx) =>
      withService(ctx, async (service) => {
        const res = await call(ctx, service, 'setBookmark', [
          ctx.positionals[0],
          ctx.values.off !== true,
        ]);
        if (!res.ok) return res.code;
        const state = res.value;
        ctx.io.out(
          ctx.values.json === true
            ? JSON.stringify(state)
            : `${state.id} ${state.bookmarked ? 'bookmarked' : 'no longer bookmarked'}`,
        );
        return 0;
      }),
  },
  read: {
    summary: 'mark articles read (or unread with --unread), or a whole tab with --all',
    usage: 'heitu read ID... [--unread] | heitu read --all [--region ID | --tab ID] [--json]',
    options: {
      unread: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      region: { type: 'string' },
      tab: { type: 'string' },
    },
    run: (ctx) => {
      const all = ctx.values.all === true;
      const scoped = ctx.values.region !== undefined || ctx.values.tab !== undefined;
      if (all ? ctx.positionals.length > 0 || ctx.values.unread === true : scoped) {
        ctx.io.err('heitu read: either IDs (with --unread), or --all with --region or --tab');
        return Promise.resolve(2);
      }
      return withService(ctx, async (service) => {
        const res = all
          ? await call(ctx, service, 'markAllRead', [allScope(ctx)])
          : await call(ctx, service, 'markRead', [
              { ids: ctx.positionals, read: ctx.values.unread !== true },
            ]);
        if (!res.ok) return res.code;
        const { changed } = res.value;
        ctx.io.out(ctx.values.json === true ? JSON.stringify({ changed }) : `${changed} changed`);
        return 0;
      });
    },
  },
  bookmarks: {
    summary: 'list bookmarks, newest first',
    usage: 'heitu bookmarks [--limit N] [--cursor C] [--json]',
    options: { limit: paging.limit, cursor: paging.cursor },
    run: (ctx) =>
      withService(ctx, async (service) => {
        const res = await call(ctx, service, 'listArticles', [
          { ...pagingArgs(ctx), region: 'bookmarks' },
        ]);
        if (!res.ok) return res.code;
        printPage(ctx, res.value);
        return 0;
      }),
  },
  export: {
    summary: 'export bookmarks as JSON: heitu export bookmarks [--output FILE]',
    usage: 'heitu export bookmarks [--output FILE]',
    options: { output: { type: 'string', short: 'o' } },
    run: (ctx) =>
      withService(ctx, async (service) => {
        if (ctx.positionals[0] !== 'bookmarks') {
          ctx.io.err('heitu export: say what to export: heitu export bookmarks');
          return 2;
        }
        const res = await call(ctx, service, 'exportBookmarks', []);
        if (!res.ok) return res.code;
        const file = res.value;
        const text = formatBookmarkFile(file);
        const output = ctx.values.output;
        if (typeof output === 'string') {
          writeFileSync(output, text);
          ctx.io.err(`heitu: wrote ${file.bookmarks.length} bookmarks to ${output}`);
        } else ctx.io.out(text.trimEnd());
        return 0;
      }),
  },
  import: {
    summary: 'import bookmarks from an exported JSON file',
    usage: 'heitu import bookmarks FILE [--json]',
    options: {},
    run: async (ctx) => {
      const [what, path] = ctx.positionals;
      if (what !== 'bookmarks' || path === undefined) {
        ctx.io.err('heitu import: usage: heitu import bookmarks FILE');
        return 2;
      }
      const parsed = await readBookmarkFile({
        size: () => statSync(path).size,
        text: () => readFileSync(path, 'utf8'),
      });
      if (!parsed.ok) {
        ctx.io.err(`heitu import: cannot read ${path}: ${parsed.problem.detail}`);
        return 2;
      }
      return withService(ctx, async (service) => {
        const res = await call(ctx, service, 'importBookmarks', [parsed.file]);
        if (!res.ok) return res.code;
        const r = res.value;
        ctx.io.out(
          ctx.values.json === true
            ? JSON.stringify(r)
            : `${r.added} bookmarks added, ${r.updated} already here (${r.total} in the file)`,
        );
        return 0;
      });
    },
  },
  counts: {
    summary: 'unread and total articles per tab',
    usage: 'heitu counts [--json]',
    options: {},
    run: (ctx) =>
      withService(ctx, async (service) => {
        const res = await call(ctx, service, 'getTabCounts', []);
        if (!res.ok) return res.code;
        const counts = res.value;
        if (ctx.values.json === true) ctx.io.out(JSON.stringify(counts));
        else
          for (const c of counts)
            ctx.io.out(
              `${regionById(c.region).labelHant.padEnd(10, ' ')} ${String(c.unread).padStart(7)} unread ${String(c.total).padStart(8)} in all`,
            );
        return 0;
      }),
  },
  check: {
    summary: 'check every page of the library file now (and repair it if damaged)',
    usage: 'heitu check [--json]',
    options: {},
    run: (ctx) =>
      withService(
        ctx,
        async (service) => {
          const notices = (await service.getStatus()).notices;
          if (ctx.values.json === true)
            ctx.io.out(JSON.stringify({ ok: notices.length === 0, notices }));
          else if (notices.length === 0) ctx.io.out('The library file is intact.');
          return notices.length === 0 ? 0 : 1;
        },
        'full',
      ),
  },
  prune: {
    summary: 'delete articles older than the retention setting (never bookmarked ones)',
    usage: 'heitu prune [--json]',
    options: {},
    run: (ctx) =>
      withService(ctx, (service) => {
        const removed = service.prune();
        ctx.io.out(
          ctx.values.json === true ? JSON.stringify({ removed }) : `${removed} articles pruned`,
        );
        return Promise.resolve(0);
      }),
  },
};

/** `--all [--region ID | --tab ID]` as markAllRead's scope; the validators refuse a bad one. */
function allScope(ctx: Context): unknown {
  const { region, tab } = ctx.values;
  if (tab !== undefined)
    return {
      tab: tabId(String(tab)),
      ...(region === undefined ? {} : { region }),
    };
  return { region: region ?? 'all' };
}
