import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/mock/http/cursor.ts';
import { pageOf, parsePerPage } from '../../src/mock/http/pagination.ts';

describe('cursor', () => {
  it('round-trips within its workspace', () => {
    const c = encodeCursor(1, 200, { after: 39, page: 2 });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(1, 200, c)).toEqual({ ok: true, cursor: { after: 39, page: 2 } });
  });

  it.each([
    ['garbage', 'not!base64', 'is not a cursor this API issued'],
    [
      'base64 of something else',
      Buffer.from('hello').toString('base64url'),
      'is not a cursor this API issued',
    ],
    ['another seed', encodeCursor(2, 200, { after: 39, page: 2 }), 'belongs to another workspace'],
    ['another size', encodeCursor(1, 300, { after: 39, page: 2 }), 'belongs to another workspace'],
    ['past the end', encodeCursor(1, 200, { after: 199, page: 10 }), 'is stale (no conversation after it)'],
  ])('refuses %s', (_, text, reason) => {
    expect(decodeCursor(1, 200, text)).toEqual({ ok: false, reason });
  });
});

describe('pagination', () => {
  it.each([
    [null, 'clamp', 20],
    ['1', 'reject', 1],
    ['150', 'reject', 150],
    ['151', 'clamp', 150],
    ['999999', 'clamp', 150],
  ] as const)('per_page %s (%s) → %i', (raw, overflow, n) => {
    expect(parsePerPage(raw, overflow)).toEqual({ ok: true, perPage: n });
  });

  it.each([['151'], ['0'], ['-3'], ['2.5'], ['']])('per_page %j is refused under reject', (raw) => {
    expect(parsePerPage(raw, 'reject').ok).toBe(false);
  });

  it('pages: next only when more remain, page numbers follow the cursor', () => {
    const first = pageOf(1, 45, new URLSearchParams('per_page=20'), 'clamp');
    expect(first).toMatchObject({ ok: true, value: { start: 0, end: 20, page: { page: 1, totalPages: 3 } } });
    const next = first.ok ? first.value.page.next! : '';
    const third = pageOf(
      1,
      45,
      new URLSearchParams(`per_page=20&starting_after=${encodeCursor(1, 45, { after: 39, page: 2 })}`),
      'clamp',
    );
    expect(third).toMatchObject({ ok: true, value: { start: 40, end: 45, page: { page: 3 } } });
    expect(third.ok && third.value.page.next).toBeUndefined();
    expect(decodeCursor(1, 45, next)).toEqual({ ok: true, cursor: { after: 19, page: 1 } });
  });
});
