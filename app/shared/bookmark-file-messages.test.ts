import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBookmarkFile, type BookmarkFileProblem } from './bookmark-file.ts';
import { BOOKMARK_FILE_MESSAGES, bookmarkProblemText } from './bookmark-file-messages.ts';
import { catalogueFor } from './locale.ts';

/** The problem a file's text gives (the file is read as the panel and the desktop dialog do). */
async function problemOf(text: string): Promise<BookmarkFileProblem> {
  const parsed = await readBookmarkFile({ size: () => text.length, text: () => text });
  if (parsed.ok) throw new assert.AssertionError({ message: 'the file must be refused' });
  return parsed.problem;
}

const GOOD_ENTRY = {
  url: 'http://jl.example/a.html',
  title: '長春新聞',
  publishedAt: '2019-05-30T00:54:00.000Z',
  bookmarkedAt: '2019-06-01T00:00:00.000Z',
};

test('a refused file is told in the words of each catalogue, naming the field as the reader knows it', async () => {
  const other = await problemOf('{"hello": 1}');
  const notJson = await problemOf('{nope');
  const badEntry = await problemOf(
    JSON.stringify({
      format: 'heitu-bookmarks',
      version: 1,
      exportedAt: '2019-06-01T00:00:00.000Z',
      bookmarks: [GOOD_ENTRY, { ...GOOD_ENTRY, url: 'not a url' }],
    }),
  );
  const hant = BOOKMARK_FILE_MESSAGES['zh-Hant'];
  const hans = BOOKMARK_FILE_MESSAGES['zh-Hans'];
  const en = BOOKMARK_FILE_MESSAGES.en;
  assert.equal(bookmarkProblemText(other, hant), hant.bookmarkFileOther);
  assert.equal(bookmarkProblemText(notJson, hans), '这个文件不是 JSON 格式。');
  assert.equal(
    bookmarkProblemText(badEntry, hant),
    '第 2 則收藏的網址不正確，整個檔案都沒有匯入。',
  );
  assert.equal(
    bookmarkProblemText(badEntry, hans),
    '第 2 条收藏的网址不正确，整个文件都没有导入。',
  );
  assert.match(bookmarkProblemText(badEntry, en), /^Bookmark 2 in the file has a wrong address/);
  assert.equal(en.exported(1), 'Exported 1 bookmark.');
  assert.equal(hant.exported(3), '已匯出 3 則收藏。');
});

test('the desktop dialogs pick the catalogue of the UI language in the reader script', () => {
  // A 繁體中文 UI read in 简体 says 导出 (mainland wording), not 汇出.
  assert.equal(
    BOOKMARK_FILE_MESSAGES[catalogueFor('zh-Hant', 'cn')].exported(2),
    '已导出 2 条收藏。',
  );
  assert.equal(
    BOOKMARK_FILE_MESSAGES[catalogueFor('zh-Hans', 'hk')].exported(2),
    '已匯出 2 則收藏。',
  );
  assert.equal(catalogueFor('zh-Hans', 'original'), 'zh-Hans');
  assert.equal(catalogueFor('en', 'cn'), 'en');
});
