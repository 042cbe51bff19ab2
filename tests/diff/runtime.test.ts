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
    const [first] = comparePayloads([{ key: 'k', a: { x: 1 }, b: { x: '1' } }], labels);
    expect(renderRuntimeDifference(first!)).toBe(
      '/x: 2.10 returned number, 2.11 returned string — 1 payload pair',
    );
  });
});
