/** Where a worker thread's script is: beside the module that starts it. */
import { existsSync } from 'node:fs';

/**
 * `<name>.ts` beside `from` (an `import.meta.url`) when run from source, or the bundle's
 * `<name>.mjs` (dist/cli) or `<name>.cjs` (dist/main) beside the bundle that holds it.
 */
export function workerScript(name: string, from: string): URL {
  for (const extension of ['.ts', '.mjs', '.cjs']) {
    const url = new URL(`./${name}${extension}`, from);
    if (existsSync(url)) return url;
  }
  throw new Error(`the worker script ${name} is missing`);
}
