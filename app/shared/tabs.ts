/** The reader's own tabs (folders, in other readers' words) as the contract shows them. */
import * as v from 'valibot';

/** The most tabs of their own a reader can make: the tab bar stays usable. */
export const MAX_READER_TABS = 50;
export const MAX_TAB_NAME = 60;

export type ReaderTabId = number;

export interface ReaderTab {
  readonly id: ReaderTabId;
  readonly name: string;
  /** 0-based place among the reader's tabs. */
  readonly position: number;
  /** Articles of the tab's sources. */
  readonly unread: number;
  readonly total: number;
}

export const ReaderTabIdSchema = v.pipe(
  v.number(),
  v.integer('is not a tab id'),
  v.minValue(1, 'is not a tab id'),
  v.maxValue(Number.MAX_SAFE_INTEGER),
);

/** A tab's name, surrounding spaces removed. */
export const TabNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'is empty'),
  v.maxLength(MAX_TAB_NAME, `is longer than ${MAX_TAB_NAME} characters`),
);

export const TabPositionSchema = v.pipe(
  v.number(),
  v.integer('is not a position'),
  v.minValue(0, 'is not a position'),
  v.maxValue(MAX_READER_TABS - 1, 'is past the last tab'),
);
