/** A fetch-shaped function: what every layer takes and returns. */
export type FetchFn = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** One piece of the pipeline: wraps the next fetch. */
export type Layer = (next: FetchFn) => FetchFn;

/** Composes layers around a base fetch; the first layer is the outermost. */
export function compose(base: FetchFn, layers: Layer[]): FetchFn {
  return layers.reduceRight<FetchFn>((next, layer) => layer(next), base);
}

export function methodOf(input: RequestInfo | URL, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

export function signalOf(input: RequestInfo | URL, init?: RequestInit): AbortSignal | undefined {
  return init?.signal ?? (input instanceof Request ? input.signal : undefined);
}
