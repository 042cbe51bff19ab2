import { UserError } from '../util/errors.ts';

/**
 * A base URL must be `scheme://host[:port][/path]`: credentials, a query or a fragment in it would be sent with
 * every request and echoed in messages — an access token put there by mistake would leak. Refused with a
 * message that shows only the origin, never the rest.
 */
export function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UserError('invalid base URL (not shown: it may hold a credential)');
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    baseUrl.includes('?') ||
    baseUrl.includes('#')
  ) {
    throw new UserError(
      `the base URL ${url.protocol}//${url.host}/… must not carry credentials, a query or a fragment: pass the token in INTERCOM_ACCESS_TOKEN`,
    );
  }
}
