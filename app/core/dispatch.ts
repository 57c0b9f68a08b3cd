import type { NewsApi } from '../shared/contract.ts';
import { NewsApiError, type CallResult } from '../shared/errors.ts';
import { parseCall } from '../shared/validate.ts';
import { createLogger } from './log.ts';

const log = createLogger('dispatch');

/**
 * One call from an untrusted transport (IPC or HTTP): validate the method and its arguments,
 * call the service, and return the result or a typed error as plain data. Never throws.
 * Unexpected failures are logged in full and reported without internals.
 */
export async function dispatch(
  api: NewsApi,
  method: unknown,
  args: unknown,
): Promise<CallResult<unknown>> {
  try {
    const parsed = parseCall(method, args);
    const call = (api[method as keyof NewsApi] as (...a: unknown[]) => Promise<unknown>).bind(api);
    const value = await call(...parsed);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof NewsApiError) return { ok: false, error: error.toPayload() };
    log.error(`${String(method)} failed`, error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app; see the log.' },
    };
  }
}
