import { describe, expect, it } from 'vitest';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { applyOverlay, type QuirkOverlay, validateOverlay } from '../../src/quirks/overlay.ts';
import { loadOverlay } from '../../src/quirks/registry.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';

const quirk = { id: 'q', summary: 's', source: 'docs' };
const doc = {
  components: {
    schemas: {
      t: { type: 'object', required: ['a', 'topics'], properties: { a: { $ref: '#/x', nullable: true } } },
    },
  },
};

describe('Overlay 1.0 application', () => {
  it('merges updates, removes nodes (array items too) and records what each action touched', () => {
    const overlay: QuirkOverlay = {
      overlay: '1.0.0',
      info: { title: 't', version: '1' },
      actions: [
        { target: "$.components.schemas.t.required[?(@ == 'topics')]", remove: true, 'x-quirk': quirk },
        { target: '$.components.schemas.t.properties.a', remove: true, 'x-quirk': quirk },
        {
          target: '$.components.schemas.t.properties',
          update: { a: { anyOf: [{ $ref: '#/x' }] } },
          'x-quirk': quirk,
        },
        { target: '$.components.schemas.t', update: { 'x-note': 1, required: ['b'] }, 'x-quirk': quirk },
        { target: '$.components.schemas.gone', update: { nullable: true }, 'x-quirk': quirk },
      ],
    };
    const { doc: out, applied, unmatched } = applyOverlay(doc, overlay);
    expect(out.components.schemas.t).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { anyOf: [{ $ref: '#/x' }] } },
      'x-note': 1,
    });
    expect(doc.components.schemas.t.required).toEqual(['a', 'topics']);
    expect(applied.map((a) => a.touched)).toEqual([
      ['#/components/schemas/t/required/1'],
      ['#/components/schemas/t/properties/a'],
      ['#/components/schemas/t/properties/a'],
      ['#/components/schemas/t/x-note', '#/components/schemas/t/required'],
    ]);
    expect(applied[3]!.data).toEqual({ 'x-note': 1 });
    expect(unmatched.map((u) => u.target)).toEqual(['$.components.schemas.gone']);
  });

  it('refuses actions without quirk provenance', () => {
    expect(() =>
      validateOverlay({ overlay: '1.0.0', info: {}, actions: [{ target: '$.a', update: {} }] }, 'x.yaml'),
    ).toThrow('x.yaml: action 0 ($.a) has no x-quirk { id, summary, source }');
    expect(() => validateOverlay({ openapi: '3.0.1' }, 'x.yaml')).toThrow(/not an Overlay 1\.x document/);
  });

  it.each(lockedVersions())(
    'every action of the quirks declared for %s applies to the pinned description',
    (version) => {
      expect(loadOverlay(version)).toBeDefined();
      expect(loadArtifacts(version).quirks()!.registry.unmatched).toEqual([]);
    },
  );

  it('names every quirk with a source', () => {
    for (const version of lockedVersions()) {
      for (const q of loadArtifacts(version).quirks()!.registry.quirks) {
        expect(q.source.length, q.id).toBeGreaterThan(10);
        expect(q.targets.length, q.id).toBeGreaterThan(0);
      }
    }
  });
});
