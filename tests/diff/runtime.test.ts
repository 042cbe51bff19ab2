import { describe, expect, it } from 'vitest';
import { comparePayloads, renderRuntimeDifference, shapeOf } from '../../src/diff/runtime.ts';

const labels = { a: '2.10', b: '2.11' };

const conversation = (id: string, version: 'a' | 'b') =>
  version === 'a'
    ? {
        type: 'conversation',
        id,
        title: null,
        tags: { type: 'tag.list', tags: [{ id: '7', name: 'vip' }] },
        custom_attributes: {},
      }
    : {
        type: 'conversation',
        id,
        title: 'Hello',
        tags: { type: 'tag.list', tags: [{ id: '7' }] },
        ai_agent: null,
        custom_attributes: {},
      };

describe('runtime payload comparison', () => {
  it('collects every path with its JSON types, array indices as *', () => {
    expect(
      [...shapeOf({ a: [1, 'x', { 'b/c': true }], d: null })].map(([p, t]) => [p, [...t].sort()]),
    ).toEqual([
      ['', ['object']],
      ['/a', ['array']],
      ['/a/*', ['number', 'object', 'string']],
      ['/a/*/b~1c', ['boolean']],
      ['/d', ['null']],
    ]);
  });

  it('reports properties only one version returned, and differing types, aggregated with counts', () => {
    const diffs = comparePayloads(
      [
        { key: 'retrieveConversation 2', a: conversation('2', 'a'), b: conversation('2', 'b') },
        { key: 'retrieveConversation 1', a: conversation('1', 'a'), b: conversation('1', 'b') },
      ],
      labels,
    );
    expect(diffs).toEqual([
      {
        kind: 'values-differ',
        path: '/title',
        a: { label: '2.10', types: ['null'] },
        b: { label: '2.11', types: ['string'] },
        count: 2,
        keys: ['retrieveConversation 1', 'retrieveConversation 2'],
        values: [{ a: null, b: 'Hello', count: 2 }],
        unchanged: 0,
      },
      {
        kind: 'only-in-a',
        path: '/tags/tags/*/name',
        a: { label: '2.10', types: ['string'] },
        b: { label: '2.11', types: [] },
        count: 2,
        keys: ['retrieveConversation 1', 'retrieveConversation 2'],
      },
      {
        kind: 'only-in-b',
        path: '/ai_agent',
        a: { label: '2.10', types: [] },
        b: { label: '2.11', types: ['null'] },
        count: 2,
        keys: ['retrieveConversation 1', 'retrieveConversation 2'],
      },
      {
        kind: 'type-differs',
        path: '/title',
        a: { label: '2.10', types: ['null'] },
        b: { label: '2.11', types: ['string'] },
        count: 2,
        keys: ['retrieveConversation 1', 'retrieveConversation 2'],
      },
    ]);
  });

  it('does not blame the data: fewer array items or a null parent are not missing properties', () => {
    expect(comparePayloads([{ key: 'k', a: { tags: [] }, b: { tags: [{ id: '1' }] } }], labels)).toEqual([]);
    expect(comparePayloads([{ key: 'k', a: { ai: null }, b: { ai: { id: '1' } } }], labels)).toEqual([
      {
        kind: 'type-differs',
        path: '/ai',
        a: { label: '2.10', types: ['null'] },
        b: { label: '2.11', types: ['object'] },
        count: 1,
        keys: ['k'],
      },
    ]);
  });

  it('finds nothing in identical payloads, and renders one line per difference', () => {
    expect(
      comparePayloads([{ key: 'k', a: conversation('1', 'a'), b: conversation('1', 'a') }], labels),
    ).toEqual([]);
    const diffs = comparePayloads([{ key: 'k', a: { x: 1 }, b: { x: '1' } }], labels);
    expect(diffs.map(renderRuntimeDifference)).toEqual([
      '/x: 2.10 → 2.11 1 → "1" ×1 (unchanged in 0) — 1 payload pair',
      '/x: 2.10 returned number, 2.11 returned string — 1 payload pair',
    ]);
  });

  it('maps values: for each old value, which new values the same resources carry, with counts', () => {
    const pairs = [
      ['1', 'priority', 'urgent', null, 0],
      ['2', 'priority', 'urgent', 7, 7],
      ['3', 'not_priority', 'none', null, 0],
      ['4', 'not_priority', 'none', null, 0],
      ['5', 'not_priority', 'low', 9, 9],
    ].map(([id, pa, pb, aa, ab]) => ({
      key: `listConversations ${id}`,
      a: { id, priority: pa, admin_assignee_id: aa, source: { body: `<p>secret text ${id}</p>` } },
      b: { id, priority: pb, admin_assignee_id: ab, source: { body: `<p>other text ${id}</p>` } },
    }));
    const byPath = Object.fromEntries(
      comparePayloads(pairs, { a: '2.15', b: '2.16' })
        .filter((d) => d.kind === 'values-differ')
        .map((d) => [d.path, d]),
    );
    expect(byPath['/priority']).toMatchObject({
      count: 5,
      unchanged: 0,
      values: [
        { a: 'not_priority', b: 'none', count: 2 },
        { a: 'priority', b: 'urgent', count: 2 },
        { a: 'not_priority', b: 'low', count: 1 },
      ],
    });
    expect(byPath['/admin_assignee_id']).toMatchObject({
      count: 3,
      unchanged: 2,
      values: [{ a: null, b: 0, count: 3 }],
    });
    // free text is customer data: counted, never shown
    expect(byPath['/source/body']).toMatchObject({ count: 5, values: [], more: 5 });
    expect(renderRuntimeDifference(byPath['/source/body']!)).toBe(
      '/source/body: 2.15 → 2.16 5 distinct changes (not shown) (unchanged in 0) — 5 payload pairs',
    );
    expect(JSON.stringify(byPath)).not.toContain('secret');
  });
});
