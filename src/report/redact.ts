/**
 * Redaction of values shown in reports: customer data is masked (unless `redact: false`, i.e. `--no-redact`),
 * long values are truncated deterministically, and secrets (the access token) are scrubbed from any text.
 */

export interface RedactOptions {
  /** Mask customer data (emails, names, bodies, URLs, phone numbers). `false` only for private debugging. */
  redact: boolean;
  /** Longest string shown, in characters (default 200). */
  maxLength?: number;
  /** Most array items shown (default 20). */
  maxItems?: number;
  /** Most object properties shown (default 30). */
  maxKeys?: number;
  /** Deepest nesting shown (default 6). */
  maxDepth?: number;
  /** The property name the value sits under (e.g. the last segment of a finding's instancePath). */
  key?: string;
}

/** Properties whose string values are customer data wherever they occur. */
const SENSITIVE_KEYS = new Set([
  'name',
  'first_name',
  'last_name',
  'pseudonym',
  'email',
  'emails',
  'phone',
  'body',
  'subject',
  'remark',
  'rating_remark',
  'title',
  'url',
  'image_url',
  'avatar',
  'external_id',
  'address',
  'city_name',
  'postal_code',
  'ip',
  'notes',
]);
const SENSITIVE_SUFFIXES = ['_email', '_name', '_phone', '_url', '_body', '_remark'];

