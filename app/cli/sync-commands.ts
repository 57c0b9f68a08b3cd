/** `heitu sync` and `heitu sources`. */
import type { SourceStatus, SyncProgress, SyncSummary } from '../shared/sync.ts';
import { call, withService, type Command } from './command.ts';

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
        const summary = res.value as SyncSummary;
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
  sources: {
    summary: 'list the sources with their sync status',
    usage: 'heitu sources [--sources FILE] [--json]',
    options: {},
    run: (ctx) =>
      withService(ctx, async (service) => {
        const res = await call(ctx, service, 'listSources', []);
        if (!res.ok) return res.code;
        const list = res.value as SourceStatus[];
        if (ctx.values.json === true) ctx.io.out(JSON.stringify(list));
        else
          for (const s of list) {
            const state =
              s.lastError !== null
                ? `error: ${s.lastError}`
                : s.lastSuccessAt !== null
                  ? `ok ${s.lastSuccessAt}`
                  : 'never synced';
            ctx.io.out(`${s.id.padEnd(28)} ${s.type.padEnd(6)} ${state}`);
          }
        return 0;
      }),
  },
};
