/**
 * The main process's security decisions as pure functions, so that they are tested under Node
 * without an Electron binary. Nothing here imports electron at run time.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'heitu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Only our own app:// origin may call the API or be navigated to. */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (raw === undefined || raw === null) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links leave the app only for the system browser, and only as http(s) with no credentials. */
export function isOpenableExternally(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.hostname !== ''
    );
  } catch {
    return false;
  }
}

/** The parts of an IPC event and of our window that the sender check looks at. */
export interface IpcSenderLike {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null;
}
export interface OwnWindowLike {
  readonly contents: unknown;
  readonly mainFrame: unknown;
}

/**
 * An IPC call is ours only if it comes from our window's web contents, from its top frame (not
 * an iframe), and from a page at app://heitu.
 */
export function isTrustedSender(event: IpcSenderLike, own: OwnWindowLike | null): boolean {
  return (
    own !== null &&
    event.sender === own.contents &&
    event.senderFrame !== null &&
    event.senderFrame === own.mainFrame &&
    isAppUrl(event.senderFrame.url)
  );
}

/**
 * The one permission the window gets: writing text to the clipboard (`c` copies the open article's
 * link), and only for our own page. Everything else (notifications go through main, media,
 * geolocation, reading the clipboard…) is refused.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