function isSensitiveKey(key: string | undefined): boolean {
  if (key === undefined) return false;
  const k = key.toLowerCase();
  return SENSITIVE_KEYS.has(k) || SENSITIVE_SUFFIXES.some((s) => k.endsWith(s));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL_RE = /\b(?:https?|ftp):\/\/[^\s"'<>]+|\bwww\.[^\s"'<>]+/gi;
const PHONE = /(?:\+\d[\d ().-]{6,}\d)|(?:\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b)/g;

/** Masks emails, URLs and phone numbers inside free text; everything else (ids, enum values) stays. */
export function maskText(text: string): string {
  return text.replace(URL_RE, '[url]').replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** The property a value sits under, from an Ajv instancePath (`/source/author/email` → `email`). */
export function propertyNameOf(instancePath: string | undefined): string | undefined {
  if (!instancePath) return undefined;
  const tokens = instancePath.split('/').slice(1).reverse();
  const token = tokens.find((t) => !/^\d+$/.test(t));
  return token?.replace(/~1/g, '/').replace(/~0/g, '~');
}

function truncateString(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max).join('')}…(+${chars.length - max} more chars)`;
}

/**
 * A copy of `value` fit to show in a report: customer data masked (when `redact`), strings, arrays and objects
 * truncated with a `…(+N more …)` marker, nesting cut at `maxDepth`. Deterministic: same input, same output.
 */
export function redactValue(value: unknown, options: RedactOptions): unknown {
  const maxLength = options.maxLength ?? 200;
  const maxItems = options.maxItems ?? 20;
  const maxKeys = options.maxKeys ?? 30;
  const maxDepth = options.maxDepth ?? 6;
  const visit = (v: unknown, key: string | undefined, depth: number): unknown => {
    if (typeof v === 'string') {
      if (options.redact && isSensitiveKey(key) && v !== '')
        return `[redacted: ${Array.from(v).length} chars]`;
      return truncateString(options.redact ? maskText(v) : v, maxLength);
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth >= maxDepth) return Array.isArray(v) ? '[…]' : '{…}';
    if (Array.isArray(v)) {
      const shown = v.slice(0, maxItems).map((item) => visit(item, key, depth + 1));
      return v.length > maxItems ? [...shown, `…(+${v.length - maxItems} more items)`] : shown;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    // Built with defineProperty-like semantics (fromEntries): a `__proto__` key stays data, never a prototype.
    const kept: Array<[string, unknown]> = entries
      .slice(0, maxKeys)
      .map(([k, child]) => [k, visit(child, k, depth + 1)]);
    if (entries.length > maxKeys) kept.push(['…', `(+${entries.length - maxKeys} more keys)`]);
    return Object.fromEntries(kept);
  };
  return visit(value, options.key, 0);
}

const REPLACEMENT = '[REDACTED]';

function escapeMarkup(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The base64 characters that depend on `bytes` alone when they are encoded after `offset` (0, 1 or 2) other
 * bytes, whatever those are and whatever follows: any base64 text holding these bytes at that alignment holds
 * this core (a token behind `Bearer `, inside `{"token":"…"}` or after any prefix).
 */
function base64Core(bytes: Buffer, offset: number): string {
  const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
  const full = padded.toString('base64').replace(/=+$/, '');
  const n = padded.length;
  // characters up to the last one made of these bytes only (6 bits each, groups of 3 bytes → 4 characters)
  const end = Math.floor((n * 8) / 6);
  // the first characters mix in the bits of the bytes before
  const start = Math.ceil((offset * 8) / 6);
  return full.slice(start, end);
}

/** A form of the text with every byte escaped: `%74%6F…`, `\u0074\u006f…`. */
function everyByte(text: string, each: (byte: number) => string): string {
  return [...Buffer.from(text, 'utf8')].map(each).join('');
}

/**
 * Every form in which a secret may show up in text: plain; URL-encoded (also every byte, either case); JSON- and
 * HTML-escaped (also every character as `\uXXXX`); hex (either case); base64 and base64url at every alignment
 * with any prefix or suffix (`Bearer <token>`, `<token>:`, `{"token":"<token>"}`), also of the URL-encoded and
 * JSON-escaped forms. Short tokens included; base64 cores shorter than 4 characters are left out (they would
 * match everywhere).
 */
export function secretVariants(secret: string): string[] {
  if (secret === '') return [];
  const encoded = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  const variants = [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    encoded.replace(/%20/g, '+'),
    everyByte(secret, (b) => `%${hex(b).toUpperCase()}`),
    everyByte(secret, (b) => `%${hex(b)}`),
    json,
    [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`).join(''),
    escapeMarkup(secret),
    escapeMarkup(json),
    Buffer.from(secret, 'utf8').toString('hex'),
    Buffer.from(secret, 'utf8').toString('hex').toUpperCase(),
  ];
  // whole encodings (also caught by the cores below; kept so that a search for them finds them too)
  for (const form of [secret, `${secret}:`, `:${secret}`]) {
    const std = Buffer.from(form, 'utf8').toString('base64');
    variants.push(
      std,
      std.replace(/=+$/, ''),
      std.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    );
  }
  for (const form of new Set([secret, encoded, json])) {
    for (const offset of [0, 1, 2]) {
      const core = base64Core(Buffer.from(form, 'utf8'), offset);
      if (core.length < 4) continue;
      variants.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...new Set(variants.filter((v) => v !== ''))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
}

/** Replaces every occurrence of any secret (in any of its forms) with `[REDACTED]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const variant of variantsOf(secrets)) {
    if (out.includes(variant)) out = out.split(variant).join(REPLACEMENT);
  }
  return out;
}

/** The variants of a set of secrets, longest first: computed once per set (a deep scrub visits every string). */
const VARIANTS = new Map<string, string[]>();
function variantsOf(secrets: readonly string[]): string[] {
  const key = secrets.join('\u0000');
  let variants = VARIANTS.get(key);
  if (!variants) {
    variants = [...new Set(secrets.flatMap(secretVariants))].sort((a, b) => b.length - a.length);
    if (VARIANTS.size > 16) VARIANTS.clear();
    VARIANTS.set(key, variants);
  }
  return variants;
}

/** A deep copy of a JSON value with `scrubSecrets` applied to every string (keys included). */
export function scrubSecretsDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.every((s) => s === '')) return value;
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubSecrets(v, secrets);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(visit);
    return Object.fromEntries(
      Object.entries(v).map(([k, child]) => [scrubSecrets(k, secrets), visit(child)]),
    );
  };
  return visit(value) as T;
}
