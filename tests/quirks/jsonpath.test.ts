import { describe, expect, it } from 'vitest';
import { selectPointers } from '../../src/quirks/jsonpath.ts';

const doc = {
  components: {
    schemas: {
      a: { required: ['x', 'topics'], properties: { 'p/q': { type: 'string' } } },
      b: { required: ['topics'] },
    },
  },
  paths: { '/conversations': { get: { parameters: [{ name: 'per_page' }, { name: 'starting_after' }] } } },
};

describe('the JSONPath subset of the overlays', () => {
  it.each([
    ['$.components.schemas.a', ['#/components/schemas/a']],
    [
      "$.components.schemas['a','b'].required",
      ['#/components/schemas/a/required', '#/components/schemas/b/required'],
    ],
    ["$.components.schemas.a.properties['p/q']", ['#/components/schemas/a/properties/p~1q']],
    [
      "$.components.schemas[*].required[?(@ == 'topics')]",
      ['#/components/schemas/a/required/1', '#/components/schemas/b/required/0'],
    ],
    [
      "$.paths['/conversations'].get.parameters[?(@.name == 'per_page')]",
      ['#/paths/~1conversations/get/parameters/0'],
    ],
    ['$.paths.*.get.parameters[1]', ['#/paths/~1conversations/get/parameters/1']],
    ['$.components.schemas.missing', []],
  ])('%s', (path, want) => {
    expect(selectPointers(doc, path)).toEqual(want);
  });

  it('rejects what it does not support in one line', () => {
    expect(() => selectPointers(doc, '$..schemas')).toThrow(/^unsupported JSONPath at 1: \$\.\.schemas$/);
    expect(() => selectPointers(doc, 'components')).toThrow('JSONPath must start with $');
  });
});
