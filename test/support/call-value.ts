/** A call's value, or the test fails with the library's error code and message. */
import assert from 'node:assert/strict';
import type { CallResult } from '../../app/shared/errors.ts';

export function value<T>(result: CallResult<T>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
