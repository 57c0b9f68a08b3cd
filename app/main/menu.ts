import type { MenuItemConstructorOptions } from 'electron';

/** What the app's own menu items do; main.ts wires them to NewsService. */
export interface MenuActions {
  readonly exportBookmarks: () => void;
  readonly importBookmarks: () => void;
}

/**
 * The native menu: the platform's usual roles and shortcuts (copy/paste, zoom, full screen,
 * minimise, quit), and bookmark export and import under File. Developer tools only in
 * development builds.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  isDev: boolean,
  appName: string,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // What role: 'fileMenu' holds (Close on macOS, Quit elsewhere), after our own items.
  const file: MenuItemConstructorOptions[] = [
    { label: 'Export bookmarks…', click: () => actions.exportBookmarks() },
    { label: 'Import bookmarks…', click: () => actions.importBookmarks() },
    { type: 'separator' },
    mac ? { role: 'close' } : { role: 'quit' },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
  return template;
}
