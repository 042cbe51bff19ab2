import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/run/body.ts';
import { firstInvalidUtf8, scanJson } from '../../src/run/json-scan.ts';

/** The scanner on small texts: what JSON.parse hides, with the JSON pointer of the place. */
describe('scanJson', () => {
  it.each([
    ['{"a":1,"b":[1,2,{"c":"x"}]}', []],
    ['{"a":1,"a":2}', ['duplicate-key  key "a" appears more than once']],
    ['{"x":{"a":1,"b":{"a":2},"a":3}}', ['duplicate-key /x key "a" appears more than once']],
    ['{"a~b/c":{"k":1,"k":2}}', ['duplicate-key /a~0b~1c key "k" appears more than once']],
    ['{"\\u0061":1,"a":2}', ['duplicate-key  key "a" appears more than once']],
    ['[{"id":9007199254740991},{"id":9007199254740992}]', ['unsafe-integer /1/id 9007199254740992']],
    [
      '{"id":-9007199254740993,"f":1.5e300,"g":12345678901234567.5}',
      ['unsafe-integer /id -9007199254740993'],
    ],
    [
      '{"__proto__":{"x":1},"y":{"constructor":2}}',
      ['prototype-key /__proto__ a "__proto__" key', 'prototype-key /y/constructor a "constructor" key'],
    ],
    ['{"s":"a \\" \\\\","a":1,"a":2}', ['duplicate-key  key "a" appears more than once']],
    ['{"a":1,', []],
    ['not json', []],
  ])('%s', (text, want) => {
    const { issues } = scanJson(text, 512);
    expect(issues.map((i) => `${i.kind} ${i.path} ${i.detail}`)).toEqual(want);
  });

  it('stops at the depth limit without recursing (100,000 deep)', () => {
    const { issues, tooDeep } = scanJson(`${'[{"a":'.repeat(50_000)}1${'}]'.repeat(50_000)}`, 512);
    expect(tooDeep).toBe(true);
    expect(issues).toEqual([
      { kind: 'too-deep', path: '/0/a/0/a/0/a/0/a', detail: 'nested deeper than 512 levels' },
    ]);
  });

  it('keeps at most 50 issues', () => {
    expect(scanJson(`{${Array.from({ length: 200 }, () => '"k":1').join(',')}}`, 512).issues).toHaveLength(
      50,
    );
  });
});

describe('readBody', () => {
  it.each([
    [[0x7b, 0x7d], -1],
    [[0x22, 0xc3, 0x28, 0x22], 1],
    [[0xe2, 0x82], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
  ])('firstInvalidUtf8(%j) = %d', (bytes, want) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(want);
  });

  it('names an HTML error page, an empty body and a body that is not JSON', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(readBody(enc('<!DOCTYPE html><p>oops</p>'), undefined).notJson).toBe(
      'HTML error page (no content-type) instead of JSON',
    );
    expect(readBody(enc(''), 'application/json').notJson).toBe('empty body instead of JSON');
    expect(readBody(enc('{"a":'), 'application/json').notJson).toMatch(/^not JSON \(/);
    expect(readBody(enc('{"a":1}'), 'application/json')).toEqual({
      bodyText: '{"a":1}',
      body: { a: 1 },
      issues: [],
    });
  });
});
