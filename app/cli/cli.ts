/**
 * `heitu`: the headless face of the app. Every command goes through NewsService in this process;
 * `web` runs the library in a worker thread and serves it (app/core/host/).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import pkg from '../../package.json' with { type: 'json' };
import { NewsApiError } from '../shared/errors.ts';
import { REGIONS } from '../shared/regions.ts';
import { SettingsPatchSchema, SETTING_KEYS, type Settings } from '../shared/settings.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { startServer } from '../server/server.ts';
import { LibrarySupervisor } from '../core/host/library-supervisor.ts';
import { workerSpawner } from '../core/host/worker-spawner.ts';
import {
  COMMON,
  serviceOptions,
  withService,
  type CliIo,
  type Command,
  type Context,
} from './command.ts';
import { LIBRARY_COMMANDS } from './library-commands.ts';
import { SYNC_COMMANDS } from './sync-commands.ts';

export type { CliIo } from './command.ts';

const COMMANDS: Readonly<Record<string, Command>> = {
  ...SYNC_COMMANDS,
  ...LIBRARY_COMMANDS,
  web: {
    summary: 'serve the reader to a browser on 127.0.0.1 and print the URL to open',
    usage: 'heitu web [--port N] [--data-dir DIR] [--sources FILE] [--no-sync]',
    options: {
      port: { type: 'string', default: '0' },
      'no-sync': { type: 'boolean', default: false },
    },
    run: runWeb,
  },
  status: {
    summary: 'show where the library is and what state it is in',
    usage: 'heitu status [--json] [--data-dir DIR]',
    options: {},
    run: async (ctx) =>
      withService(ctx, async (service) => {
        const status = await service.getStatus();
        if (ctx.values.json === true) ctx.io.out(JSON.stringify(status));
        else {
          ctx.io.out(`Heitu Reader ${status.appVersion}`);
          ctx.io.out(`data folder:    ${status.dataDir}`);
          ctx.io.out(`schema version: ${status.schemaVersion}`);
          ctx.io.out(`last sync:      ${status.sync.lastSyncedAt ?? 'never'}`);
        }
        return 0;
      }),
  },
  regions: {
    summary: 'list the channel’s region tabs',
    usage: 'heitu regions [--json]',
    options: {},
    run: (ctx) => {
      if (ctx.values.json === true) ctx.io.out(JSON.stringify(REGIONS));
      else
        for (const r of REGIONS)
          ctx.io.out(`${r.id.padEnd(14)} ${r.labelHant}\t${r.labelHans}\t${r.labelEn}`);
      return Promise.resolve(0);
    },
  },
  settings: {
    summary: 'show settings, or change them: heitu settings set KEY=VALUE ...',
    usage: 'heitu settings [set KEY=VALUE ...] [--json] [--data-dir DIR]',
    options: {},
    run: runSettings,
  },
};

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(pkg.version);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`heitu: unknown command "${name}". Run \`heitu --help\` for the list.`);
    return 2;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`heitu ${name}: ${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help === true) {
    io.out(`${command.summary}\nusage: ${command.usage}`);
    return 0;
  }
  const dirOption = parsed.values['data-dir'];
  const dataDir = typeof dirOption === 'string' ? resolve(dirOption) : defaultDataDir(io.env);
  try {
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      io,
      dataDir,
    });
  } catch (error) {
    if (error instanceof NewsApiError) {
      io.err(`heitu ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    `heitu ${pkg.version}: 黑土閱讀 Heitu Reader, offline news from Jilin`,
    '',
    'usage: heitu <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`),
    '',
    'options for every command:',
    '  --data-dir DIR  the library folder (default: $HEITU_DATA_DIR, or the desktop app’s own)',
    '  --sources FILE  what to sync (docs/sources-format.md; default: the built-in Jilin channel)',
    '  --json          print JSON instead of text',
    '  -h, --help      help for one command',
    '  -V, --version   print the version',
  ].join('\n');
}

async function runWeb(ctx: Context): Promise<number> {
  const port = Number(ctx.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.io.err(
      `heitu web: --port takes a number from 0 to 65535, not "${String(ctx.values.port)}"`,
    );
    return 2;
  }
  // The library runs in a worker thread of its own: this thread only answers the browser.
  let library: LibrarySupervisor;
  try {
    library = await LibrarySupervisor.start(
      workerSpawner({
        ...serviceOptions(ctx),
        check: 'background',
        schedule: ctx.values['no-sync'] !== true,
      }),
    );
  } catch (error) {
    if (error instanceof NewsApiError) {
      ctx.io.err(`heitu web: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    const server = await startServer({ library: library.remote, rendererDir: rendererDir(), port });
    ctx.io.out(`Heitu Reader is serving ${ctx.dataDir}`);
    ctx.io.out(`Open ${server.url}`);
    await (ctx.io.untilStopped ?? untilSignal)();
    await server.close();
    return 0;
  } finally {
    await library.close();
  }
}

async function runSettings(ctx: Context): Promise<number> {
  return withService(ctx, async (service) => {
    const [verb, ...pairs] = ctx.positionals;
    let settings: Settings;
    if (verb === undefined || verb === 'get') settings = await service.getSettings();
    else if (verb === 'set') {
      const patch: Record<string, unknown> = {};
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        const key = eq === -1 ? pair : pair.slice(0, eq);
        if (eq === -1 || !(SETTING_KEYS as readonly string[]).includes(key)) {
          ctx.io.err(
            `heitu settings: expected KEY=VALUE with KEY one of ${SETTING_KEYS.join(', ')}; got "${pair}"`,
          );
          return 2;
        }
        patch[key] = parseValue(pair.slice(eq + 1));
      }
      const checked = v.safeParse(SettingsPatchSchema, patch);
      if (!checked.success) {
        ctx.io.err(
          `heitu settings: ${checked.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; ')}`,
        );
        return 2;
      }
      settings = await service.setSettings(checked.output);
    } else {
      ctx.io.err(`heitu settings: unknown action "${verb}"; use get or set`);
      return 2;
    }
    if (ctx.values.json === true) ctx.io.out(JSON.stringify(settings));
    else
      for (const [k, value] of Object.entries(settings))
        ctx.io.out(`${k.padEnd(24)} ${JSON.stringify(value)}`);
    return 0;
  });
}

function parseValue(raw: string): unknown {
  // A list or an object (userDictionary) as JSON: '[{"from":"发布","to":"發佈","mode":"tw"}]'.
  if (/^\s*[[{]/.test(raw)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  return raw;
}

/** The built renderer: beside the CLI bundle (dist/cli → dist/renderer), or dist/ from source. */
export function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')];
  const [bundled, fromSource] = candidates as [string, string];
  return existsSync(join(bundled, 'index.html')) ? bundled : fromSource;
}

function untilSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const stop = (): void => resolvePromise();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function processIo(): CliIo {
  // `heitu list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
}
