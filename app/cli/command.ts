/** What every `heitu` command is made of. */
import type { ParseArgsConfig } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { typedCall, type NewsResult } from '../shared/client.ts';
import type { NewsMethod } from '../shared/contract.ts';
import { NewsService } from '../core/news-service.ts';
import { dispatch } from '../core/dispatch.ts';
import { loadSourcesFile, type Source } from '../core/sync/sources-file.ts';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the long-running `web` command should stop (SIGINT/SIGTERM by default). */
  readonly untilStopped?: () => Promise<void>;
}

export const COMMON = {
  'data-dir': { type: 'string' },
  sources: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: ParseArgsConfig['options'];
  readonly run: (ctx: Context) => Promise<number>;
}

export interface Context {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly dataDir: string;
}

export async function withService(
  ctx: Context,
  fn: (service: NewsService) => Promise<number>,
  check: 'critical' | 'full' = 'critical',
  repairing = false,
): Promise<number> {
  const service = NewsService.open({ ...serviceOptions(ctx), check });
  let code: number;
  try {
    for (const notice of (await service.getStatus()).notices) ctx.io.err(`heitu: ${notice}`);
    code = await fn(service);
  } finally {
    service.close();
  }
  // The command found the library damaged (and marked it): the next start repairs it, so the
  // command runs again at once on the repaired library instead of leaving the reader stuck.
  if (!service.needsRepair || repairing) return code;
  ctx.io.err('heitu: repairing the library now.');
  return withService(ctx, fn, check, true);
}

/** The data folder and, with `--sources FILE`, the sources to sync. */
export function serviceOptions(ctx: Context): {
  dataDir: string;
  appVersion: string;
  sources?: Source[];
} {
  const file = ctx.values.sources;
  return {
    dataDir: ctx.dataDir,
    appVersion: pkg.version,
    ...(typeof file === 'string' ? { sources: loadSourcesFile(file) } : {}),
  };
}

/**
 * Calls the service through the same validators as the other transports. Returns the value, or
 * prints the error and returns the exit code (2 for bad arguments, 1 otherwise).
 */
export async function call<M extends NewsMethod>(
  ctx: Context,
  service: NewsService,
  method: M,
  args: unknown[],
): Promise<{ ok: true; value: NewsResult<M> } | { ok: false; code: number }> {
  const result = await typedCall((name, list) => dispatch(service, name, list))(method, args);
  if (result.ok) return result;
  ctx.io.err(`heitu: ${result.error.message}`);
  return {
    ok: false,
    code: result.error.code === 'BAD_ARGUMENT' || result.error.code === 'NOT_FOUND' ? 2 : 1,
  };
}
