import { describe, expect, it } from 'vitest';
import { artifactSchemaExcerpt, excerptFrom } from '../../src/report/index.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { tempDir } from './helpers.ts';

describe('schema excerpts from the generated artifacts', () => {
  const v211 = loadArtifacts('2.11');

  it.each([
    {
      given: 'a keyword under a component',
      pointer: '#/components/schemas/conversation/properties/state/enum',
      want: { type: 'string', enum: ['open', 'closed', 'snoozed'] },
    },
    {
      given: 'a property named like a keyword',
      pointer: '#/components/schemas/conversation/properties/type',
      want: { type: 'string', enum: ['conversation'] },
    },
    {
      given: 'a parameter',
      pointer: '#/paths/~1conversations/get/parameters/1/schema/maximum',
      want: { type: 'integer', default: 20, maximum: 150 },
    },
  ])('resolves $given', ({ pointer, want }) => {
    expect(excerptFrom(v211, pointer)).toEqual(want);
  });

  it('shows the component a response schema refers to, without the bundle', () => {
    const got = excerptFrom(
      v211,
      '#/paths/~1me/get/responses/200/content/application~1json/schema',
    ) as Record<string, unknown>;
    expect(got.required).toContain('has_inbox_seat');
    expect(got).not.toHaveProperty('components');
  });

  it('gives nothing for unknown pointers', () => {
    expect(excerptFrom(v211, '#/components/schemas/no_such_schema/type')).toBeUndefined();
    expect(excerptFrom(v211, '#/paths/~1nowhere/get')).toBeUndefined();
    expect(excerptFrom(v211, 'not a pointer')).toBeUndefined();
  });

  it('gives nothing for versions without generated artifacts', () => {
    const lookup = artifactSchemaExcerpt(tempDir('no-artifacts-'));
    expect(lookup('2.11', '#/components/schemas/conversation/properties/state/enum')).toBeUndefined();
    expect(artifactSchemaExcerpt()('9.99', '#/components/schemas/conversation')).toBeUndefined();
  });
});
