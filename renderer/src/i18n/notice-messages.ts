import type { LibraryNotice } from '../../../app/shared/notices.ts';
import type { Locale } from './messages.ts';

/**
 * The library's notices (app/shared/notices.ts) in the UI language: the banner above the tabs.
 * A notice this version does not know is shown in the library's own words.
 */
export interface NoticeMessages {
  readonly restarted: string;
  readonly damaged: string;
  readonly repairResumed: string;
  readonly indexRebuilt: string;
  readonly emptyFile: (kept: string) => string;
  readonly repaired: (kept: string, restored: number) => string;
}

export const NOTICE_MESSAGES: Readonly<Record<Locale, NoticeMessages>> = {
  'zh-Hant': {
    restarted: '文庫意外停止，已重新啟動。進行中的同步已中止，已存下的文章都還在。',
    damaged:
      '文庫檔案已損壞。請執行 `heitu check` 或重新啟動黑土閱讀來修復：收藏和設定都會保留，文章會在下次同步時回來。',
    repairResumed: '上次中斷的文庫修復已經完成，救回的收藏都在。',
    indexRebuilt: '搜尋索引已損壞，正在從文庫重建；沒有遺失任何文章或收藏。',
    emptyFile: (kept) =>
      `文庫檔案是空的（0 位元組），讀不到任何內容。原檔已保留為 ${kept}，並開始了新的文庫；文章會在下次同步時回來。`,
    repaired: (kept, restored) =>
      `文庫檔案已損壞。原檔已保留為 ${kept}，並開始了新的文庫。` +
      (restored > 0 ? `救回 ${restored} 則收藏；` : '沒能救回任何收藏；') +
      '文章會在下次同步時回來。',
  },
  'zh-Hans': {
    restarted: '文库意外停止，已重新启动。进行中的同步已中止，已存下的文章都还在。',
    damaged:
      '文库文件已损坏。请运行 `heitu check` 或重新启动黑土阅读来修复：收藏和设置都会保留，文章会在下次同步时回来。',
    repairResumed: '上次中断的文库修复已经完成，救回的收藏都在。',
    indexRebuilt: '搜索索引已损坏，正在从文库重建；没有丢失任何文章或收藏。',
    emptyFile: (kept) =>
      `文库文件是空的（0 字节），读不到任何内容。原文件已保留为 ${kept}，并开始了新的文库；文章会在下次同步时回来。`,
    repaired: (kept, restored) =>
      `文库文件已损坏。原文件已保留为 ${kept}，并开始了新的文库。` +
      (restored > 0 ? `救回 ${restored} 条收藏；` : '没能救回任何收藏；') +
      '文章会在下次同步时回来。',
  },
  en: {
    restarted:
      'The library stopped unexpectedly and was started again. A sync that was running stopped; what it had stored is kept.',
    damaged:
      'The library file is damaged. Run `heitu check`, or restart Heitu Reader, to repair it: your bookmarks and settings will be kept, and articles come back with the next sync.',
    repairResumed:
      'A repair of the damaged library file was interrupted; it has now been completed, with the bookmarks it had recovered.',
    indexRebuilt:
      'The search index was damaged. It is being rebuilt from the library; no article or bookmark was lost.',
    emptyFile: (kept) =>
      `The library file was empty (0 bytes), so nothing in it could be read. It has been kept as ${kept} and a new library was started; articles will come back with the next sync.`,
    repaired: (kept, restored) =>
      `The library file was damaged. It has been kept as ${kept} and a new library was started. ` +
      (restored > 0
        ? `${restored} bookmark${restored === 1 ? ' was' : 's were'} recovered; `
        : 'No bookmarks could be recovered from it; ') +
      'articles will come back with the next sync.',
  },
};

/** A notice as the library said it, in the UI language (a notice not known: as it was said). */
export function noticeInWords(
  text: string,
  notice: LibraryNotice | null,
  t: NoticeMessages,
): string {
  switch (notice?.kind) {
    case 'restarted':
      return t.restarted;
    case 'damaged':
      return t.damaged;
    case 'repair-resumed':
      return t.repairResumed;
    case 'index-rebuilt':
      return t.indexRebuilt;
    case 'empty-file':
      return t.emptyFile(notice.kept);
    case 'repaired':
      return t.repaired(notice.kept, notice.restored);
    case undefined:
      return text;
  }
}
