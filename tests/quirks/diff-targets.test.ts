import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/** The diff says where a change resolves or introduces a registered quirk (targets from openapi/quirks/). */
describe('diff 2.10 2.11 and the quirk registry', () => {
  it('names the quirks the changes touch', async () => {
    const run = await runCli(['diff', '2.10', '2.11', '--format', 'json', '--fail-on', 'never']);
    expect(run.code).toBe(0);
    const { changes } = JSON.parse(run.stdout) as {
      changes: Array<{ quirks?: Array<{ relation: string; quirkId: string }> }>;
    };
    const marks = new Set<string>();
    for (const c of changes) for (const q of c.quirks ?? []) marks.add(`${q.relation} ${q.quirkId}`);
    // 2.10's list schema is replaced by a conversation list in 2.11: the 2.10-only quirk may be resolved.
    expect(marks).toContain('may-resolve list-conversations-schema');
    // 2.11 requires topics (never defined) and pages.next.per_page: quirks only 2.11 registers.
    expect(marks).toContain('introduces topics-undefined');
    expect(marks).toContain('introduces pages-next-without-per-page');
  });
});
