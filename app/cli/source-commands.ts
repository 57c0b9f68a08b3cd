/**
 * `heitu sources [list | add | rename | set | enable | disable | remove | export-opml |
 * import-opml]`: the reader's sources, through the same contract methods as the UI's sources panel.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { MAX_OPML_CHARS, type AddFeedResult, type SourceStatus } from '../shared/sync.ts';
import type { NewsService } from '../core/news-service.ts';
import { call, withService, type Command, type Context } from './command.ts';

const LINES: readonly (readonly [string, string])[] = [
  ['heitu sources [--json]', 'list every source and its sync state'],
  [
    'heitu sources add URL [--title T] [--region ID]',
    'fetch a feed (RSS, Atom, JSON Feed), add it',
  ],
  ['heitu sources rename ID NAME', 'name a source your way ("" gives back its own)'],
  ['heitu sources set ID [--full-text on|off] [--tab ID|none]', 'fetch full text; put in a tab'],
  ['heitu sources enable|disable ID', 'sync it, or stop syncing it'],
  ['heitu sources remove ID', 'remove a feed you added (its articles stay)'],
  ['heitu sources export-opml [FILE]', 'every source as OPML (to stdout without FILE)'],
  ['heitu sources import-opml FILE', 'add the feeds of an OPML file and sync them'],
];
const USAGE = LINES.map(
  ([command, meaning], i) => `${i === 0 ? '' : '       '}${command.padEnd(56)}  ${meaning}`,
).join('\n');

export const SOURCES_COMMAND: Command = {
  summary: 'list, add, rename, set, enable, disable or remove sources; OPML out and in',
  usage: USAGE,
  options: {
    title: { type: 'string' },
    region: { type: 'string' },
    'full-text': { type: 'string' },
    tab: { type: 'string' },
  },
  run: runSources,
};

async function runSources(ctx: Context): Promise<number> {
  const [verb = 'list', ...rest] = ctx.positionals;
  const action = ACTIONS[verb];
  if (action === undefined) {
    ctx.io.err(`heitu sources: unknown action "${verb}"\nusage: ${USAGE}`);
    return 2;
  }
  if (rest.length < action.min || rest.length > action.max) {
    ctx.io.err(`heitu sources ${verb}: wrong number of arguments\nusage: ${USAGE}`);
    return 2;
  }
  if (verb !== 'add' && (ctx.values.title !== undefined || ctx.values.region !== undefined)) {
    ctx.io.err('heitu sources: --title and --region go with `heitu sources add`');
    return 2;
  }
  if (verb !== 'set' && (ctx.values['full-text'] !== undefined || ctx.values.tab !== undefined)) {
    ctx.io.err('heitu sources: --full-text and --tab go with `heitu sources set`');
    return 2;
  }
  return action.run(ctx, rest);
}

interface Action {
  readonly min: number;
  readonly max: number;
  readonly run: (ctx: Context, args: readonly string[]) => Promise<number>;
}

type Step = (ctx: Context, service: NewsService) => Promise<number>;
const inLibrary = (step: Step) => (ctx: Context) =>
  withService(ctx, (service) => step(ctx, service));

async function list(ctx: Context, service: NewsService): Promise<number> {
  const res = await call(ctx, service, 'listSources', []);
  if (!res.ok) return res.code;
  const sources = res.value;
  if (ctx.values.json === true) ctx.io.out(JSON.stringify(sources));
  else for (const s of sources) ctx.io.out(describe(s));
  return 0;
}

function describe(s: SourceStatus): string {
  const state =
    s.lastError !== null
      ? `error: ${s.lastError}${s.errorCount > 1 ? ` (${s.errorCount} times)` : ''}`
      : s.lastSuccessAt !== null
        ? `ok ${s.lastSuccessAt}`
        : 'never synced';
  const flags = `${s.origin}${s.enabled ? '' : ', disabled'}${s.fullText ? ', full text' : ''}`;
  return `${s.id.padEnd(28)} ${s.type.padEnd(6)} ${`(${flags})`.padEnd(18)} ${state}  ${s.name}`;
}

const add =
  (url: string): Step =>
  async (ctx, service) => {
    const { title, region } = ctx.values;
    const input = {
      url,
      ...(typeof title === 'string' ? { title } : {}),
      ...(typeof region === 'string' ? { region } : {}),
    };
    const res = await call(ctx, service, 'addFeed', [input]);
    if (!res.ok) return res.code;
    const result = res.value;
    if (ctx.values.json === true) ctx.io.out(JSON.stringify(result));
    else ctx.io[result.outcome === 'added' ? 'out' : 'err'](addedInWords(result));
    if (result.outcome !== 'added') return 1;
    if (ctx.values.json !== true)
      ctx.io.err(`heitu: fetch its articles with \`heitu sync --source ${result.source.id}\``);
    return 0;
  };

function addedInWords(result: AddFeedResult): string {
  switch (result.outcome) {
    case 'added':
      return `added ${result.source.id}  ${result.source.name}: ${result.items} items now (${result.source.url})`;
    case 'duplicate':
      return `heitu: ${result.source.url} is already a source: ${result.source.name} (${result.source.id})`;
    case 'failed':
      return `heitu: not added: ${result.message}`;
  }
}

const rename =
  (id: string, name: string): Step =>
  async (ctx, service) => {
    const res = await call(ctx, service, 'updateSource', [id, { title: name }]);
    if (!res.ok) return res.code;
    ctx.io.out(
      ctx.values.json === true
        ? JSON.stringify(res.value)
        : `${id} is now called ${res.value.name}`,
    );
    return 0;
  };

/** `--full-text on|off` and `--tab ID|none` as a patch, or the problem in words. */
function setPatch(ctx: Context): { fullText?: boolean; tab?: number | null } | string {
  const fullText = ctx.values['full-text'];
  const tab = ctx.values.tab;
  if (fullText === undefined && tab === undefined)
    return 'say what to set: --full-text on|off, --tab ID|none';
  if (fullText !== undefined && fullText !== 'on' && fullText !== 'off')
    return '--full-text takes on or off';
  if (tab !== undefined && tab !== 'none' && !/^\d{1,15}$/.test(String(tab)))
    return '--tab takes a tab id (see `heitu tabs`) or none';
  return {
    ...(fullText === undefined ? {} : { fullText: fullText === 'on' }),
    ...(tab === undefined ? {} : { tab: tab === 'none' ? null : Number(tab) }),
  };
}

