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
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), timeoutMs);
    const signal = caller ? AbortSignal.any([caller, timer.signal]) : timer.signal;
    try {
      return await next(input, { ...init, signal });
    } catch (error) {
      if (caller?.aborted) throw new TransportError('interrupted', 'interrupted');
      if (timer.signal.aborted) throw new TransportError('timeout', `timeout after ${timeoutMs} ms`);
      throw classifyFailure(error);
    } finally {
      clearTimeout(handle);
    }
  };
}
