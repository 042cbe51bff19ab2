import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { VersionPaths } from '../../generated/versions.d.ts';
import { intercomVersionHeader } from '../descriptions/versions.ts';
import { UserError } from '../util/errors.ts';
import { resolveBaseUrl } from './regions.ts';

export type ApiVersion = keyof VersionPaths & string;

export interface ClientOptions<V extends ApiVersion> {
  apiVersion: V;
  token: string;
  /** Explicit base URL (e.g. the mock's `http://127.0.0.1:PORT`); wins over `region`. */
  baseUrl?: string;
  region?: 'us' | 'eu' | 'au';
  /** Injected fetch (tests, recording, retries). */
  fetch?: typeof globalThis.fetch;
  middleware?: Middleware[];
}

export type IntercomClient<V extends ApiVersion> = Client<VersionPaths[V], 'application/json'>;

/**
 * A typed client for one API version, built on openapi-fetch with that version's generated `paths`:
 * paths, parameter names and bodies are checked at compile time (2.10's retrieve takes `id`, 2.11's
 * `conversation_id`). Every request carries the bearer token, `Intercom-Version` and `Accept: application/json`.
 */
export function createIntercomClient<V extends ApiVersion>(options: ClientOptions<V>): IntercomClient<V> {
  if (!options.token) throw new UserError('no access token given');
  const client = createClient<VersionPaths[V], 'application/json'>({
    baseUrl: resolveBaseUrl(options),
    headers: {
      Authorization: `Bearer ${options.token}`,
      'Intercom-Version': intercomVersionHeader(options.apiVersion),
      Accept: 'application/json',
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const mw of options.middleware ?? []) client.use(mw);
  return client;
}
