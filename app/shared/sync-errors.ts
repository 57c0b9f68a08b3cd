/**
 * What kind of problem a source's sync error is, read from the reader-facing sentence the sync
 * engine wrote (app/core/sync/fetch.ts, feed-errors.ts, budget.ts). The UI says it again in its
 * own language from the kind; the English sentence stays for the CLI, the logs and a tooltip.
 *
 * The sentence rather than a stored code because the error travels from the sync worker to the
 * sources table as text (docs/technotes/0013-language-times-first-run.md);
 * sync-errors.test.ts makes every sentence the engine writes classify, so a reworded one fails
 * there instead of falling back to English in the UI.
 */

export type SyncErrorKind =
  /** The host name does not resolve: offline, or a wrong address. */
  | 'dns'
  | 'refused'
  | 'cut-off'
  | 'tls'
  /** Any other failure to download. */
  | 'network'
  | 'timeout'
  | 'too-large'
  /** HTTP 401/403. */
  | 'denied'
  /** HTTP 404/410. */
  | 'missing'
  /** HTTP 429. */
  | 'slow-down'
  /** HTTP 503. */
  | 'unavailable'
  /** Another HTTP 5xx. */
  | 'server-error'
  /** Another HTTP 4xx. */
  | 'http'
  | 'redirect'
  /** Not an http(s) address. */
  | 'address'
  | 'cancelled'
  /** The sync's or the source's time budget ran out. */
  | 'budget'
  /** The library could not store what was read (disk full, read-only…). */
  | 'storage'
  /** The address answers with a web page, not a feed. */
  | 'web-page'
  /** A document that is not a feed, or a feed that is broken. */
  | 'not-feed'
  | 'empty'
  | 'other';

export interface SyncErrorInfo {
  readonly kind: SyncErrorKind;
  /** The HTTP status, when the sentence gives one. */
  readonly status: number | null;
}

const HTTP_KINDS: Readonly<Record<number, SyncErrorKind>> = {
  401: 'denied',
  403: 'denied',
  404: 'missing',
  410: 'missing',
  429: 'slow-down',
  503: 'unavailable',
};

/** Checked in order: the first that matches names the kind. */
const PATTERNS: readonly (readonly [RegExp, SyncErrorKind])[] = [
  [/^(?:Stopped: |Not synced: )/, 'budget'],
  [/^Could not [^:]+: .*\. Nothing was changed\.$/, 'storage'],
  [/^Could not find the server /, 'dns'],
  [/ refused the connection\.$/, 'refused'],
  [/^The connection to \S+ (?:was cut off|closed before)/, 'cut-off'],
  [/^The secure connection to /, 'tls'],
  [/ did not answer within | took longer than /, 'timeout'],
  [/ is larger(?: once unpacked)? than the /, 'too-large'],
  [/ redirect|redirected more than /, 'redirect'],
  [/only downloads http and https|is not a web address/, 'address'],
  [/^The download from \S+ was cancelled\.$/, 'cancelled'],
  [/^Could not download from |^The server at \S+ sent /, 'network'],
  [/returned a web page \(HTML\), not a feed/, 'web-page'],
  [/The feed is empty\./, 'empty'],
  [
    /not valid XML|not valid JSON|not a JSON Feed|not an RSS, Atom or RDF feed|is not a feed|could not be read|has no article/,
    'not-feed',
  ],
];

/** The kind of the sync error `message` (SourceStatus.lastError, SyncSummary.errors). */
export function classifySyncError(message: string): SyncErrorInfo {
  const http = /\(HTTP (\d{3})\)\.$/.exec(message);
  if (http?.[1] !== undefined) {
    const status = Number(http[1]);
    const kind = HTTP_KINDS[status] ?? (status >= 500 ? 'server-error' : 'http');
    return { kind, status };
  }
  for (const [pattern, kind] of PATTERNS) if (pattern.test(message)) return { kind, status: null };
  return { kind: 'other', status: null };
}
