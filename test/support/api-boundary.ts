/**
 * The API boundary suite, for any transport: every NewsApi method gets wrong types, missing and
 * extra arguments, huge strings, NaN, deep objects and `__proto__`/`constructor` keys, and must
 * answer each with a typed error of bounded size, never crash, and change nothing. A transport is
 * a parameter (`apiBoundarySuite`): the IPC validators and browser mode's HTTP register it in
 * test/unit/hardening/api-boundary.test.ts, and a new transport registers it the same way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NewsService } from '../../app/core/news-service.ts';
import type { ArticleId } from '../../app/shared/articles.ts';
import { NEWS_API_METHODS, type NewsMethod } from '../../app/shared/contract.ts';
import { ERROR_CODES, MAX_MESSAGE_CHARS } from '../../app/shared/errors.ts';
import { parseCall } from '../../app/shared/validate.ts';

/** One way of calling the service from outside: what a renderer (or another process) sends. */
export interface Transport {
  /**
   * Sends `method` with `args` as the raw argument list (which may not even be an array) and
   * resolves to what came back: a CallResult as plain data.
   */
  call(method: string, args: unknown): Promise<unknown>;
}

export interface Opened {
  readonly transport: Transport;
  /** The service behind the transport, to seed and to compare its state directly. */
  readonly service: NewsService;
  close(): Promise<void>;
}

/** One valid argument list per method: the base that the hostile variants start from. */
const VALID: Readonly<Record<NewsMethod, readonly unknown[]>> = {
  listRegions: [],
  getSettings: [],
  setSettings: [{ theme: 'dark' }],
  getStatus: [],
  listArticles: [{ region: 'all', limit: 10 }],
  getArticle: ['a1'],
  getTabCounts: [],
  markRead: [{ ids: ['a1'], read: true }],
  setBookmark: ['a1', true],
  exportBookmarks: [],
  importBookmarks: [
    {
      format: 'heitu-bookmarks',
      version: 1,
      exportedAt: '2026-11-26T00:00:00.000Z',
      bookmarks: [],
    },
  ],
  search: ['長春市', { region: 'all' }],
  sync: [{}],
  cancelSync: [],
  listSources: [],
  addSource: [{ url: 'https://a.example/feed.xml' }],
  updateSource: ['cri-jilin-siping', { enabled: false }],
  removeSource: ['cri-jilin-siping'],
  exportOpml: [],
  importOpml: ['<opml version="2.0"><head/><body/></opml>'],
  addFeed: [{ url: 'https://a.example/feed.xml' }],
  listTabs: [],
  addTab: ['地方'],
  renameTab: [1, '本地'],
  moveTab: [1, 0],
  removeTab: [1],
  // triage and full text (wt-18c)
  markAllRead: [{ region: 'changchun' }],
  markUnread: [['a1']],
  fetchFullText: ['a1'],
};

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = { region: value, a: [value === 'bottom' ? 1 : 0] };
  return value;
}

/** `__proto__` and `constructor` as own keys, as JSON.parse (and a hostile page) makes them. */
const PROTO_KEYS = (): unknown =>
  JSON.parse(
    '{"__proto__":{"polluted":"yes","theme":"dark"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},"region":"__proto__","theme":"constructor"}',
  );

/** Values put in place of each argument in turn. */
const WRONG: readonly [string, () => unknown][] = [
  ['a number', () => 42],
  ['a boolean', () => true],
  ['null', () => null],
  ['NaN', () => Number.NaN],
  ['Infinity', () => Number.POSITIVE_INFINITY],
  ['an empty array', () => []],
  ['an empty object', () => ({})],
  ['a 2 MB string', () => 'x'.repeat(2 * 1024 * 1024)],
  ['a 1,000-deep object', () => deep(1000)],
  ['__proto__ and constructor keys', PROTO_KEYS],
  ['an object with NaN fields', () => ({ region: 'all', limit: Number.NaN, ids: [Number.NaN] })],
];

export interface HostileCall {
  readonly label: string;
  readonly method: string;
  readonly args: () => unknown;
}