const set =
  (id: string): Step =>
  async (ctx, service) => {
    const patch = setPatch(ctx);
    if (typeof patch === 'string') {
      ctx.io.err(`heitu sources set: ${patch}`);
      return 2;
    }
    const res = await call(ctx, service, 'updateSource', [id, patch]);
    if (!res.ok) return res.code;
    const s = res.value;
    ctx.io.out(
      ctx.values.json === true
        ? JSON.stringify(s)
        : `${s.id}: full text ${s.fullText ? 'on' : 'off'}, tab ${s.tab ?? 'none'}`,
    );
    return 0;
  };

const setEnabled =
  (id: string, enabled: boolean): Step =>
  async (ctx, service) => {
    const res = await call(ctx, service, 'updateSource', [id, { enabled }]);
    if (!res.ok) return res.code;
    const status = res.value;
    ctx.io.out(
      ctx.values.json === true
        ? JSON.stringify(status)
        : `${status.id} ${status.enabled ? 'enabled' : 'disabled'}`,
    );
    return 0;
  };

const remove =
  (id: string): Step =>
  async (ctx, service) => {
    const res = await call(ctx, service, 'removeSource', [id]);
    if (!res.ok) return res.code;
    const { removed } = res.value;
    if (ctx.values.json === true) ctx.io.out(JSON.stringify({ removed }));
    else ctx.io.out(removed ? `${id} removed; its articles stay` : `there is no source ${id}`);
    return removed ? 0 : 1;
  };

