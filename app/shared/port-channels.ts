/**
 * The only IPC channels between the preload and main: the preload asks for a port to the library
 * (CONNECT), main hands one over (PORT) and says when the library went down (LIBRARY_DOWN, with
 * whether it is being restarted). Every call and event then travels over the port itself.
 */
export const CONNECT_CHANNEL = 'news:connect';
export const PORT_CHANNEL = 'news:port';
export const LIBRARY_DOWN_CHANNEL = 'news:library-down';
/** Main to the window: a new version is downloaded (app/main/updater.ts), with its version. */
export const UPDATE_READY_CHANNEL = 'app:update-ready';