/** Every hostile call, each one that the validators must refuse. */
export function hostileCalls(): HostileCall[] {
  const calls: HostileCall[] = [
    { label: 'an unknown method', method: 'dropDatabase', args: () => [] },
    { label: '__proto__ as a method', method: '__proto__', args: () => [] },
    { label: 'constructor as a method', method: 'constructor', args: () => [] },
    { label: 'a 10,000-character method', method: 'm'.repeat(10_000), args: () => [] },
  ];
  for (const method of NEWS_API_METHODS) {
    const valid = VALID[method];
    const add = (label: string, args: () => unknown): void => {
      calls.push({ label: `${method}: ${label}`, method, args });
    };
    for (const [label, make] of [
      ['an object for the argument list', () => ({ 0: valid[0] })],
      ['null for the argument list', () => null],
      ['a string for the argument list', () => 'x'],
      ['a deep object for the argument list', () => deep(1000)],
    ] as const)
      add(label, make);
    add('an extra argument', () => [...valid, 'extra']);
    if (valid.length > 0) add('no arguments', () => []);
    valid.forEach((_, i) => {
      for (const [label, make] of WRONG) {
        add(`${label} as argument ${i + 1}`, () => valid.map((a, j) => (j === i ? make() : a)));
      }
    });
  }
  // Only what the validators refuse: a variant that happens to be valid is not hostile.
  return calls.filter((c) => {
    try {
      parseCall(c.method, JSON.parse(JSON.stringify(c.args())) as unknown);
      return false;
    } catch {
      return true;
    }
  });
}

async function seed(service: NewsService): Promise<void> {
  const { ids } = service.storeArticles([
    {
      url: 'https://jl.example.cn/boundary.html',
      title: '長春市的新聞',
      text: '長春市今天的新聞。',
      publishedAt: Date.UTC(2026, 10, 25),
      fetchedAt: Date.UTC(2026, 10, 25),
      script: 'hant',
      regions: ['changchun'],
    },
  ]);
  await service.setBookmark(`a${ids[0] ?? 0}` as ArticleId, true);
  await service.setSettings({ theme: 'dark' });
  await service.addSource({ url: 'https://mine.example/feed.xml', title: '我的' });
}

/** What the reader keeps, as one comparable value. */
async function snapshot(service: NewsService): Promise<string> {
  const { bookmarks } = await service.exportBookmarks();
  return JSON.stringify({
    bookmarks,
    settings: await service.getSettings(),
    sources: await service.listSources(),
    counts: await service.getTabCounts(),
    articles: (await service.listArticles({ region: 'all' })).items,
  });
}

function assertTypedError(result: unknown, label: string): void {
  const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  assert.equal(r.ok, false, `${label}: refused`);
  assert.ok(
    (ERROR_CODES as readonly unknown[]).includes(r.error?.code) && r.error?.code !== 'INTERNAL',
    `${label}: a typed error, not ${String(r.error?.code)}`,
  );
  const message = r.error?.message;
  assert.ok(typeof message === 'string' && message.length > 0, `${label}: says why`);
  assert.ok(
    message.length <= MAX_MESSAGE_CHARS,
    `${label}: a message of ${message.length} characters`,
  );
  assert.ok(JSON.stringify(result).length < 4 * MAX_MESSAGE_CHARS, `${label}: a bounded answer`);
}

/** Registers the suite for one transport. */
export function apiBoundarySuite(name: string, open: () => Promise<Opened>): void {
  test(`${name}: every method refuses hostile arguments with a short typed error and changes nothing`, async () => {
    const opened = await open();
    try {
      await seed(opened.service);
      const before = await snapshot(opened.service);
      const calls = hostileCalls();
      assert.ok(calls.length > 200, `${calls.length} hostile calls`);
      for (const call of calls)
        assertTypedError(await opened.transport.call(call.method, call.args()), call.label);
      assert.equal(await snapshot(opened.service), before, 'nothing the reader keeps changed');
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype polluted');
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
      // The transport still answers a good call.
      const status = (await opened.transport.call('getStatus', [])) as { ok: boolean };
      assert.equal(status.ok, true);
    } finally {
      await opened.close();
    }
  });
}
