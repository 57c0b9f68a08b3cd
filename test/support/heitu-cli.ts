/**
 * Runs the built `heitu` CLI (bin/heitu.cjs, which loads dist/cli) as a child process, for the
 * sync-cli tests in test/unit. Run `node scripts/build.mjs` first.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_REGIONS, type FixtureSite } from './fixture-site.ts';

const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'heitu.cjs');
// A neutral locale: the CLI would otherwise show text in the script the terminal's LANG suggests.
export const env = { ...process.env, HEITU_LOG: 'error', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

export interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI as a child process. Asynchronously: the fixture site is served by this process, so
 * a spawnSync would block it and every request of the sync would time out.
 */
export async function heitu(args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { env, timeout: 60_000 });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

export async function json<T>(args: readonly string[]): Promise<T> {
  const r = await heitu([...args, '--json']);
  assert.equal(r.code, 0, `heitu ${args.join(' ')} failed: ${r.err}`);
  return JSON.parse(r.out) as T;
}

/** A sources file of this site's portal (and extra) sources, each following `maxPages` pages
 * and reading at most `maxItems` items. */
export function writeSources(
  site: FixtureSite,
  dir: string,
  options: {
    regions?: readonly string[];
    maxPages?: number;
    maxItems?: number;
    extra?: object[];
  } = {},
): string {
  const regions = options.regions ?? FIXTURE_REGIONS;
  const sources = [
    ...regions.map((region) => ({
      id: `cri-jilin-${region}`,
      type: 'portal',
      profile: 'cri-jilin',
      region,
      url: `${site.origin}/jilin/${region}/index.html`,
      ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
      ...(options.maxItems === undefined ? {} : { maxItems: options.maxItems }),
    })),
    ...(options.extra ?? []),
  ];
  const file = join(dir, 'sources.json');
  writeFileSync(file, `${JSON.stringify({ sources }, null, 2)}\n`);
  return file;
}
