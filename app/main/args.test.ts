import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionValue } from './args.ts';

test('--sources FILE and --sources=FILE are read; absent is null', () => {
  assert.equal(
    optionValue(['/opt/Heitu/heitu-reader', '--sources', '/tmp/s.json'], 'sources'),
    '/tmp/s.json',
  );
  assert.equal(optionValue(['electron', '.', '--sources=/tmp/s.json'], 'sources'), '/tmp/s.json');
  assert.equal(optionValue(['electron', '.'], 'sources'), null);
  assert.equal(optionValue(['electron', '--sources'], 'sources'), null);
});
