import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SyncRun } from '../../../../app/shared/contract.ts';
import { NewsApiError } from '../../../../app/shared/errors.ts';
import { SYNC_MESSAGES } from '../../../../renderer/src/i18n/sync-messages.ts';
import {
  callErrorText,
  runResult,
  runText,
  sourceErrorText,
} from '../../../../renderer/src/sync/sync-text.ts';

const run = (change: Partial<SyncRun>): SyncRun => ({
  at: '2026-12-06T00:00:00.000Z',
  done: 12,
  failed: 0,
  inserted: 5,
  offline: false,
  cancelled: false,
  ...change,
});

test('a sync is called finished only when no source failed', () => {
  const t = SYNC_MESSAGES['zh-Hant'];
  assert.equal(runText(run({}), t, 3), '同步完成：新增 5 篇，3 篇較舊的超出上限未取');
  assert.equal(runText(run({ failed: 2 }), t), '部分來源同步失敗：新增 5 篇，2 個來源失敗');
  assert.equal(runText(run({ failed: 12, inserted: 0 }), t), '同步失敗：12 個來源都無法取得');
  assert.equal(
    runText(run({ failed: 12, inserted: 0, offline: true }), t),
    '同步失敗：連不上任何來源，可能沒有網路連線',
  );
  assert.equal(runText(run({ cancelled: true, failed: 3 }), t), '同步已停止');
  for (const locale of ['zh-Hant', 'zh-Hans', 'en'] as const) {
    for (const failed of [1, 11, 12]) {
      const text = runText(run({ failed }), SYNC_MESSAGES[locale]);
      assert.doesNotMatch(text, /完成|finished/i, `${locale}, ${failed} failed: ${text}`);
    }
  }
  assert.equal(runResult(run({ failed: 12, offline: true })), 'offline');
  assert.equal(runResult(run({ done: 0 })), 'done');
});

test('a refused call says why in the UI language, by its error code', () => {
  const t = SYNC_MESSAGES['zh-Hans'];
  assert.equal(
    callErrorText(new NewsApiError('CONFLICT', 'A sync is running.'), t),
    '已经在同步中',
  );
  assert.equal(
    callErrorText(new NewsApiError('UNAVAILABLE', 'restarting'), t),
    '文库正在重新启动，请稍后再试',
  );
  assert.equal(callErrorText(new Error('socket hang up'), t), '发生了意外的错误');
  assert.equal(
    callErrorText(new NewsApiError('STORAGE', 'x'), SYNC_MESSAGES.en),
    'the library cannot be written (is the disk full?)',
  );
});

test('a source’s error sentence is said again in the UI language, with the source’s host', () => {
  const url = 'http://jl.cri.cn/rss.xml';
  const zh = SYNC_MESSAGES['zh-Hant'];
  assert.equal(
    sourceErrorText('The server at jl.cri.cn refused the connection.', url, zh),
    'jl.cri.cn 拒絕連線',
  );
  assert.equal(
    sourceErrorText('The server at jl.cri.cn had an internal error (HTTP 502).', url, zh),
    'jl.cri.cn 伺服器出錯（HTTP 502）',
  );
  assert.equal(
    sourceErrorText(
      'Could not read 吉林: The address returned a web page (HTML), not a feed.',
      url,
      zh,
    ),
    '這個網址是網頁，不是 RSS 或 Atom 訂閱',
  );
  // A sentence of no known kind is shown as written, not swallowed.
  assert.equal(sourceErrorText('Something new.', url, zh), 'Something new.');
});
