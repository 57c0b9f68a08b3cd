import type { NewsApi } from '../shared/contract.ts';
import { NewsApiError, type CallResult } from '../shared/errors.ts';
import { parseCall } from '../shared/validate.ts';
import { createLogger } from './log.ts';

const log = createLogger('dispatch');

/**
 * One call from an untrusted transport (IPC, HTTP, a message port): validate the method and its arguments,
 * call the service, and return the result or a typed error as plain data. Never throws.
 * Unexpected failures are logged in full and reported without internals.
 */
export async function dispatch(
  api: Partial<NewsApi>,
  method: unknown,
  args: unknown,
): Promise<CallResult<unknown>> {
  try {
    const parsed = parseCall(method, args);
    // A part of the contract (the reader's connection answers its reads only) is given only the
    // methods routed to it: one missing here is a routing bug, reported as such.
    const found = api[method as keyof NewsApi] as
      ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (found === undefined)
      throw new Error(`${String(method)} was routed where it is not answered`);
    const value = await found.apply(api, parsed);
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
