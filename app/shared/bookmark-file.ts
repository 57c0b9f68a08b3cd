/**
 * The bookmark export file (docs/bookmarks-format.md), owned here and nowhere else: its schema,
 * the largest file read, its file name, how it is written and how a file's text is parsed. Used
 * by the settings panel (browser and desktop), the desktop app's File menu (app/main) and the
 * CLI (`heitu export|import bookmarks`); NewsService validates the parsed file again as any
 * contract call's argument.
 */
import * as v from 'valibot';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const OptionalText = (max: number) => v.optional(v.nullable(Text(max)), null);
const IsoTime = v.pipe(v.string(), v.isoTimestamp('is not an ISO 8601 time'));
const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.url(),
  v.check((u) => /^https?:\/\//i.test(u), 'is not an http(s) URL'),
);

/** One bookmark in the export file (docs/bookmarks-format.md). */
export const BookmarkRecordSchema = v.object({
  url: HttpUrl,
  title: v.pipe(Text(1000), v.minLength(1)),
  publishedAt: IsoTime,
  bookmarkedAt: IsoTime,
  sourceName: OptionalText(200),
  summary: v.optional(Text(10_000), ''),
  author: OptionalText(200),
  editor: OptionalText(200),
  responsibleEditor: OptionalText(200),
  originalTitle: OptionalText(1000),
  copyright: OptionalText(10_000),
  script: v.optional(v.picklist(['hans', 'hant', 'unknown']), 'unknown'),
  contentHtml: v.optional(Text(2_000_000), ''),
});
export type BookmarkRecord = v.InferOutput<typeof BookmarkRecordSchema>;

export const BOOKMARK_FORMAT = 'heitu-bookmarks';
/** The most bookmarks one file may hold. */
export const MAX_BOOKMARKS_PER_FILE = 100_000;
export const BookmarkFileSchema = v.object({
  format: v.literal(BOOKMARK_FORMAT),
  version: v.literal(1),
  exportedAt: IsoTime,
  bookmarks: v.pipe(v.array(BookmarkRecordSchema), v.maxLength(MAX_BOOKMARKS_PER_FILE)),
});
export type BookmarkFile = v.InferOutput<typeof BookmarkFileSchema>;

/**
 * The largest bookmark file any transport takes (the CLI, the desktop app's dialog, browser mode's
 * HTTP body), as in docs/bookmarks-format.md; a larger one is refused before it is read.
 */
export const BOOKMARK_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** The name an export is saved under: the reader's local date, heitu-bookmarks-YYYY-MM-DD.json. */
export function bookmarkFileName(date: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `heitu-bookmarks-${day}.json`;
}

/** The file's text: indented JSON, ending in a newline. */
export function formatBookmarkFile(file: BookmarkFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Where a JSON file fails to be a bookmark file, for the reader's own words (the UI says it in
 * its language; `detail` keeps the validator's words for the CLI and logs):
 * - `format`: it is some other JSON (no `"format": "heitu-bookmarks"`);
 * - `version`: a version this app does not know (a newer app wrote it);
 * - `file`: a field of the file itself (`exportedAt`, `bookmarks`) is wrong;
 * - `bookmark`: one bookmark is wrong: `index` (from 0) and its `field` (e.g. `url`).
 */
export type BookmarkFileFault =
  | { readonly where: 'format' }
  | { readonly where: 'version' }
  | { readonly where: 'file'; readonly field: string }
  | { readonly where: 'bookmark'; readonly index: number; readonly field: string };

/** Why a file is not a bookmark file, with the detail to show. */
export type BookmarkFileProblem =
  | { readonly kind: 'tooLarge'; readonly detail: string }
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'notJson'; readonly detail: string }
  | {
      readonly kind: 'notBookmarkFile';
      readonly detail: string;
      readonly fault: BookmarkFileFault;
    };

export type ParsedBookmarkFile =
  | { readonly ok: true; readonly file: BookmarkFile }
  | { readonly ok: false; readonly problem: BookmarkFileProblem };

/** Refuses a file of `bytes` before reading it; null when its size is acceptable. */
export function bookmarkFileTooLarge(bytes: number): BookmarkFileProblem | null {
  return bytes > BOOKMARK_FILE_MAX_BYTES
    ? { kind: 'tooLarge', detail: `It is larger than ${String(BOOKMARK_FILE_MAX_BYTES >> 20)} MB.` }
    : null;
}

/** A file as each caller reaches it: a path (Node), a File (the browser). */
export interface BookmarkFileSource {
  size(): number | Promise<number>;
  text(): string | Promise<string>;
}

/** A file refused unread past the size cap, else read and parsed; a failed read is a problem too. */
export async function readBookmarkFile(source: BookmarkFileSource): Promise<ParsedBookmarkFile> {
  let text: string;
  try {
    const tooLarge = bookmarkFileTooLarge(await source.size());
    if (tooLarge !== null) return { ok: false, problem: tooLarge };
    text = await source.text();
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message } };
  }
  return parseBookmarkFile(text);
}

/**
 * A bookmark file's text, parsed and checked against the schema; a problem names the first
 * issue's path. The caller refuses a file too large to read first (bookmarkFileTooLarge).
 */
export function parseBookmarkFile(text: string): ParsedBookmarkFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'notJson', detail: (error as Error).message } };
  }
  const parsed = v.safeParse(BookmarkFileSchema, data);
  if (parsed.success) return { ok: true, file: parsed.output };
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue);
  const detail = path === null ? issue.message : `${path}: ${issue.message}`;
  return { ok: false, problem: { kind: 'notBookmarkFile', detail, fault: faultAt(path, data) } };
}

/** The fault at the validator's first issue, found from its dotted path. */
function faultAt(path: string | null, data: unknown): BookmarkFileFault {
  const [top = '', index, field] = (path ?? '').split('.');
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  // Anything that does not even say it is a bookmark file is some other JSON.
  if (path === null || top === 'format' || record.format !== BOOKMARK_FORMAT) {
    return { where: 'format' };
  }
  if (top === 'version') return { where: 'version' };
  if (top === 'bookmarks' && index !== undefined && /^\d+$/.test(index)) {
    return { where: 'bookmark', index: Number(index), field: field ?? '' };
  }
  return { where: 'file', field: top };
}
