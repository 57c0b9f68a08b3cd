/**
 * A local update server on 127.0.0.1 serving update metadata as electron-builder writes it
 * (latest.yml for Windows, latest-mac.yml, latest-linux.yml) and the installer files it names,
 * and a stand-in app for electron-updater's AppImageUpdater to run under Node: the updater is
 * the real one, only Electron's app object and net module are replaced (by plain data and Node's
 * HTTP client, as electron-updater's own tests do).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';

const require = createRequire(import.meta.url);
const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as {
  ElectronHttpExecutor: new () => object;
};

/**
 * electron-updater's own HTTP executor (downloads, redirects, sha512 checks) with Node's client
 * where it would ask Electron's net module for a request.
 */
class NodeNetExecutor extends ElectronHttpExecutor {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return request(options, callback);
  }

  // Node's client reports a redirect as a response, which the executor already follows.
  addRedirectHandlers(): void {
    // Nothing to add.
  }
}

export interface Release {
  readonly version: string;
  /** The installer's bytes, served under its name. */
  readonly files: Readonly<Record<string, Buffer>>;
  /** Overrides the sha512 listed for every file (a tampered or corrupted download). */
  readonly wrongChecksum?: boolean;
}

export function sha512(data: Buffer): string {
  return createHash('sha512').update(data).digest('base64');
}

/** The metadata file electron-builder publishes beside a release's installers. */
export function latestYml(release: Release): string {
  const names = Object.keys(release.files);
  const digest = (name: string): string =>
    release.wrongChecksum === true ? sha512(Buffer.from('not it')) : sha512(release.files[name]!);
  const lines = [`version: ${release.version}`, 'files:'];
  for (const name of names) {
    lines.push(
      `  - url: ${name}`,
      `    sha512: ${digest(name)}`,
      `    size: ${release.files[name]!.length}`,
    );
  }
  lines.push(
    `path: ${names[0]!}`,
    `sha512: ${digest(names[0]!)}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
  );
  return `${lines.join('\n')}\n`;
}

export interface UpdateFeed {
  readonly url: string;
  /** The paths requested so far, in order. */
  readonly requests: string[];
  /** What the server answers: a path → body map (anything else is a 404). */
  serve(files: Readonly<Record<string, string | Buffer>>): void;
  close(): Promise<void>;
}

export async function startUpdateFeed(): Promise<UpdateFeed> {
  let files: Readonly<Record<string, string | Buffer>> = {};
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    requests.push(path);
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    serve: (next) => {
      files = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * electron-updater's AppImageUpdater for an installed app of `version`, reading its feed from an
 * app-update.yml (as electron-builder writes into resources/) that points at `feedUrl`, as if on
 * `platform`; the "installed" AppImage and the caches live under `dir`.
 */
export function nodeAppImageUpdater(
  dir: string,
  version: string,
  feedUrl: string,
  platform: NodeJS.Platform = 'linux',
): AppImageUpdater {
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  writeFileSync(
    appUpdateConfigPath,
    `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: heitu-reader-updater\n`,
  );
  const installed = join(dir, 'Heitu-Reader-installed.AppImage');
  writeFileSync(installed, 'the installed AppImage');
  // The AppImage runtime sets APPIMAGE; electron-updater reads it to know what to replace.
  process.env.APPIMAGE = installed;
  // electron-updater's own switch for the metadata file's arch suffix (latest-linux.yml is x64).
  process.env.TEST_UPDATER_ARCH = 'x64';
  let onQuit: ((code: number) => void) | undefined;
  const app: AppAdapter = {
    version,
    name: 'Heitu Reader',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => onQuit?.(0),
    onQuit: (handler) => {
      onQuit = handler;
    },
  };
  const updater = new AppImageUpdater(null, app);
  // Internal switches electron-updater keeps for its own tests: the HTTP client, the platform.
  Object.assign(updater, {
    httpExecutor: new NodeNetExecutor(),
    _testOnlyOptions: { platform },
  });
  // Full downloads only: a block-map diff needs a real AppImage.
  updater.disableDifferentialDownload = true;
  // The tests read outcomes from the controller; electron-updater's own log would go to the console.
  updater.logger = null;
  return updater;
}
