/** Sync as the contract shows it. */
import * as v from 'valibot';
import type { RegionId } from './regions.ts';

export interface SourceStatus {
  readonly id: string;
  readonly type: 'portal' | 'feed';
  readonly url: string;
  readonly title: string | null;
  readonly region: RegionId | null;
  readonly enabled: boolean;
  /** ISO 8601 times, or null. */
  readonly lastSuccessAt: string | null;
  readonly lastErrorAt: string | null;
  /** The last error in words a reader understands; null after a success. */
  readonly lastError: string | null;
  readonly nextDueAt: string | null;
}

export interface SyncProgress {
  readonly done: number;
  readonly total: number;
  /** New articles stored so far in this sync. */
  readonly inserted: number;
  readonly failed: number;
}

export interface SyncSummary extends SyncProgress {
  readonly updated: number;
  /** True when every failure looked like a missing network. */
  readonly offline: boolean;
  readonly cancelled: boolean;
  readonly errors: readonly { readonly sourceId: string; readonly message: string }[];
}

export const SyncRequestSchema = v.optional(
  v.strictObject({
    sourceIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(1000))),
  }),
);
export type SyncRequest = v.InferOutput<typeof SyncRequestSchema>;
