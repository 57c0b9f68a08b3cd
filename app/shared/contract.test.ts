import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEWS_API_ARGS, NEWS_API_METHODS, isNewsMethod } from './contract.ts';
import { NewsApiError, unwrapResult } from './errors.ts';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  applySettingsPatch,
  effectiveScript,
  scriptForLocale,
} from './settings.ts';
import { parseCall } from './validate.ts';
import * as v from 'valibot';

function rejects(method: unknown, args: unknown, code: string, pattern?: RegExp): void {
  assert.throws(
    () => parseCall(method, args),
    (error: unknown) => {
      assert.ok(error instanceof NewsApiError);
      assert.equal(error.code, code);
      if (pattern) assert.match(error.message, pattern);
      return true;
    },
  );
}

test('every listed method has a validator, and nothing else does', () => {
  assert.deepEqual(Object.keys(NEWS_API_ARGS).sort(), [...NEWS_API_METHODS].sort());
  assert.equal(isNewsMethod('getStatus'), true);
  assert.equal(isNewsMethod('constructor'), false);
  assert.equal(isNewsMethod('__proto__'), false);
});

test('valid calls pass through with their arguments', () => {
  assert.deepEqual(parseCall('listRegions', []), []);
  assert.deepEqual(parseCall('setSettings', [{ theme: 'dark', textScale: 120 }]), [
    { theme: 'dark', textScale: 120 },
  ]);
});

test('bad calls are refused with a typed error that says what is wrong', () => {
  rejects('dropDatabase', [], 'UNKNOWN_METHOD', /dropDatabase/);
  rejects(42, [], 'UNKNOWN_METHOD');
  rejects('listRegions', ['extra'], 'BAD_ARGUMENT', /listRegions/);
  rejects('listRegions', {}, 'BAD_ARGUMENT');
  rejects('listRegions', null, 'BAD_ARGUMENT');
  rejects('setSettings', [], 'BAD_ARGUMENT');
  rejects('setSettings', [{ theme: 'purple' }], 'BAD_ARGUMENT', /theme/);
  rejects('setSettings', [{ textScale: 1e9 }], 'BAD_ARGUMENT', /textScale/);
  rejects('setSettings', [{ textScale: 1.5 }], 'BAD_ARGUMENT');
  rejects('setSettings', [{ lastRegion: 'beijing' }], 'BAD_ARGUMENT', /lastRegion/);
  rejects('setSettings', [{ isAdmin: true }], 'BAD_ARGUMENT');
  rejects(
    'setSettings',
    [{ __proto__: { theme: 'dark' }, retentionDays: 'forever' }],
    'BAD_ARGUMENT',
  );
});

