import { describe, expect, it } from 'vitest';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { Change } from '../../src/diff/model.ts';
import { annotateQuirks, isAtOrUnder, type QuirkTarget } from '../../src/diff/quirks.ts';
import { renderTextSection } from '../../src/diff/render/text.ts';
import { fixtureDoc } from './helpers.ts';

const change = (oldPointer?: string, newPointer?: string): Change => ({
  ruleId: 'response-property-stopped-nullable',
  severity: 'info',
  operationId: 'retrieveConversation',
  method: 'GET',
  path: '/conversations/{conversation_id}',
  location: 'response',
  ...(oldPointer ? { oldPointer } : {}),
  ...(newPointer ? { newPointer } : {}),
  args: {},
});

const RATING = '#/components/schemas/conversation_rating';

describe('quirk annotation', () => {
  it('matches a pointer at or under a target, never a sibling with the same prefix', () => {
    expect(isAtOrUnder(`${RATING}/nullable`, RATING)).toBe(true);
    expect(isAtOrUnder(RATING, RATING)).toBe(true);
    expect(isAtOrUnder(`${RATING}s/nullable`, RATING)).toBe(false);
    expect(isAtOrUnder('#/components/schemas/tags', '#/components/schemas/tag')).toBe(false);
    expect(isAtOrUnder('/components/schemas/tag/x', '#/components/schemas/tag')).toBe(true);
  });

  it('says a change may resolve a quirk registered only for the old side', () => {
    const targets: QuirkTarget[] = [{ quirkId: 'null-conversation-rating', pointer: RATING, side: 'old' }];
    const [annotated] = annotateQuirks([change(`${RATING}/nullable`, RATING)], targets);
    expect(annotated!.quirks).toEqual([
      { quirkId: 'null-conversation-rating', relation: 'may-resolve', target: RATING },
    ]);
  });

  it('says a change introduces a quirk registered only for the new side', () => {
    const targets: QuirkTarget[] = [
      {
        quirkId: 'assignee-ids-as-strings',
        pointer: '#/components/schemas/conversation/properties',
        side: 'new',
      },
    ];
    const [annotated] = annotateQuirks(
      [change(undefined, '#/components/schemas/conversation/properties/team_assignee_id')],
      targets,
    );
    expect(annotated!.quirks).toEqual([
      {
        quirkId: 'assignee-ids-as-strings',
        relation: 'introduces',
        target: '#/components/schemas/conversation/properties',
      },
    ]);
  });

  it('says a change touches a quirk registered on both sides, once per quirk', () => {
    const targets: QuirkTarget[] = [
      { quirkId: 'null-statistics', pointer: '#/components/schemas/conversation_statistics', side: 'old' },
      { quirkId: 'null-statistics', pointer: '#/components/schemas/conversation_statistics', side: 'new' },
    ];
    const at = '#/components/schemas/conversation_statistics/nullable';
    const [annotated] = annotateQuirks([change(at, at)], targets);
    expect(annotated!.quirks).toEqual([
      {
        quirkId: 'null-statistics',
        relation: 'touches',
        target: '#/components/schemas/conversation_statistics',
      },
    ]);
  });

  it('only looks at the side the target belongs to, and leaves other changes alone', () => {
    const targets: QuirkTarget[] = [{ quirkId: 'null-conversation-rating', pointer: RATING, side: 'new' }];
    const untouched = change(`${RATING}/nullable`, '#/components/schemas/other');
    const input = [untouched];
    const output = annotateQuirks(input, targets);
    expect(output[0]).toBe(untouched);
    expect(untouched.quirks).toBeUndefined();
    expect(annotateQuirks(input, [])).toEqual(input);
  });

  it('flows through diffDescriptions into the rendered text', () => {
    const [old, next] = [
      fixtureDoc('rules', 'response-property-stopped-nullable', 'old.yaml'),
      fixtureDoc('rules', 'response-property-stopped-nullable', 'new.yaml'),
    ];
    const report = diffDescriptions(old, next, {
      operations: 'all',
      quirkTargets: [
        { quirkId: 'null-title', pointer: '#/components/schemas/conversation/properties/title', side: 'old' },
      ],
    });
    expect(report.changes[0]?.quirks).toEqual([
      {
        quirkId: 'null-title',
        relation: 'may-resolve',
        target: '#/components/schemas/conversation/properties/title',
      },
    ]);
    const text = renderTextSection({
      title: 'diff',
      old: { label: 'old.yaml', kind: 'file', file: '/old.yaml' },
      new: { label: 'new.yaml', kind: 'file', file: '/new.yaml' },
      report,
    });
    expect(text).toContain('      ↳ may resolve quirk null-title\n');
  });
});
