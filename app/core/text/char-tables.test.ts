import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tables from './char-tables.generated.ts';
import { foldPairs, renderCharTables, scriptChars } from './opencc-chars.ts';

test('the generated character tables are what the installed opencc-js says', () => {
  const fold = foldPairs();
  const script = scriptChars();
  const stale = 'char-tables.generated.ts is stale: run `npm run gen:char-tables`';
  assert.equal(tables.FOLD_FROM, fold.from, stale);
  assert.equal(tables.FOLD_TO, fold.to, stale);
  assert.equal(tables.TRADITIONAL_ONLY, script.traditional, stale);
  assert.equal(tables.SIMPLIFIED_ONLY, script.simplified, stale);
  // Thousands of characters each, not an empty conversion.
  assert.ok(fold.from.length > 2000 && fold.from.length === fold.to.length);
  assert.ok(script.traditional.length > 1000 && script.simplified.length > 1000);
  assert.ok(renderCharTables().includes(fold.from));
});

test('the tables hold the characters readers know', () => {
  const foldOf = (c: string): string | undefined => tables.FOLD_TO[tables.FOLD_FROM.indexOf(c)];
  assert.equal(foldOf('長'), '长');
  assert.equal(foldOf('發'), '发');
  assert.equal(tables.FOLD_FROM.includes('长'), false);
  assert.ok(tables.TRADITIONAL_ONLY.includes('遼'));
  assert.ok(tables.SIMPLIFIED_ONLY.includes('辽'));
  assert.equal(tables.TRADITIONAL_ONLY.includes('四'), false);
  assert.equal(tables.SIMPLIFIED_ONLY.includes('四'), false);
});