test('library calls are validated too: ids, regions, cursors, limits, import files', () => {
  assert.deepEqual(parseCall('getArticle', ['a12']), ['a12']);
  assert.deepEqual(
    parseCall('listArticles', [{ region: 'yanbian', limit: 50, cursor: '1838455096314714' }]),
    [{ region: 'yanbian', limit: 50, cursor: '1838455096314714' }],
  );
  rejects('getArticle', ['12'], 'BAD_ARGUMENT', /argument 1 is not an article id/);
  rejects('getArticle', ['a0'], 'BAD_ARGUMENT');
  rejects('getArticle', ["a1' OR 1=1"], 'BAD_ARGUMENT');
  rejects('listArticles', [{ region: 'beijing' }], 'BAD_ARGUMENT', /region/);
  rejects('listArticles', [{ region: 'all', limit: 100000 }], 'BAD_ARGUMENT', /limit/);
  rejects('listArticles', [{ region: 'all', cursor: 'DROP' }], 'BAD_ARGUMENT', /cursor/);
  rejects('markRead', [{ ids: [], read: true }], 'BAD_ARGUMENT');
  rejects('setBookmark', ['a1'], 'BAD_ARGUMENT');
  rejects('search', [''], 'BAD_ARGUMENT');
  rejects('search', ['長春'.repeat(200)], 'BAD_ARGUMENT');
  assert.deepEqual(parseCall('search', ['  長春 ']), ['長春', undefined]);
  rejects(
    'importBookmarks',
    [{ format: 'other', version: 1, exportedAt: '2026-01-01T00:00:00Z', bookmarks: [] }],
    'BAD_ARGUMENT',
    /format/,
  );
  rejects(
    'importBookmarks',
    [
      {
        format: 'heitu-bookmarks',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        bookmarks: [
          {
            url: 'javascript:alert(1)',
            title: 't',
            publishedAt: '2026-01-01T00:00:00.000Z',
            bookmarkedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    ],
    'BAD_ARGUMENT',
    /url/,
  );
});

test('the reader’s dictionary: trimmed one-line entries, a converting mode, at most 500', () => {
  assert.deepEqual(
    parseCall('setSettings', [
      {
        userDictionary: [
          { from: ' 发布 ', to: '發布', mode: 'tw' },
          { from: '网络', to: '' },
        ],
      },
    ]),
    [
      {
        userDictionary: [
          { from: '发布', to: '發布', mode: 'tw' },
          { from: '网络', to: '' },
        ],
      },
    ],
  );
  const bad = (entry: unknown, pattern: RegExp): void =>
    rejects('setSettings', [{ userDictionary: [entry] }], 'BAD_ARGUMENT', pattern);
  bad({ from: '   ', to: 'x' }, /userDictionary\.0\.from is empty/);
  bad({ from: 'a'.repeat(51), to: 'x' }, /from/);
  bad({ from: '发\n布', to: 'x' }, /line break/);
  bad({ from: '发布', to: 'x'.repeat(51) }, /to/);
  bad({ from: '发布', to: '發\r佈' }, /line break/);
  bad({ from: '发布', to: 'x', mode: 'original' }, /mode/);
  bad({ from: '发布', to: 'x', extra: 1 }, /extra/);
  bad('发布=發佈', /userDictionary/);
  const many = Array.from({ length: 501 }, (_, i) => ({ from: `词${i}`, to: 'x' }));
  rejects('setSettings', [{ userDictionary: many }], 'BAD_ARGUMENT', /more than 500/);
  assert.equal(
    (parseCall('setSettings', [{ userDictionary: many.slice(0, 500) }])[0].userDictionary ?? [])
      .length,
    500,
  );
  assert.deepEqual(DEFAULT_SETTINGS.userDictionary, []);
});

test('source calls are validated: http(s) URLs up to 4096 characters, places, ids, OPML size', () => {
  assert.deepEqual(parseCall('addSource', [{ url: ' https://a.example/rss ', title: '  ' }]), [
    { url: 'https://a.example/rss', title: null },
  ]);
  assert.deepEqual(parseCall('updateSource', ['user:abc', { enabled: false }]), [
    'user:abc',
    { enabled: false },
  ]);
  rejects('addSource', [{ url: 'ftp://a.example/rss' }], 'BAD_ARGUMENT', /http\(s\)/);
  rejects('addSource', [{ url: `https://a.example/${'x'.repeat(4096)}` }], 'BAD_ARGUMENT');
  rejects('addSource', [{ url: 'https://a.example/', region: 'bookmarks' }], 'BAD_ARGUMENT');
  rejects('addSource', [{ url: 'https://a.example/', enabled: false }], 'BAD_ARGUMENT');
  rejects('updateSource', ['', { enabled: true }], 'BAD_ARGUMENT');
  rejects('updateSource', ['x', { url: 'https://b.example/' }], 'BAD_ARGUMENT');
  rejects('removeSource', ['x'.repeat(65)], 'BAD_ARGUMENT');
  rejects('importOpml', [''], 'BAD_ARGUMENT');
  rejects('exportOpml', ['x'], 'BAD_ARGUMENT');
});

test('the script follows the locale until the reader chooses one', () => {
  assert.equal(scriptForLocale(['zh-TW']), 'tw');
  assert.equal(scriptForLocale(['zh-Hant-TW']), 'tw');
  assert.equal(scriptForLocale(['zh-HK']), 'hk');
  assert.equal(scriptForLocale(['zh_MO']), 'hk');
  assert.equal(scriptForLocale(['zh-CN', 'en']), 'cn');
  assert.equal(scriptForLocale(['zh-SG']), 'cn');
  assert.equal(scriptForLocale(['en-US', 'zh-TW']), 'tw');
  assert.equal(scriptForLocale(['en-US']), 'original');
  assert.equal(scriptForLocale(['zh']), 'original');
  assert.equal(effectiveScript(DEFAULT_SETTINGS, ['zh-HK']), 'hk');
  assert.equal(
    effectiveScript({ ...DEFAULT_SETTINGS, script: 'cn', scriptChosen: true }, ['zh-HK']),
    'cn',
  );
  assert.equal(
    effectiveScript({ ...DEFAULT_SETTINGS, script: 'original', scriptChosen: true }, ['zh-HK']),
    'original',
  );
});

test('the defaults are valid settings, and a patch changes only what it names', () => {
  assert.ok(v.safeParse(SettingsSchema, DEFAULT_SETTINGS).success);
  const next = applySettingsPatch(DEFAULT_SETTINGS, { theme: 'dark', script: undefined });
  assert.equal(next.theme, 'dark');
  assert.equal(next.script, DEFAULT_SETTINGS.script);
  assert.equal(DEFAULT_SETTINGS.theme, 'system', 'the base is not mutated');
});

test('results unwrap to values, typed errors, or a clear error for garbage', () => {
  assert.equal(unwrapResult({ ok: true, value: 3 }), 3);
  assert.throws(
    () => unwrapResult({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }),
    (e: unknown) => e instanceof NewsApiError && e.code === 'NOT_FOUND' && e.message === 'gone',
  );
  assert.throws(
    () => unwrapResult({ ok: false, error: { code: 'NOPE', message: 'x' } }),
    /does not understand/,
  );
  assert.throws(() => unwrapResult('<html>'), /does not understand/);
});
