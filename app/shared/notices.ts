/**
 * What the library tells the reader once (Status.notices): the words the CLI prints, and, read
 * back from them, what a window needs to say the same in its own language (renderer/src/i18n/
 * notice-messages.ts). The sentences are made and read here only, so the two cannot drift apart
 * (notices.test.ts reads back every one).
 */

export type LibraryNotice =
  /** The library's process died and was started again. */
  | { readonly kind: 'restarted' }
  /** The library file is damaged; the next start (or `heitu check`) repairs it. */
  | { readonly kind: 'damaged' }
  /** A repair cut short was completed at this start. */
  | { readonly kind: 'repair-resumed' }
  /** The search index was damaged and is being rebuilt. */
  | { readonly kind: 'index-rebuilt' }
  /** The library file was empty; it is kept as `kept` and a new library was started. */
  | { readonly kind: 'empty-file'; readonly kept: string }
  /** The library file was damaged; kept as `kept`, a new one started with `restored` bookmarks. */
  | { readonly kind: 'repaired'; readonly kept: string; readonly restored: number };

const FIXED = {
  restarted:
    'The library stopped unexpectedly and was started again. A sync that was running stopped; what it had stored is kept.',
  damaged:
    'The library file is damaged. Run `heitu check`, or restart Heitu Reader, to repair it: your bookmarks and settings will be kept, and articles come back with the next sync.',
  'repair-resumed':
    'A repair of the damaged library file was interrupted; it has now been completed, with the bookmarks it had recovered.',
  'index-rebuilt':
    'The search index was damaged. It is being rebuilt from the library; no article or bookmark was lost.',
} as const;

const EMPTY_FILE =
  /^The library file was empty \(0 bytes\), so nothing in it could be read\. It has been kept as (.+) and a new library was started; articles will come back with the next sync\.$/;
const REPAIRED =
  /^The library file was damaged\. It has been kept as (.+) and a new library was started\. (?:(\d+) bookmarks? (?:was|were) recovered|No bookmarks could be recovered from it); articles will come back with the next sync\.$/;

/** The notice in English, as the library stores it and the CLI prints it. */
export function noticeText(notice: LibraryNotice): string {
  switch (notice.kind) {
    case 'empty-file':
      return `The library file was empty (0 bytes), so nothing in it could be read. It has been kept as ${notice.kept} and a new library was started; articles will come back with the next sync.`;
    case 'repaired':
      return (
        `The library file was damaged. It has been kept as ${notice.kept} and a new library was started. ` +
        (notice.restored > 0
          ? `${notice.restored} bookmark${notice.restored === 1 ? ' was' : 's were'} recovered; articles will come back with the next sync.`
          : 'No bookmarks could be recovered from it; articles will come back with the next sync.')
      );
    default:
      return FIXED[notice.kind];
  }
}

/** The notice a text says, or null for one this version does not know (shown as it is). */
export function readNotice(text: string): LibraryNotice | null {
  for (const [kind, fixed] of Object.entries(FIXED)) {
    if (text === fixed) return { kind: kind as keyof typeof FIXED };
  }
  const empty = EMPTY_FILE.exec(text);
  if (empty?.[1] !== undefined) return { kind: 'empty-file', kept: empty[1] };
  const repaired = REPAIRED.exec(text);
  if (repaired?.[1] !== undefined)
    return { kind: 'repaired', kept: repaired[1], restored: Number(repaired[2] ?? 0) };
  return null;
}
