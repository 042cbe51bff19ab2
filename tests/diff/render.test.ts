import { describe, expect, it } from 'vitest';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { DiffSection } from '../../src/diff/model.ts';
import { renderJson } from '../../src/diff/render/json.ts';
import { renderMarkdownSection } from '../../src/diff/render/markdown.ts';
import { renderText, renderTextSection } from '../../src/diff/render/text.ts';
import { fixtureDoc } from './helpers.ts';

function section(rule: string, title = 'diff'): DiffSection {
  const report = diffDescriptions(
    fixtureDoc('rules', rule, 'old.yaml'),
    fixtureDoc('rules', rule, 'new.yaml'),
    {
      operations: 'all',
    },
  );
  return {
    title,
    old: { label: 'old.yaml', kind: 'file', file: '/fixtures/old.yaml' },
    new: { label: 'new.yaml', kind: 'file', file: '/fixtures/new.yaml' },
    report,
  };
}

const MAXIMUM = '#/paths/~1conversations/get/parameters/0/schema/maximum';

describe('diff renderers', () => {
  it('renders text grouped by severity and operation', () => {
    expect(renderTextSection(section('parameter-maximum-lowered'))).toBe(
      [
        'diff: old.yaml → new.yaml',
        '  1 operation compared; 1 breaking, 0 warnings, 0 info; 0 type-only, 0 artefacts',
        '',
        'BREAKING: a running client can misbehave (1)',
        '  listConversations  GET /conversations',
        '    parameter-maximum-lowered: query parameter "per_page": maximum lowered from 150 to 50  [parameter]',
        `      old ${MAXIMUM}`,
        `      new ${MAXIMUM}`,
        '      why: values above the new maximum are rejected or clamped',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed and which requested operations neither side has', () => {
    const doc = fixtureDoc('rules', 'parameter-maximum-lowered', 'old.yaml');
    const report = diffDescriptions(doc, doc);
    const text = renderTextSection({ ...section('parameter-maximum-lowered'), report });
    expect(text).toBe(
      [
        'diff: old.yaml → new.yaml',
        '  1 operation compared; 0 breaking, 0 warnings, 0 info; 0 type-only, 0 artefacts',
        '  not in either description: attachTagToConversation, detachTagFromConversation, identifyAdmin, manageConversation, retrieveConversation, searchConversations',
        '  no changes',
        '',
      ].join('\n'),
    );
  });

  it('renders a Markdown table with escaped cells', () => {
    expect(renderMarkdownSection(section('parameter-maximum-lowered'))).toBe(
      [
        '## diff: old.yaml → new.yaml',
        '',
        '1 operation compared; 1 breaking, 0 warnings, 0 info; 0 type-only, 0 artefacts.',
        '',
        '| Level | Operation | Rule | Where | Change | Pointers |',
        '|---|---|---|---|---|---|',
        `| breaking | listConversations | \`parameter-maximum-lowered\` | parameter | query parameter "per_page": maximum lowered from 150 to 50<br><i>values above the new maximum are rejected or clamped</i> | old \`${MAXIMUM}\`<br>new \`${MAXIMUM}\` |`,
        '',
      ].join('\n'),
    );
    const piped = section('response-property-type-changed');
    piped.report.changes[0]!.args = { oldType: 'integer|string', newType: 'string' };
    expect(renderMarkdownSection(piped)).toContain('changed type: integer\\|string → string<br>');
  });

  it('renders JSON: one section for diff, a list for drift, messages included', () => {
    const one = JSON.parse(renderJson([section('parameter-maximum-lowered')]));
    expect(Object.keys(one)).toEqual(['title', 'old', 'new', 'scope', 'counts', 'changes']);
    expect(one.changes).toEqual([
      {
        ruleId: 'parameter-maximum-lowered',
        severity: 'breaking',
        class: 'wire',
        reason: 'values above the new maximum are rejected or clamped',
        operationId: 'listConversations',
        method: 'GET',
        path: '/conversations',
        location: 'parameter',
        oldPointer: MAXIMUM,
        newPointer: MAXIMUM,
        args: { name: 'per_page', oldName: 'per_page', in: 'query', oldMaximum: 150, newMaximum: 50 },
        message: 'query parameter "per_page": maximum lowered from 150 to 50',
      },
    ]);
    const many = JSON.parse(
      renderJson([section('operation-removed', 'drift 2.10'), section('operation-added', 'drift 2.11')]),
    );
    expect(many.sections.map((s: { title: string }) => s.title)).toEqual(['drift 2.10', 'drift 2.11']);
  });

  it('separates drift sections with a blank line', () => {
    const text = renderText([
      section('operation-removed', 'drift 2.10'),
      section('operation-added', 'drift 2.11'),
    ]);
    expect(text).toContain('\n\ndrift 2.11: old.yaml → new.yaml\n');
  });
});
