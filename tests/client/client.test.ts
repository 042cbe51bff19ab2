import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { VersionPaths } from '../../generated/versions.d.ts';
import { createIntercomClient } from '../../src/client/index.ts';
import { REGION_BASE_URLS, resolveBaseUrl } from '../../src/client/regions.ts';

function recordingFetch() {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request);
    return new Response(JSON.stringify({ type: 'conversation', id: '1' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

describe('createIntercomClient', () => {
  it('sends the bearer token, the Intercom-Version and Accept headers to the version path', async () => {
    const { seen, fetch } = recordingFetch();
    const client = createIntercomClient({
      apiVersion: '2.11',
      token: 'tok_123',
      baseUrl: 'http://127.0.0.1:1/',
      fetch,
    });
    const { data } = await client.GET('/conversations/{conversation_id}', {
      params: { path: { conversation_id: '42' } },
    });
    expect(data).toMatchObject({ id: '1' });
    const [request] = seen;
    expect(request!.url).toBe('http://127.0.0.1:1/conversations/42');
    expect(request!.headers.get('authorization')).toBe('Bearer tok_123');
    expect(request!.headers.get('intercom-version')).toBe('2.11');
    expect(request!.headers.get('accept')).toBe('application/json');
  });

  it('sends Intercom-Version: Preview for the Preview description (upstream folder 0)', async () => {
    const { seen, fetch } = recordingFetch();
    const client = createIntercomClient({
      apiVersion: 'Preview',
      token: 't',
      baseUrl: 'http://127.0.0.1:1/',
      fetch,
    });
    await client.GET('/conversations/{id}', { params: { path: { id: 42 } } });
    expect(seen[0]!.headers.get('intercom-version')).toBe('Preview');
  });

  it("uses 2.10's own path parameter names", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createIntercomClient({ apiVersion: '2.10', token: 't', region: 'eu', fetch });
    // 2.10 types this path parameter as an integer (2.11: a string named conversation_id).
    await client.GET('/conversations/{id}', {
      params: { path: { id: 7 }, query: { display_as: 'plaintext' } },
    });
    expect(seen[0]!.url).toBe('https://api.eu.intercom.io/conversations/7?display_as=plaintext');
    expect(seen[0]!.headers.get('intercom-version')).toBe('2.10');
  });

  it('knows the three regions and refuses unknown ones in one line', () => {
    expect(REGION_BASE_URLS).toEqual({
      us: 'https://api.intercom.io',
      eu: 'https://api.eu.intercom.io',
      au: 'https://api.au.intercom.io',
    });
    expect(resolveBaseUrl({})).toBe('https://api.intercom.io');
    expect(resolveBaseUrl({ region: 'au' })).toBe('https://api.au.intercom.io');
    expect(() => resolveBaseUrl({ region: 'mars' })).toThrow('unknown region "mars" (us, eu, au)');
    expect(() => createIntercomClient({ apiVersion: '2.11', token: '' })).toThrow('no access token given');
  });

  it('types paths and parameter names per version (checked by tsc --noEmit)', () => {
    const { fetch } = recordingFetch();
    const v210 = createIntercomClient({ apiVersion: '2.10', token: 't', fetch });
    const v211 = createIntercomClient({ apiVersion: '2.11', token: 't', fetch });
    const typeOnly = () => {
      // @ts-expect-error 2.10's retrieve has no conversation_id parameter
      v210.GET('/conversations/{id}', { params: { path: { conversation_id: 1 } } });
      // @ts-expect-error 2.10 has no /conversations/{conversation_id} path
      v210.GET('/conversations/{conversation_id}', { params: { path: { conversation_id: '1' } } });
      // @ts-expect-error 2.11's retrieve names it conversation_id
      v211.GET('/conversations/{conversation_id}', { params: { path: { id: '1' } } });
      // @ts-expect-error per_page is a number
      v211.GET('/conversations', { params: { query: { per_page: '20' } } });
      v211.DELETE('/conversations/{conversation_id}/tags/{tag_id}', {
        params: { path: { conversation_id: '1', tag_id: '2' } },
        body: { admin_id: '3' },
      });
    };
    expect(typeof typeOnly).toBe('function');
    type GetPaths210 = PathsWithMethod<VersionPaths['2.10'], 'get'>;
    type GetPaths211 = PathsWithMethod<VersionPaths['2.11'], 'get'>;
    expectTypeOf<'/conversations/{id}'>().toExtend<GetPaths210>();
    expectTypeOf<'/conversations/{conversation_id}'>().not.toExtend<GetPaths210>();
    expectTypeOf<'/conversations/{conversation_id}'>().toExtend<GetPaths211>();
    expectTypeOf<'/conversations/{id}'>().not.toExtend<GetPaths211>();
  });
});
