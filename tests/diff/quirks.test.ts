import { describe, expect, it } from 'vitest';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { Change } from '../../src/diff/model.ts';
import { registeredQuirkTargets } from '../../src/diff/quirk-targets.ts';
import { annotateQuirks, isAtOrUnder, type QuirkTarget, relatesTo } from '../../src/diff/quirks.ts';
import { renderTextSection } from '../../src/diff/render/text.ts';
import { COMMITS, fixtureDoc, mirrorDoc } from './helpers.ts';

const change = (
  oldPointer?: string,
  newPointer?: string,
  ruleId = 'response-property-stopped-nullable',
): Change => ({
  ruleId,
  severity: 'warning',
  class: 'wire',
  reason: 'a reason',
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

  it('relates a change to a target at, under or above it on the same schema, never through a nested schema', () => {
    expect(relatesTo(RATING, `${RATING}/nullable`)).toBe(true); // above: a keyword of the changed schema
    expect(relatesTo(`${RATING}/nullable`, RATING)).toBe(true); // under
    expect(relatesTo(RATING, `${RATING}/properties/rating/nullable`)).toBe(false); // a property's schema
    expect(relatesTo(RATING, `${RATING}/nullable`, false)).toBe(false); // a change about a property of RATING
    // the data-only target of conversation-parts-cap explains nothing about conversation_parts' required list
    const parts = '#/components/schemas/conversation_parts';
    expect(relatesTo(`${parts}/required/0`, `${parts}/x-max-returned`)).toBe(false);
  });

  it('says a change may resolve a quirk registered only for the old side, keeping its class when it narrows', () => {
    const targets: QuirkTarget[] = [{ quirkId: 'null-conversation-rating', pointer: RATING, side: 'old' }];
    const [annotated] = annotateQuirks([change(`${RATING}/nullable`, RATING)], targets);
    expect(annotated!.quirks).toEqual([
      { quirkId: 'null-conversation-rating', relation: 'may-resolve', target: RATING },
    ]);
    expect(annotated!.class).toBe('wire');
  });

  it('resolves an old-side quirk whose place the change widens: an artefact, not a wire change', () => {
    const targets: QuirkTarget[] = [
      {
        quirkId: 'null-conversation-rating',
        pointer: `${RATING}/nullable`,
        side: 'old',
        summary: 'null when unrated',
      },
    ];
    const widened = {
      ...change(RATING, `${RATING}/nullable`, 'response-property-became-nullable'),
      oldPlace: RATING,
    };
    const [annotated] = annotateQuirks([widened], targets);
    expect(annotated!.quirks).toEqual([
      { quirkId: 'null-conversation-rating', relation: 'resolves', target: `${RATING}/nullable` },
    ]);
    expect(annotated!.class).toBe('artefact');
    expect(annotated!.reason).toMatch(
      /^quirk null-conversation-rating \(null when unrated\) of the old version/,
    );
    // the same change without its quirk stays a wire change
    expect(annotateQuirks([widened], [])[0]!.class).toBe('wire');
    // overridden by id: the class stays
    expect(annotateQuirks([widened], targets, new Set([widened.ruleId]))[0]!.class).toBe('wire');
  });

  it('annotates nothing on a property added to a schema whose own nullable the quirk patches', () => {
    const targets: QuirkTarget[] = [
      {
        quirkId: 'null-statistics',
        pointer: '#/components/schemas/conversation_statistics/nullable',
        side: 'old',
      },
    ];
    const added = change(
      '#/components/schemas/conversation_statistics',
      '#/components/schemas/conversation_statistics/properties/x',
      'response-property-added',
    );
    expect(annotateQuirks([added], targets)[0]).toBe(added);
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
    expect(text).toContain('      ↳ may resolve quirk null-title (re-check it)\n');
  });

  it('2.11 → 2.12: the null quirks of 2.11 are resolved, not counted as breaking', () => {
    const report = diffDescriptions(mirrorDoc('2.11', COMMITS.newest), mirrorDoc('2.12', COMMITS.newest), {
      quirkTargets: [...registeredQuirkTargets('2.11', 'old'), ...registeredQuirkTargets('2.12', 'new')],
    });
    const nullable = report.changes.filter(
      (c) => c.ruleId === 'response-property-became-nullable' && c.operationId === 'retrieveConversation',
    );
    const byProperty = Object.fromEntries(nullable.map((c) => [c.property, c]));
    for (const [property, quirk] of [
      ['conversation_rating', 'null-conversation-rating'],
      ['statistics', 'null-statistics'],
      ['first_contact_reply', 'null-first-contact-reply'],
      ['teammates', 'null-teammates'],
      ['sla_applied', 'null-sla-applied'],
    ] as const) {
      const c = byProperty[property];
      expect(c, property).toBeDefined();
      expect(c!.class, property).toBe('artefact');
      expect(
        c!.quirks?.map((q: { quirkId: string; relation: string }) => `${q.quirkId} ${q.relation}`),
        property,
      ).toContain(`${quirk} resolves`);
    }
    // no change under conversation_parts is said to relate to the data-only conversation-parts-cap
    expect(report.changes.some((c) => c.quirks?.some((q) => q.quirkId === 'conversation-parts-cap'))).toBe(
      false,
    );
  });

  it('explains a nullability change only where the quirk-patched schema admits null (real 2.15 → 2.16)', () => {
    const targets = [...registeredQuirkTargets('2.15', 'old'), ...registeredQuirkTargets('2.16', 'new')];
    const id = '#/components/schemas/conversation/properties/admin_assignee_id';
    // 2.16 patches the ids to integer-or-digit-string without null (2.16 sends 0 for unassigned); 2.15 keeps null
    expect(targets.find((t) => t.side === 'new' && t.pointer === id)?.admitsNull).toBe(false);
    expect(targets.find((t) => t.side === 'old' && t.pointer === id)?.admitsNull).toBe(true);
    const report = diffDescriptions(mirrorDoc('2.15', COMMITS.newest), mirrorDoc('2.16', COMMITS.newest), {
      quirkTargets: targets,
    });
    const stopped = report.changes.find(
      (c) => c.ruleId === 'response-property-stopped-nullable' && c.property === 'admin_assignee_id',
    )!;
    expect([stopped.class, stopped.severity, stopped.args.sentinel]).toEqual(['wire', 'breaking', '0']);
    expect(stopped.quirks?.map((q) => `${q.quirkId} ${q.relation}`)).toEqual([
      'assignee-ids-as-strings touches',
    ]);
    // the same narrowing under a new-side patch that still admits null is an artefact
    const nullable = targets.map((t) => (t.pointer === id ? { ...t, admitsNull: true } : t));
    const [again] = annotateQuirks([{ ...stopped, class: 'wire', reason: 'a reason', quirks: [] }], nullable);
    expect(again!.class).toBe('artefact');
  });

  it('never explains a new union branch by a patch that only lets null through (nullable-ref, real 2.14 → 2.15)', () => {
    const targets = [...registeredQuirkTargets('2.14', 'old'), ...registeredQuirkTargets('2.15', 'new')];
    const at = '#/components/schemas/conversation_part/properties/event_details';
    const old = targets.find((t) => t.side === 'old' && t.quirkId === 'nullable-ref' && t.pointer === at);
    expect(old).toMatchObject({ admitsNull: true, nullOnly: true });
    // assignee-ids-as-strings also admits digit strings: more than null
    expect(
      targets.find((t) => t.quirkId === 'assignee-ids-as-strings' && t.side === 'old')?.nullOnly,
    ).toBeUndefined();
    const report = diffDescriptions(mirrorDoc('2.14', COMMITS.newest), mirrorDoc('2.15', COMMITS.newest), {
      quirkTargets: targets,
    });
    const branch = report.changes.find(
      (c) => c.ruleId === 'response-union-branch-added' && c.operationId === 'retrieveConversation',
    )!;
    expect(branch.class).toBe('wire');
    expect(branch.quirks?.map((q) => `${q.quirkId} ${q.relation}`)).toContain('nullable-ref touches');
    // without the null-only fact the quirk would be taken to explain it
    const [unknown] = annotateQuirks(
      [{ ...branch, quirks: [] }],
      targets.map(({ nullOnly: _n, ...t }) => t),
    );
    expect(unknown!.class).toBe('artefact');
  });
});
