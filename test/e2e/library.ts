import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFixtureSite,
  type FixtureSite,
  type FixtureSiteOptions,
} from '../support/fixture-site.ts';

const root = join(import.meta.dirname, '..', '..');
const heitu = join(root, 'bin', 'heitu.cjs');

/** Runs the real `heitu` command to the end; rejects with its output on a non-zero exit. */
export async function runHeitu(args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [heitu, ...args], {
    env: { ...process.env, HEITU_LOG: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`heitu ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

export interface Library {
  readonly dataDir: string;
  readonly site: FixtureSite;
  /** The sources file pointing at the fixture site's portal. */
  readonly sources: string;
  dispose(): Promise<void>;
}

/**
 * A data folder and the local fixture site. With `synced`, `heitu sync` has already filled the
 * library; `settings` are applied with `heitu settings set` (e.g. `script=original`).
 */
export async function makeLibrary(
  options: FixtureSiteOptions & { synced?: boolean; settings?: readonly string[] } = {},
): Promise<Library> {
  const site = await startFixtureSite(options);
  const dataDir = await mkdtemp(join(tmpdir(), 'heitu-e2e-lib-'));
  const sources = site.writeSourcesFile(dataDir, 'portal');
  if (options.synced === true)
    await runHeitu(['sync', '--sources', sources, '--data-dir', dataDir]);
  if (options.settings !== undefined)
    await runHeitu(['settings', 'set', ...options.settings, '--data-dir', dataDir]);
  return {
    dataDir,
    site,
    sources,
    async dispose() {
      await site.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `2019-05-30 08:54`: a time as the channel prints it (Beijing time). */
export function channelTime(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}
