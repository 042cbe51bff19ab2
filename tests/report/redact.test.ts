import { describe, expect, it } from 'vitest';
import {
  maskText,
  propertyNameOf,
  redactValue,
  scrubSecrets,
  scrubSecretsDeep,
  secretVariants,
} from '../../src/report/redact.ts';

describe('redactValue', () => {
  const cases: Array<{ given: string; value: unknown; options?: Record<string, unknown>; want: unknown }> = [
    { given: 'an enum value', value: 'pending', want: 'pending' },
    { given: 'an id', value: '403918241', want: '403918241' },
    {
      given: 'null, numbers and booleans',
      value: [null, 1719492795, false],
      want: [null, 1719492795, false],
    },
    {
      given: 'an email in free text',
      value: 'assigned to admin143@email.com today',
      want: 'assigned to [email] today',
    },
    {
      given: 'a URL in free text',
      value: 'see https://files.example.com/a/b.png?sig=1 for it',
      want: 'see [url] for it',
    },
    {
      given: 'a phone number',
      value: 'call +353 1 555 0100 or (555) 123-4567',
      want: 'call [phone] or [phone]',
    },
    {
      given: 'a string under a sensitive key',
      value: 'Ciaran143 Lee',
      options: { key: 'name' },
      want: '[redacted: 13 chars]',
    },
    { given: 'an empty subject', value: '', options: { key: 'subject' }, want: '' },
    {
      given: 'an object with customer data',
      value: {
        type: 'admin',
        id: '991267536',
        name: 'Ciaran143 Lee',
        email: 'admin143@email.com',
        avatar: { image_url: 'https://static.intercomassets.com/avatars/1/square_128/x.png' },
        author_email: 'a@b.io',
      },
      want: {
        type: 'admin',
        id: '991267536',
        name: '[redacted: 13 chars]',
        email: '[redacted: 18 chars]',
        avatar: { image_url: '[redacted: 60 chars]' },
        author_email: '[redacted: 6 chars]',
      },
    },
    {
      given: 'a message body (conversation part)',
      value: { part_type: 'comment', body: '<p>my card is 4111 1111 1111 1111</p>' },
      want: { part_type: 'comment', body: '[redacted: 37 chars]' },
    },
    {
      given: 'a sensitive key with redaction off',
      value: { name: 'Ciaran143 Lee', url: 'https://x.io' },
      options: { redact: false },
      want: { name: 'Ciaran143 Lee', url: 'https://x.io' },
    },
    {
      given: 'a long string',
      value: 'x'.repeat(12),
      options: { maxLength: 5 },
      want: 'xxxxx…(+7 more chars)',
    },
    {
      given: 'a long array',
      value: [1, 2, 3, 4, 5],
      options: { maxItems: 2 },
      want: [1, 2, '…(+3 more items)'],
    },
    {
      given: 'a wide object',
      value: { a: 1, b: 2, c: 3 },
      options: { maxKeys: 1 },
      want: { a: 1, '…': '(+2 more keys)' },
    },
    {
      given: 'a deep object',
      value: { a: { b: { c: [1] } } },
      options: { maxDepth: 2 },
      want: { a: { b: '{…}' } },
    },
  ];
  it.each(cases)('given $given', ({ value, options, want }) => {
    expect(redactValue(value, { redact: true, ...options })).toEqual(want);
  });

  it('is deterministic and does not touch its input', () => {
    const value = { emails: ['a@b.io', 'c@d.io'], id: '1' };
    const copy = structuredClone(value);
    expect(redactValue(value, { redact: true })).toEqual(redactValue(value, { redact: true }));
    expect(value).toEqual(copy);
  });

  it('truncates by characters, not UTF-16 units', () => {
    expect(redactValue('😀😀😀', { redact: true, maxLength: 2 })).toBe('😀😀…(+1 more chars)');
  });
});

describe('maskText and propertyNameOf', () => {
  it('leaves text without customer data alone', () => {
    expect(maskText('must be equal to one of the allowed values')).toBe(
      'must be equal to one of the allowed values',
    );
  });
  it.each([
    ['/source/author/email', 'email'],
    ['/conversations/0', 'conversations'],
    ['/tags/tags/3/applied_by/name', 'name'],
    ['/a~1b', 'a/b'],
    ['', undefined],
  ])('the property of %s is %s', (path, want) => {
    expect(propertyNameOf(path)).toBe(want);
  });
});

describe('scrubSecrets', () => {
  const token = 'dG9rOmFiYy9kZWYrZ2hp=';
  it.each([
    ['plain', `Authorization: Bearer ${token}`, 'Authorization: Bearer [REDACTED]'],
    ['URL-encoded', `?access_token=${encodeURIComponent(token)}&x=1`, '?access_token=[REDACTED]&x=1'],
    [
      'URL-encoded, lower-case hex',
      `?t=${encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
      '?t=[REDACTED]',
    ],
    ['base64', `Basic ${Buffer.from(token).toString('base64')}`, 'Basic [REDACTED]'],
    ['base64 Basic credentials', `Basic ${Buffer.from(`${token}:`).toString('base64')}`, 'Basic [REDACTED]'],
    ['twice', `${token}${token}`, '[REDACTED][REDACTED]'],
  ])('removes the %s form', (_, text, want) => {
    expect(scrubSecrets(text, [token])).toBe(want);
  });

  it('removes HTML- and JSON-escaped forms', () => {
    const odd = `a"b<c>&'d\\e`;
    for (const form of secretVariants(odd)) expect(scrubSecrets(`x ${form} y`, [odd])).toBe('x [REDACTED] y');
    expect(secretVariants(odd)).toContain('a&quot;b&lt;c&gt;&amp;&#39;d\\e');
    expect(secretVariants(odd)).toContain('a\\"b<c>&\'d\\\\e');
  });

  it('ignores empty secrets', () => {
    expect(scrubSecrets('abc', ['', ''])).toBe('abc');
  });

  it('scrubs keys and values of a JSON value', () => {
    expect(scrubSecretsDeep({ [token]: [`Bearer ${token}`, 1, null] }, [token])).toEqual({
      '[REDACTED]': ['Bearer [REDACTED]', 1, null],
    });
  });
});

describe('redactValue and hostile keys', () => {
  it('keeps a __proto__ key as data, without touching any prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"x": 1}}, "id": "1"}',
    );
    const out = redactValue(hostile, { redact: true }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'id']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(JSON.parse(JSON.stringify(out)), '__proto__')?.value).toEqual({
      polluted: 'yes',
    });
  });
});
