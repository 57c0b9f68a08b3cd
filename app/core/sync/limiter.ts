/**
 * The fetcher's concurrency limits (per host and in all). Its own module because it knows nothing
 * of HTTP: the fetcher only acquires a slot before a request and releases it after.
 */

/** A counting semaphore whose waiters are served in arrival order and can give up on abort. */
export class Semaphore {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  get idle(): boolean {
    return this.#active === 0 && this.#waiting.length === 0;
  }

  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
    if (signal?.aborted === true) return Promise.reject(onAbort());
    if (this.#active < this.#limit) {
      this.#active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', abandon);
        resolve();
      };
      const abandon = (): void => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        reject(onAbort());
      };
      this.#waiting.push(grant);
      signal?.addEventListener('abort', abandon, { once: true });
    });
  }

  release(): void {
    // The slot passes straight to the next waiter, so #active only drops when nobody waits.
    const next = this.#waiting.shift();
    if (next === undefined) this.#active -= 1;
    else next();
  }
}
