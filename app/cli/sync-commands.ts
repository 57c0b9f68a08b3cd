/** `heitu sync`, `heitu sources` and `heitu tabs`. */
import type { SyncProgress } from '../shared/sync.ts';
import { call, withService, type Command } from './command.ts';
import { SOURCES_COMMAND } from './source-commands.ts';
import { TABS_COMMAND } from './tab-commands.ts';

export const SYNC_COMMANDS: Readonly<Record<string, Command>> = {
  sync: {
    summary: 'fetch new articles from every source (or --source ID) into the library',
    usage: 'heitu sync [--sources FILE] [--source ID]... [--json]',
    options: { source: { type: 'string', multiple: true } },
    run: (ctx) =>
      withService(ctx, async (service) => {
        const ids = ctx.values.source;
        const json = ctx.values.json === true;
        const stop = service.subscribe((event) => {
          if (event.type !== 'syncProgress' || json) return;
          const p: SyncProgress = event.progress;
          ctx.io.err(
            `sync: ${p.done}/${p.total} sources, ${p.inserted} new articles${p.failed > 0 ? `, ${p.failed} failed` : ''}`,
          );
        });
        // Ctrl-C stops the sync cleanly: fetches are aborted, whole sources already stored stay,
        // and the summary is printed. A second Ctrl-C (the listener is gone) ends the process.
        const interrupt = (): void => {
          ctx.io.err('sync: stopping; what was stored is kept (Ctrl-C again to quit at once)');
          void service.cancelSync();
        };
        process.once('SIGINT', interrupt);
        const res = await call(ctx, service, 'sync', [
          Array.isArray(ids) ? { sourceIds: ids } : {},
        ]).finally(() => process.off('SIGINT', interrupt));
        stop();
        if (!res.ok) return res.code;
        const summary = res.value;
        if (json) ctx.io.out(JSON.stringify(summary));
        else {
          ctx.io.out(
            `${summary.done - summary.failed} of ${summary.total} sources synced: ${summary.inserted} new, ${summary.updated} updated, ${summary.failed} failed${summary.leftOut > 0 ? `, ${summary.leftOut} left out` : ''}${summary.offline ? ' (no network?)' : ''}`,
          );
          for (const c of summary.capped)
            ctx.io.out(`  ${c.sourceId}: ${c.leftOut} older items left out (past its maxItems)`);
          for (const e of summary.errors) ctx.io.out(`  ${e.sourceId}: ${e.message}`);
          if (summary.cancelled) ctx.io.out('The sync was stopped before it finished.');
        }
        // 130: stopped by Ctrl-C, as a shell reports a command that SIGINT ended.
        if (summary.cancelled) return 130;
        return summary.failed > 0 ? 1 : 0;
      }),
  },
  sources: SOURCES_COMMAND,
  tabs: TABS_COMMAND,
};
