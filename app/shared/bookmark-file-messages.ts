/**
 * A bookmark file's outcomes in the reader's words: imported, exported, or refused and why
 * (BookmarkFileProblem, bookmark-file.ts). One table for the settings panel (which puts it in the
 * reader's script) and the desktop app's File menu dialogs (catalogueFor picks the wording).
 * Flat (strings, or functions returning one), as the renderer's convertMessages() needs.
 */
import { BOOKMARK_FILE_MAX_BYTES, type BookmarkFileProblem } from './bookmark-file.ts';
import type { Locale } from './locale.ts';

export interface BookmarkFileMessages {
  readonly imported: (added: number, updated: number) => string;
  readonly notJson: string;
  /** A refused file (BookmarkFileFault). */
  readonly bookmarkFileOther: string;
  readonly bookmarkFileNewer: string;
  readonly bookmarkFileField: (field: string) => string;
  /** `n` counts from 1. */
  readonly bookmarkFileEntry: (n: number, field: string) => string;
  /** The name of a field of the file (`url`, `publishedAt`…). */
  readonly bookmarkField: (field: string) => string;
  readonly fileTooLarge: (megabytes: number) => string;
  readonly fileUnreadable: string;
  /** The desktop app's dialogs: the file type, and what became of an export or an import. */
  readonly fileType: string;
  readonly exported: (count: number) => string;
  readonly exportFailed: string;
  readonly importRefused: string;
  readonly importFailed: string;
}

// The bookmark file's fields, named as the reader knows them.
const HANT_FIELDS: Readonly<Partial<Record<string, string>>> = {
  url: '網址',
  title: '標題',
  publishedAt: '發布時間',
  bookmarkedAt: '收藏時間',
  exportedAt: '匯出時間',
  bookmarks: '收藏清單',
  summary: '摘要',
  contentHtml: '內文',
};
const HANS_FIELDS: Readonly<Partial<Record<string, string>>> = {
  url: '网址',
  title: '标题',
  publishedAt: '发布时间',
  bookmarkedAt: '收藏时间',
  exportedAt: '导出时间',
  bookmarks: '收藏列表',
  summary: '摘要',
  contentHtml: '正文',
};
const EN_FIELDS: Readonly<Partial<Record<string, string>>> = {
  url: 'address',
  title: 'title',
  publishedAt: 'publication time',
  bookmarkedAt: 'bookmark time',
  exportedAt: 'export time',
  bookmarks: 'list of bookmarks',
  summary: 'summary',
  contentHtml: 'text',
};

export const BOOKMARK_FILE_MESSAGES: Readonly<Record<Locale, BookmarkFileMessages>> = {
  'zh-Hant': {
    imported: (added, updated) => `新增 ${added} 則，更新 ${updated} 則。`,
    notJson: '這個檔案不是 JSON 格式。',
    bookmarkFileOther: '這個檔案不是黑土閱讀匯出的收藏檔，沒有匯入任何收藏。',
    bookmarkFileNewer: '這個收藏檔來自較新版本的黑土閱讀：請先更新程式再匯入。',
    bookmarkFileField: (field) => `收藏檔已損壞（${field}不正確），沒有匯入任何收藏。`,
    bookmarkFileEntry: (n, field) => `第 ${n} 則收藏的${field}不正確，整個檔案都沒有匯入。`,
    bookmarkField: (field) => HANT_FIELDS[field] ?? `「${field}」欄位`,
    fileTooLarge: (megabytes) => `檔案太大（超過 ${megabytes} MB），沒有匯入。`,
    fileUnreadable: '無法讀取這個檔案。',
    fileType: '黑土閱讀收藏檔（JSON）',
    exported: (count) => `已匯出 ${count} 則收藏。`,
    exportFailed: '無法匯出收藏。',
    importRefused: '無法讀取這個收藏檔。',
    importFailed: '無法匯入收藏。',
  },
  'zh-Hans': {
    imported: (added, updated) => `新增 ${added} 条，更新 ${updated} 条。`,
    notJson: '这个文件不是 JSON 格式。',
    bookmarkFileOther: '这个文件不是黑土阅读导出的收藏文件，没有导入任何收藏。',
    bookmarkFileNewer: '这个收藏文件来自较新版本的黑土阅读：请先更新程序再导入。',
    bookmarkFileField: (field) => `收藏文件已损坏（${field}不正确），没有导入任何收藏。`,
    bookmarkFileEntry: (n, field) => `第 ${n} 条收藏的${field}不正确，整个文件都没有导入。`,
    bookmarkField: (field) => HANS_FIELDS[field] ?? `“${field}”字段`,
    fileTooLarge: (megabytes) => `文件太大（超过 ${megabytes} MB），没有导入。`,
    fileUnreadable: '无法读取这个文件。',
    fileType: '黑土阅读收藏文件（JSON）',
    exported: (count) => `已导出 ${count} 条收藏。`,
    exportFailed: '无法导出收藏。',
    importRefused: '无法读取这个收藏文件。',
    importFailed: '无法导入收藏。',
  },
  en: {
    imported: (added, updated) => `Added ${added}, updated ${updated}.`,
    notJson: 'This file is not JSON.',
    bookmarkFileOther:
      'This file is not a bookmark file exported by Heitu Reader; nothing was imported.',
    bookmarkFileNewer:
      'This bookmark file comes from a newer Heitu Reader: update the app, then import it again.',
    bookmarkFileField: (field) =>
      `The bookmark file is damaged (its ${field} is wrong); nothing was imported.`,
    bookmarkFileEntry: (n, field) =>
      `Bookmark ${n} in the file has a wrong ${field}; nothing from the file was imported.`,
    bookmarkField: (field) => EN_FIELDS[field] ?? `“${field}” field`,
    fileTooLarge: (megabytes) =>
      `The file is too large (over ${megabytes} MB); nothing was imported.`,
    fileUnreadable: 'The file could not be read.',
    fileType: 'Heitu bookmarks (JSON)',
    exported: (count) => `Exported ${count} bookmark${count === 1 ? '' : 's'}.`,
    exportFailed: 'The bookmarks could not be exported.',
    importRefused: 'That file cannot be read as a bookmarks file.',
    importFailed: 'The bookmarks could not be imported.',
  },
};

/** Why a bookmark file was refused, in the reader's words (the validator's stay in the CLI). */
export function bookmarkProblemText(problem: BookmarkFileProblem, t: BookmarkFileMessages): string {
  switch (problem.kind) {
    case 'notJson':
      return t.notJson;
    case 'tooLarge':
      return t.fileTooLarge(BOOKMARK_FILE_MAX_BYTES >> 20);
    case 'unreadable':
      return t.fileUnreadable;
    case 'notBookmarkFile': {
      const { fault } = problem;
      switch (fault.where) {
        case 'format':
          return t.bookmarkFileOther;
        case 'version':
          return t.bookmarkFileNewer;
        case 'file':
          return t.bookmarkFileField(t.bookmarkField(fault.field));
        case 'bookmark':
          return t.bookmarkFileEntry(fault.index + 1, t.bookmarkField(fault.field));
      }
    }
  }
}
