/**
 * `heitu tabs [list | add | rename | move | delete]`: the reader's own tabs (folders), through the
 * same contract methods as the UI. Deleting a tab deletes no article and no bookmark.
 */
import type { ReaderTab } from '../shared/tabs.ts';
import type { NewsService } from '../core/news-service.ts';
import { call, withService, type Command, type Context } from './command.ts';

const USAGE = [
  'heitu tabs [--json]                 list your tabs with unread and total counts',
  '       heitu tabs add NAME                 add a tab after the others',
  '       heitu tabs rename ID NAME           rename a tab',
  '       heitu tabs move ID POSITION         move a tab (0 is the first of yours)',
  '       heitu tabs delete ID                delete a tab (its feeds stay, in no tab)',
  '       put a feed in a tab with `heitu sources set ID --tab TAB`',
].join('\n');

type Step = (ctx: Context, service: NewsService, args: readonly string[]) => Promise<number>;

/** A tab id or position as typed, or NaN (refused by the contract's validators as BAD_ARGUMENT). */
const number = (text: string | undefined): number =>
  /^\d{1,15}$/.test(text ?? '') ? Number(text) : Number.NaN;

function print(ctx: Context, tab: ReaderTab, verb: string): void {
  ctx.io.out(ctx.values.json === true ? JSON.stringify(tab) : `${verb} tab ${tab.id}  ${tab.name}`);
}

const STEPS: Readonly<Record<string, { readonly arity: number; readonly step: Step }>> = {
  list: {
    arity: 0,
    step: async (ctx, service) => {
      const res = await call(ctx, service, 'listTabs', []);
      if (!res.ok) return res.code;
      if (ctx.values.json === true) ctx.io.out(JSON.stringify(res.value));
      else if (res.value.length === 0) ctx.io.out('no tabs of your own yet: heitu tabs add NAME');
      else
        for (const t of res.value)
          ctx.io.out(
            `${String(t.id).padStart(4)}  ${t.name}  (${t.unread} unread, ${t.total} in all)`,
          );
      return 0;
    },
  },
  add: {
    arity: 1,
    step: async (ctx, service, [name]) => {
      const res = await call(ctx, service, 'addTab', [name]);
      if (!res.ok) return res.code;
      print(ctx, res.value, 'added');
      return 0;
    },
  },
  rename: {
    arity: 2,
    step: async (ctx, service, [id, name]) => {
      const res = await call(ctx, service, 'renameTab', [number(id), name]);
      if (!res.ok) return res.code;
      print(ctx, res.value, 'renamed');
      return 0;
    },
  },
  move: {
    arity: 2,
    step: async (ctx, service, [id, position]) => {
      const res = await call(ctx, service, 'moveTab', [number(id), number(position)]);
      if (!res.ok) return res.code;
      if (ctx.values.json === true) ctx.io.out(JSON.stringify(res.value));
      else ctx.io.out(res.value.map((t) => `${t.id} ${t.name}`).join('  |  '));
      return 0;
    },
  },
  delete: {
    arity: 1,
    step: async (ctx, service, [id]) => {
      const res = await call(ctx, service, 'removeTab', [number(id)]);
      if (!res.ok) return res.code;
      const { removed } = res.value;
      if (ctx.values.json === true) ctx.io.out(JSON.stringify({ removed }));
      else
        ctx.io.out(
          removed
            ? `tab ${id ?? ''} deleted; its feeds and articles stay`
            : `there is no tab ${id ?? ''}`,
        );
      return removed ? 0 : 1;
    },
  },
};

export const TABS_COMMAND: Command = {
  summary: 'list, add, rename, move or delete your own tabs',
  usage: USAGE,
  options: {},
  run: async (ctx) => {
    const [verb = 'list', ...rest] = ctx.positionals;
    const action = STEPS[verb];
    if (action === undefined) {
      ctx.io.err(`heitu tabs: unknown action "${verb}"\nusage: ${USAGE}`);
      return 2;
    }
    if (rest.length !== action.arity) {
      ctx.io.err(`heitu tabs ${verb}: wrong number of arguments\nusage: ${USAGE}`);
      return 2;
    }
    return withService(ctx, (service) => action.step(ctx, service, rest));
  },
};
