import * as v from 'valibot';
import { NEWS_API_ARGS, isNewsMethod, type NewsApi, type NewsMethod } from './contract.ts';
import { clip, NewsApiError } from './errors.ts';

/**
 * Checks a method name and its raw argument list, as received from any transport, and returns
 * the typed arguments. Throws NewsApiError (UNKNOWN_METHOD or BAD_ARGUMENT) with a message a
 * developer can act on.
 */
export function parseCall<K extends NewsMethod>(method: K, args: unknown): Parameters<NewsApi[K]>;
export function parseCall(method: unknown, args: unknown): unknown[];
export function parseCall(method: unknown, args: unknown): unknown[] {
  if (!isNewsMethod(method)) {
    const name =
      typeof method === 'string' && method.length <= 64 ? JSON.stringify(method) : kindOf(method);
    throw new NewsApiError('UNKNOWN_METHOD', `There is no method called ${name}.`);
  }
  const schema = NEWS_API_ARGS[method];
  const result = v.safeParse(schema, args);
  if (!result.success) {
    const issues = result.issues
      .slice(0, 3)
      .map((issue) => {
        const path = v.getDotPath(issue);
        const message = boundedMessage(issue);
        if (path === null) return message;
        // "0.region" → "argument 1, region"
        const [index, ...rest] = path.split('.');
        const where = `argument ${Number(index) + 1}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`;
        return `${where} ${message}`;
      })
      .join('; ');
    throw new NewsApiError('BAD_ARGUMENT', `Bad arguments for ${method}: ${issues}`);
  }
  return result.output;
}

/** Past this, an issue's message is rebuilt without the input it quotes. */
const MAX_ISSUE_CHARS = 200;

/**
 * valibot's message quotes the value it received: a 250 MB string came back in a 250 MB error.
 * Its length is known without building it (a rope), so a long one is replaced by words about
 * the value instead of the value.
 */
function boundedMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.message.length <= MAX_ISSUE_CHARS) return issue.message;
  const what = issue.kind === 'schema' ? 'Invalid type' : 'Invalid value';
  return `${what}: Expected ${clip(issue.expected ?? 'something else')} but received ${kindOf(issue.input)}`;
}

/** A value described by its kind and size, never by its contents. */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : typeof value;
}
