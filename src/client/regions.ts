import { UserError } from '../util/errors.ts';

/** Intercom's regional API hosts. */
export const REGION_BASE_URLS = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
} as const;

export type Region = keyof typeof REGION_BASE_URLS;

function isRegion(value: string): value is Region {
  return Object.hasOwn(REGION_BASE_URLS, value);
}

/** The base URL from an explicit URL, else a region (default us). */
export function resolveBaseUrl(options: { baseUrl?: string; region?: string }): string {
  if (options.baseUrl) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new UserError(`invalid base URL "${options.baseUrl}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new UserError(`unsupported base URL scheme ${url.protocol}`);
    return options.baseUrl.replace(/\/+$/, '');
  }
  const region = (options.region ?? 'us').toLowerCase();
  if (!isRegion(region)) throw new UserError(`unknown region "${options.region}" (us, eu, au)`);
  return REGION_BASE_URLS[region];
}