const exportOpml =
  (file: string | undefined): Step =>
  async (ctx, service) => {
    const res = await call(ctx, service, 'exportOpml', []);
    if (!res.ok) return res.code;
    const opml = res.value;
    const json = ctx.values.json === true;
    if (file === undefined) {
      ctx.io.out(json ? JSON.stringify({ opml }) : opml.trimEnd());
      return 0;
    }
    try {
      writeFileSync(file, opml);
    } catch (error) {
      ctx.io.err(`heitu sources: cannot write ${file}: ${(error as Error).message}`);
      return 1;
    }
    if (json) ctx.io.out(JSON.stringify({ file }));
    else ctx.io.err(`heitu: wrote the sources to ${file}`);
    return 0;
  };

function readOpml(ctx: Context, file: string): string | null {
  try {
    // UTF-8 takes up to 4 bytes a character; anything bigger is refused before it is read.
    if (statSync(file).size > MAX_OPML_CHARS * 4) throw new Error('it is larger than 5 MB');
    return readFileSync(file, 'utf8');
  } catch (error) {
    ctx.io.err(`heitu sources: cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
}

const importOpml =
  (text: string): Step =>
  async (ctx, service) => {
    const res = await call(ctx, service, 'importOpml', [text]);
    if (!res.ok) return res.code;
    const r = res.value;
    const json = ctx.values.json === true;
    if (!json)
      ctx.io.out(
        `${r.added} feeds added, ${r.existing} already there, ${r.invalid} invalid (${r.total} in the file)` +
          (r.tabsAdded > 0 ? `; ${r.tabsAdded} tabs made for its folders` : ''),
      );
    // The new feeds are synced at once, as the UI does: the reader sees what they hold.
    const synced =
      r.addedIds.length === 0
        ? null
        : await call(ctx, service, 'sync', [{ sourceIds: [...r.addedIds] }]);
    if (synced !== null && !synced.ok) return synced.code;
    const summary = synced?.value ?? null;
    if (json) ctx.io.out(JSON.stringify({ ...r, sync: summary }));
    else if (summary !== null)
      ctx.io.out(`synced them: ${summary.inserted} new articles, ${summary.failed} failed`);
    for (const e of summary?.errors ?? []) ctx.io.err(`heitu: ${e.message}`);
    return 0;
  };

const ACTIONS: Readonly<Record<string, Action>> = {
  list: { min: 0, max: 0, run: inLibrary(list) },
  add: { min: 1, max: 1, run: (ctx, [url]) => inLibrary(add(url ?? ''))(ctx) },
  rename: {
    min: 2,
    max: 2,
    run: (ctx, [id, name]) => inLibrary(rename(id ?? '', name ?? ''))(ctx),
  },
  set: { min: 1, max: 1, run: (ctx, [id]) => inLibrary(set(id ?? ''))(ctx) },
  enable: { min: 1, max: 1, run: (ctx, [id]) => inLibrary(setEnabled(id ?? '', true))(ctx) },
  disable: { min: 1, max: 1, run: (ctx, [id]) => inLibrary(setEnabled(id ?? '', false))(ctx) },
  remove: { min: 1, max: 1, run: (ctx, [id]) => inLibrary(remove(id ?? ''))(ctx) },
  'export-opml': { min: 0, max: 1, run: (ctx, [file]) => inLibrary(exportOpml(file))(ctx) },
  'import-opml': {
    min: 1,
    max: 1,
    run: (ctx, [file]) => {
      // Read before opening the library: a file that cannot be read changes nothing.
      const text = readOpml(ctx, file ?? '');
      return text === null ? Promise.resolve(2) : inLibrary(importOpml(text))(ctx);
    },
  },
};
