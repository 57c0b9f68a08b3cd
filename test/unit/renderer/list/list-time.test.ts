import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatListTime } from '../../../../renderer/src/list/list-time.ts';

const NOW = Date.parse('2024-05-03T10:00:00Z'); // 18:00 in Changchun (UTC+8)
const CN = 'Asia/Shanghai';

test('today is relative', () => {
  assert.equal(formatListTime('2024-05-03T07:00:00Z', NOW, 'zh-Hant', CN), '3 小時前');
  assert.equal(formatListTime('2024-05-03T09:48:00Z', NOW, 'zh-Hant', CN), '12 分鐘前');
  assert.equal(formatListTime('2024-05-03T09:48:00Z', NOW, 'zh-Hans', CN), '12分钟前');
  assert.equal(formatListTime('2024-05-03T07:00:00Z', NOW, 'en', CN), '3 hours ago');
  assert.equal(formatListTime('2024-05-03T09:59:30Z', NOW, 'zh-Hant', CN), '現在');
  // A little in the future (clock skew) is now.
  assert.equal(formatListTime('2024-05-03T10:02:00Z', NOW, 'en', CN), 'now');
});

test('today is the calendar day in the time zone', () => {
  // 23:30 the day before in Changchun, though only 2.5 hours ago: a date and time.
  assert.equal(formatListTime('2024-05-02T15:30:00Z', NOW, 'zh-Hant', CN), '5月2日 23:30');
  // The same moment in UTC is today.
  assert.equal(formatListTime('2024-05-02T15:30:00Z', NOW, 'zh-Hant', 'UTC'), '5月2日 15:30');
  assert.equal(formatListTime('2024-05-03T00:30:00Z', NOW, 'zh-Hant', 'UTC'), '9 小時前');
});

test('earlier this year: date and time; earlier years: the date', () => {
  assert.equal(formatListTime('2024-01-15T01:05:00Z', NOW, 'zh-Hant', CN), '1月15日 09:05');
  assert.equal(formatListTime('2024-01-15T01:05:00Z', NOW, 'en', CN), 'Jan 15, 9:05 AM');
  assert.equal(formatListTime('2023-12-31T20:00:00Z', NOW, 'zh-Hans', CN), '1月1日 04:00');
  assert.equal(formatListTime('2023-06-01T02:00:00Z', NOW, 'zh-Hant', CN), '2023年6月1日');
  assert.equal(formatListTime('2023-06-01T02:00:00Z', NOW, 'en', CN), 'Jun 1, 2023');
});

test('a time that does not parse shows nothing', () => {
  assert.equal(formatListTime('not a time', NOW, 'en', CN), '');
});
