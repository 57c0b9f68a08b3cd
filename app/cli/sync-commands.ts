/** `heitu sync` and `heitu sources`. */
import type { SyncProgress } from '../shared/sync.ts';
import { call, withService, type Command } from './command.ts';
import { SOURCES_COMMAND } from './source-commands.ts';

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
        const res = await call(ctx, service, 'sync', [
          Array.isArray(ids) ? { sourceIds: ids } : {},
        ]);
        stop();
        if (!res.ok) return res.code;
        const summary = res.value;
        if (json) ctx.io.out(JSON.stringify(summary));
        else {
          ctx.io.out(
            `${summary.done - summary.failed} of ${summary.total} sources synced: ${summary.inserted} new, ${summary.updated} updated, ${summary.failed} failed${summary.offline ? ' (no network?)' : ''}`,
          );
          for (const e of summary.errors) ctx.io.out(`  ${e.sourceId}: ${e.message}`);
        }
        return summary.failed > 0 ? 1 : 0;
      }),
  },
  sources: SOURCES_COMMAND,
};
