/**
 * Sync outcomes and errors in the UI's words (issue 18): pure functions over SYNC_MESSAGES, so the
 * mapping is tested without a DOM (test/unit/renderer/sync/sync-text.test.ts).
 */
import type { SyncRun } from '../../../app/shared/contract.ts';
import { NewsApiError } from '../../../app/shared/errors.ts';
import { classifySyncError } from '../../../app/shared/sync-errors.ts';
import type { SyncMessages } from '../i18n/sync-messages.ts';

/** How a finished sync went, for its words and its look. */
export type RunResult = 'done' | 'partial' | 'failed' | 'offline' | 'cancelled';

export function runResult(run: SyncRun): RunResult {
  if (run.cancelled) return 'cancelled';
  if (run.failed === 0) return 'done';
  if (run.failed < run.done) return 'partial';
  return run.offline ? 'offline' : 'failed';
}

/** The sync corner's line for a finished sync; never "finished" when a source failed. */
export function runText(run: SyncRun, t: SyncMessages, leftOut = 0): string {
  switch (runResult(run)) {
    case 'cancelled':
      return t.cancelled;
    case 'done':
      return t.done(run.inserted, leftOut);
    case 'partial':
      return t.partial(run.inserted, run.failed);
    case 'offline':
      return t.offline;
    case 'failed':
      return t.failedAll(run.failed);
  }
}

/** Why a call failed, from its contract error code; unknown errors get a general sentence. */
export function callErrorText(error: unknown, t: SyncMessages): string {
  if (!(error instanceof NewsApiError)) return t.errOther;
  switch (error.code) {
    case 'CONFLICT':
      return t.errBusy;
    case 'UNAVAILABLE':
      return t.errUnavailable;
    case 'STORAGE':
      return t.errStorage;
    case 'DATABASE_TOO_NEW':
      return t.errTooNew;
    default:
      return t.errOther;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * A source's sync error (the engine's English sentence) in the UI's words; a sentence of no known
 * kind is shown as written rather than hidden.
 */
export function sourceErrorText(message: string, sourceUrl: string, t: SyncMessages): string {
  const { kind, status } = classifySyncError(message);
  const host = hostOf(sourceUrl);
  switch (kind) {
    case 'dns':
      return t.errDns(host);
    case 'refused':
      return t.errRefused(host);
    case 'cut-off':
      return t.errCutOff(host);
    case 'tls':
      return t.errTls(host);
    case 'network':
      return t.errNetwork(host);
    case 'timeout':
      return t.errTimeout(host);
    case 'too-large':
      return t.errTooLarge(host);
    case 'denied':
      return t.errDenied(host);
    case 'missing':
      return t.errMissing(host);
    case 'slow-down':
      return t.errSlowDown(host);
    case 'unavailable':
      return t.errUnavailableHost(host);
    case 'server-error':
      return t.errServer(host, status ?? 500);
    case 'http':
      return t.errHttp(host, status ?? 400);
    case 'redirect':
      return t.errRedirect(host);
    case 'address':
      return t.errAddress;
    case 'cancelled':
      return t.errCancelled;
    case 'budget':
      return t.errBudget;
    case 'storage':
      return t.errStorage;
    case 'web-page':
      return t.errWebPage;
    case 'not-feed':
      return t.errNotFeed;
    case 'empty':
      return t.errEmpty;
    case 'other':
      return message;
  }
}
