import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import {
  latestYml,
  nodeAppImageUpdater,
  startUpdateFeed,
  type UpdateFeed,
} from '../support/update-feed.ts';
import { UpdateController } from '../../app/core/updates/update-controller.ts';
import type { UpdateStatus } from '../../app/core/updates/update-policy.ts';

const APPIMAGE = 'Heitu-Reader-0.2.0-linux-x86_64.AppImage';
const NEW_BUILD = Buffer.from('the 0.2.0 AppImage, verified by its sha512');
const ignore = (): undefined => undefined;
const quiet = { debug: ignore, info: ignore, warn: ignore, error: ignore };

let feed: UpdateFeed;
let work: string;
before(async () => {
  feed = await startUpdateFeed();
});
after(async () => {
  await feed.close();
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'heitu-updates-'));
  feed.requests.length = 0;
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function release(version: string, extra: { wrongChecksum?: boolean } = {}): void {
  feed.serve({
    'latest-linux.yml': latestYml({ version, files: { [APPIMAGE]: NEW_BUILD }, ...extra }),
    [APPIMAGE]: NEW_BUILD,
  });
}

/** A controller over the real electron-updater for an installed 0.1.0, and what it reported. */
function controller(options: { enabled?: boolean; feedUrl?: string; intervalMs?: number } = {}) {
  const reported: { status: UpdateStatus; manual: boolean }[] = [];
  const updater = nodeAppImageUpdater(work, '0.1.0', options.feedUrl ?? feed.url);
  const control = new UpdateController({
    updater,
    checksEnabled: () => Promise.resolve(options.enabled ?? true),
    onStatus: (status, manual) => reported.push({ status, manual }),
    log: quiet,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
  });
  return { control, updater, reported };
}

/** The downloaded update in electron-updater's cache, if any. */
function downloaded(): Buffer | null {
  const dir = join(work, 'cache', 'heitu-reader-updater', 'pending');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.endsWith('.AppImage'));
  return file === undefined ? null : readFileSync(join(dir, file));
}

test('a newer version is downloaded, verified, and reported ready to install on restart', async () => {
  release('0.2.0');
  const { control, reported } = controller();
  assert.deepEqual(await control.check(false), { kind: 'ready', version: '0.2.0' });
  assert.deepEqual(downloaded(), NEW_BUILD);
  assert.deepEqual(feed.requests, ['latest-linux.yml', APPIMAGE]);
  assert.deepEqual(reported, [{ status: { kind: 'ready', version: '0.2.0' }, manual: false }]);
  // Ready stays ready: the next daily check fetches nothing more.
  assert.deepEqual(await control.check(false), { kind: 'ready', version: '0.2.0' });
  assert.equal(feed.requests.length, 2);
});

test('the same version is up to date, and nothing is downloaded', async () => {
  release('0.1.0');
  const { control } = controller();
  assert.deepEqual(await control.check(true), { kind: 'up-to-date', latest: '0.1.0' });
  assert.deepEqual(feed.requests, ['latest-linux.yml']);
  assert.equal(downloaded(), null);
});

test('an older version on the server is not a downgrade', async () => {
  release('0.0.9');
  const { control } = controller();
  assert.deepEqual(await control.check(true), { kind: 'up-to-date', latest: '0.0.9' });
  assert.equal(downloaded(), null);
});

test('malformed metadata fails the check with electron-updater’s reason', async () => {
  const { control } = controller();
  feed.serve({ 'latest-linux.yml': 'version: [this is not\n  : valid' });
  const broken = await control.check(true);
  assert.equal(broken.kind, 'failed');
  feed.serve({ 'latest-linux.yml': 'version: soon\nfiles: []\n' });
  const badVersion = await control.check(true);
  assert.equal(badVersion.kind, 'failed');
  assert.match((badVersion as { message: string }).message, /semver/);
  feed.serve({});
  const missing = await control.check(true);
  assert.equal(missing.kind, 'failed');
  assert.match((missing as { message: string }).message, /latest-linux\.yml/);
  assert.equal(downloaded(), null);
});

test('a download whose checksum does not match is refused and not kept', async () => {
  release('0.2.0', { wrongChecksum: true });
  const { control } = controller();
  const status = await control.check(false);
  assert.equal(status.kind, 'failed');
  assert.match((status as { message: string }).message, /sha512 checksum mismatch/);
  assert.equal(downloaded(), null);
});

test('a server that is down is unreachable, quietly, and the next check tries again', async () => {
  const down = await startUpdateFeed();
  await down.close();
  const { control, reported } = controller({ feedUrl: down.url });
  const status = await control.check(false);
  assert.equal(status.kind, 'unreachable');
  assert.match((status as { message: string }).message, /ECONNREFUSED/);
  assert.deepEqual(reported, [{ status, manual: false }]);
});

test('offline (the update host does not resolve) is unreachable too', async () => {
  const { control } = controller({ feedUrl: 'http://updates.invalid/heitu/' });
  const status = await control.check(false);
  assert.equal(status.kind, 'unreachable');
  assert.match((status as { message: string }).message, /ENOTFOUND|EAI_AGAIN/);
});

test('with checks turned off nothing is fetched, but the reader may still ask', async () => {
  release('0.2.0');
  const { control } = controller({ enabled: false });
  assert.deepEqual(await control.check(false), { kind: 'off' });
  assert.deepEqual(feed.requests, []);
  assert.deepEqual(await control.check(true), { kind: 'ready', version: '0.2.0' });
});

test('start() checks at once and again every interval; stop() ends it', async () => {
  release('0.1.0');
  const { control, reported } = controller({ intervalMs: 20 });
  control.start();
  while (reported.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
  control.stop();
  const seen = reported.length;
  assert.ok(reported.every((r) => r.status.kind === 'up-to-date' && !r.manual));
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(reported.length, seen, 'no check after stop()');
});

test('restartToUpdate() does nothing until an update is ready', async () => {
  release('0.1.0');
  const { control } = controller();
  await control.check(true);
  assert.equal(control.restartToUpdate(), false);
});

test('Windows and macOS read their own metadata file: latest.yml and latest-mac.yml', async () => {
  const exe = Buffer.from('the NSIS installer');
  const zips = { x64: Buffer.from('mac x64 zip'), arm64: Buffer.from('mac arm64 zip') };
  feed.serve({
    'latest.yml': latestYml({
      version: '0.3.0',
      files: { 'Heitu-Reader-0.3.0-win-x64.exe': exe },
    }),
    'latest-mac.yml': latestYml({
      version: '0.3.1',
      files: {
        'Heitu-Reader-0.3.1-mac-x64.zip': zips.x64,
        'Heitu-Reader-0.3.1-mac-arm64.zip': zips.arm64,
        'Heitu-Reader-0.3.1-mac-arm64.dmg': Buffer.from('dmg'),
      },
    }),
  });
  for (const [platform, file, version, url] of [
    ['win32', 'latest.yml', '0.3.0', 'Heitu-Reader-0.3.0-win-x64.exe'],
    ['darwin', 'latest-mac.yml', '0.3.1', 'Heitu-Reader-0.3.1-mac-arm64.zip'],
  ] as const) {
    feed.requests.length = 0;
    const updater = nodeAppImageUpdater(join(work, platform), '0.1.0', feed.url, platform);
    updater.autoDownload = false;
    const result = await updater.checkForUpdates();
    assert.deepEqual(feed.requests, [file]);
    assert.equal(result?.isUpdateAvailable, true);
    assert.equal(result.updateInfo.version, version);
    assert.ok(result.updateInfo.files.some((f) => f.url === url));
  }
});
