/**
 * When the installed app may update itself, and what a reader is shown about it. No Electron
 * here: app/main/updater.ts asks these questions and does what they answer (docs/technotes/0010).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why the app does not update itself, or 'self' when it does. */
export type UpdateSupport =
  | 'self'
  /** Started from the sources (`npm start`): there is no installer to update. */
  | 'development'
  /** Installed from the .deb: the system's package manager updates it. */
  | 'package-manager'
  /** Unpacked, or a Linux build that is neither an AppImage nor a package. */
  | 'unsupported';

export interface InstallFacts {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Set by the AppImage runtime to the AppImage's own path. */
  readonly appImage: string | undefined;
  /** Electron's process.resourcesPath: electron-builder writes `package-type` there for packages. */
  readonly resourcesPath: string;
}

export function updateSupport(facts: InstallFacts): UpdateSupport {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'win32' || facts.platform === 'darwin') return 'self';
  if (facts.platform !== 'linux') return 'unsupported';
  if (facts.appImage !== undefined && facts.appImage !== '') return 'self';
  let packageType = '';
  try {
    packageType = readFileSync(join(facts.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    // No package-type file: not installed from a package.
  }
  return packageType === '' ? 'unsupported' : 'package-manager';
}

/** Where a check or download ended. */
export type UpdateStatus =
  | { readonly kind: 'up-to-date'; readonly latest: string }
  /** Downloaded and verified; installed when the app quits or restarts. */
  | { readonly kind: 'ready'; readonly version: string }
  /** No network, or the update server did not answer: tried again at the next check. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /** The server answered with something unusable (bad metadata, checksum, signature). */
  | { readonly kind: 'failed'; readonly message: string }
  /** Automatic checks are turned off in the settings. */
  | { readonly kind: 'off' }
  /** The updater declined (not an installed app). */
  | { readonly kind: 'inactive' };

/**
 * Node's and Chromium's names for "could not reach the server": DNS failures, refused or reset
 * connections, timeouts, no route, no network (Electron's net module reports net::ERR_*).
 */
const UNREACHABLE =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENETDOWN|EPIPE)\b|net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_TIMED_OUT|TIMED_OUT|ADDRESS_UNREACHABLE|NETWORK_CHANGED|NETWORK_IO_SUSPENDED|PROXY_CONNECTION_FAILED)/;

/** An error of a check or download, as a status: unreachable (quiet, retried) or failed. */
export function statusForError(error: unknown): UpdateStatus {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const text = `${typeof code === 'string' ? code : ''} ${message}`;
  if (UNREACHABLE.test(text)) return { kind: 'unreachable', message: firstLine(message) };
  return { kind: 'failed', message: firstLine(message) };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * What the reader sees: after a background check, only an update that is ready (a quiet notice
 * in the window); after "Check for updates…", every outcome, since they asked.
 */
export type UpdateNotice = 'none' | 'restart-to-update' | 'result-dialog';

export function noticeFor(status: UpdateStatus, manual: boolean): UpdateNotice {
  if (status.kind === 'ready') return 'restart-to-update';
  return manual ? 'result-dialog' : 'none';
}
