/** Time as the pipeline sees it: injectable, so that tests never wait for real. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) for jitter. */
  random(): number;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}

export const realClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/** A clock whose sleep only advances its own time (tests): returns it with the list of waits asked for. */
export function manualClock(
  start = 1_800_000_000_000,
): Clock & { waits: number[]; advance(ms: number): void } {
  let t = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    random: () => 0.5,
    advance(ms) {
      t += ms;
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      waits.push(ms);
      t += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}
