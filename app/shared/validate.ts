import * as v from 'valibot';
import { NEWS_API_ARGS, isNewsMethod, type NewsApi, type NewsMethod } from './contract.ts';
import { NewsApiError } from './errors.ts';

/**
 * Checks a method name and its raw argument list, as received from any transport, and returns
 * the typed arguments. Throws NewsApiError (UNKNOWN_METHOD or BAD_ARGUMENT) with a message a
 * developer can act on.
 */
export function parseCall<K extends NewsMethod>(method: K, args: unknown): Parameters<NewsApi[K]>;
export function parseCall(method: unknown, args: unknown): unknown[];
export function parseCall(method: unknown, args: unknown): unknown[] {
  if (!isNewsMethod(method)) {
    throw new NewsApiError(
      'UNKNOWN_METHOD',
      `There is no method called ${JSON.stringify(method)}.`,
    );
  }
  const schema = NEWS_API_ARGS[method];
  const result = v.safeParse(schema, args);
  if (!result.success) {
    const issues = result.issues
      .slice(0, 3)
      .map((issue) => {
        const path = v.getDotPath(issue);
        if (path === null) return issue.message;
        // "0.region" → "argument 1, region"
        const [index, ...rest] = path.split('.');
        const where = `argument ${Number(index) + 1}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`;
        return `${where} ${issue.message}`;
      })
      .join('; ');
    throw new NewsApiError('BAD_ARGUMENT', `Bad arguments for ${method}: ${issues}`);
  }
  return result.output;
}
