import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface WebApp {
  /** The URL `heitu web` printed, token included. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
}

const root = join(import.meta.dirname, '..', '..');

/** Starts the real `heitu web` command on a free port (no sync on start) over `dataDir`. */
export async function startWeb(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    [
      join(root, 'bin', 'heitu.cjs'),
      'web',
      '--port',
      '0',
      '--no-sync',
      '--data-dir',
      dataDir,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HEITU_LOG: 'warn' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`heitu web printed no URL:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`heitu web exited with ${code}:\n${output}`));
    });
  });
  return { child, url };
}

export const test = base.extend<{ web: WebApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
  web: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'heitu-e2e-'));
    const { child, url } = await startWeb(dataDir);
    await use({ url, origin: new URL(url).origin, dataDir });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  },
});

/** The element focused, through shadow roots: its role, or its tag. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el === null || el === document.body
      ? 'body'
      : (el.getAttribute('role') ?? el.tagName.toLowerCase());
  });
}

export { expect } from '@playwright/test';
