/**
 * File ▸ Export bookmarks… / Import bookmarks…: the native file dialogs around NewsService's
 * exportBookmarks and importBookmarks (the same JSON file as `heitu export bookmarks`,
 * docs/bookmarks-format.md). The import goes through `dispatch`, so the file is validated exactly
 * as any other transport's call would be.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { NewsApi } from '../shared/contract.ts';
import { typedCall } from '../shared/client.ts';
import { bookmarkFileName, formatBookmarkFile, readBookmarkFile } from '../shared/bookmark-file.ts';
import {
  bookmarkProblemText,
  type BookmarkFileMessages,
} from '../shared/bookmark-file-messages.ts';
import { dispatch } from '../core/dispatch.ts';
import { createLogger } from '../core/log.ts';

const log = createLogger('bookmark-files');
const filters = (t: BookmarkFileMessages) => [{ name: t.fileType, extensions: ['json'] }];

/** `t`: the words of the UI's language and the reader's script (catalogueFor). */
export async function exportBookmarksToFile(
  api: NewsApi,
  win: BrowserWindow | null,
  t: BookmarkFileMessages,
): Promise<void> {
  const options = { defaultPath: bookmarkFileName(), filters: filters(t) };
  const chosen = await (win === null
    ? dialog.showSaveDialog(options)
    : dialog.showSaveDialog(win, options));
  if (chosen.canceled || chosen.filePath === '') return;
  try {
    const file = await api.exportBookmarks();
    await writeFile(chosen.filePath, formatBookmarkFile(file));
    await tell(win, {
      type: 'info',
      message: t.exported(file.bookmarks.length),
      detail: chosen.filePath,
    });
  } catch (error) {
    log.error('bookmark export failed', error);
    await tell(win, {
      type: 'error',
      message: t.exportFailed,
      detail: (error as Error).message,
    });
  }
}

export async function importBookmarksFromFile(
  api: NewsApi,
  win: BrowserWindow | null,
  t: BookmarkFileMessages,
): Promise<void> {
  const options = { properties: ['openFile' as const], filters: filters(t) };
  const chosen = await (win === null
    ? dialog.showOpenDialog(options)
    : dialog.showOpenDialog(win, options));
  const path = chosen.filePaths[0];
  if (chosen.canceled || path === undefined) return;
  const parsed = await readBookmarkFile({
    size: async () => (await stat(path)).size,
    text: () => readFile(path, 'utf8'),
  });
  if (!parsed.ok) {
    await tell(win, {
      type: 'error',
      message: t.importRefused,
      detail: bookmarkProblemText(parsed.problem, t),
    });
    return;
  }
  const result = await typedCall((name, list) => dispatch(api, name, list))('importBookmarks', [
    parsed.file,
  ]);
  if (!result.ok) {
    await tell(win, {
      type: 'error',
      message: t.importFailed,
      detail: result.error.message,
    });
    return;
  }
  const r = result.value;
  await tell(win, {
    type: 'info',
    message: t.imported(r.added, r.updated),
  });
}

async function tell(win: BrowserWindow | null, options: MessageBoxOptions): Promise<void> {
  await (win === null ? dialog.showMessageBox(options) : dialog.showMessageBox(win, options));
}
