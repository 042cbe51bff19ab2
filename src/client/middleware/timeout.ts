import { classifyFailure, TransportError } from './errors.ts';
import { type Layer, signalOf } from './types.ts';

/**
 * A deadline per attempt, covering the headers and the whole body (the body is read inside this layer, see
 * `withBufferedBody`). An abort of the caller's own signal is an interruption, not a timeout.
 */
export function withTimeout(timeoutMs: number): Layer {
  return (next) => async (input, init) => {
    const caller = signalOf(input, init);
    if (caller?.aborted) throw new TransportError('interrupted', 'interrupted');
    // One controller for both causes; the listener on the caller's signal is removed afterwards (a
    // long-lived run signal would otherwise keep a reference per request, as AbortSignal.any does).
    const controller = new AbortController();
    let timedOut = false;
    const handle = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    caller?.addEventListener('abort', onAbort, { once: true });
    try {
      return await next(input, { ...init, signal: controller.signal });
    } catch (error) {
      if (caller?.aborted) throw new TransportError('interrupted', 'interrupted');
      if (timedOut) throw new TransportError('timeout', `timeout after ${timeoutMs} ms`);
      throw classifyFailure(error);
    } finally {
      clearTimeout(handle);
      caller?.removeEventListener('abort', onAbort);
    }
  };
}
