import { abortReason } from './clock.ts';
import { classifyFailure } from './errors.ts';
import { type Layer, signalOf } from './types.ts';

/** At most `limit` requests at a time; the others wait in order (an abort takes a waiter out of the queue). */
export class Semaphore {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  /** The most requests that ran at once (tests and benchmarks read it). */
  peak = 0;

  constructor(readonly limit: number) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.active < this.limit) {
      this.enter();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', onAbort);
        this.enter();
        resolve();
      };
      const onAbort = () => {
        const i = this.queue.indexOf(go);
        if (i >= 0) this.queue.splice(i, 1);
        reject(abortReason(signal!));
      };
      this.queue.push(go);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    this.active--;
    this.queue.shift()?.();
  }

  private enter(): void {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
  }
}

export function withConcurrency(semaphore: Semaphore): Layer {
  return (next) => async (input, init) => {
    try {
      await semaphore.acquire(signalOf(input, init));
    } catch (error) {
      throw classifyFailure(error);
    }
    try {
      return await next(input, init);
    } finally {
      semaphore.release();
    }
  };
}
