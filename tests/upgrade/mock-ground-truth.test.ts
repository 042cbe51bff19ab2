import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { MockServer } from '../../src/mock/index.ts';
import { configFromEnv } from '../../src/run/config.ts';
import type { UpgradeGuide } from '../../src/upgrade/guide.ts';
import { observe } from '../../src/upgrade/observe.ts';
import { captureIo, useMirror } from '../diff/helpers.ts';

beforeAll(useMirror);

/**
 * The done-when of issue 15: `upgrade --from 2.15 --to 2.16` on the embedded mock (one version-neutral
 * workspace rendered per version) shows at the top the priority values mapped old → new and the unassigned
 * ids going from null to 0, with counts.
 */
describe('upgrade 2.15 → 2.16 on the embedded mock', () => {
  it('leads with the priority mapping and the unassigned ids from null to 0, with counts', async () => {
    const { io, out } = captureIo();
    const code = await main(['upgrade', '--from', '2.15', '--to', '2.16', '--format', 'json'], io);
    expect(code).toBe(1);
    const guide = JSON.parse(out()) as UpgradeGuide;
    const top = guide.breaking.slice(0, 4);
    const priority = top.find(
      (e) =>
        e.change.ruleId === 'response-enum-domain-replaced' && e.change.operationId === 'listConversations',
    );
    expect(priority?.observed[0]).toMatchObject({ kind: 'values-differ', path: '/priority' });
    const mapped = priority!.observed[0]!.values!;
    expect(mapped.every((v) => ['priority', 'not_priority'].includes(String(v.a)))).toBe(true);
    expect(mapped.every((v) => ['none', 'low', 'medium', 'high', 'urgent'].includes(String(v.b)))).toBe(true);
    expect(mapped.reduce((n, v) => n + v.count, 0)).toBe(guide.paired.listConversations);
    const unassigned = top.find(
      (e) =>
        e.change.ruleId === 'response-property-stopped-nullable' &&
        e.change.property === 'conversations[].admin_assignee_id',
    );
    expect(unassigned?.observed[0]).toMatchObject({
      kind: 'values-differ',
      path: '/admin_assignee_id',
      values: [{ a: null, b: 0, count: expect.any(Number) }],
    });
    // each version's tag round trip writes at its own moment: applied_at differing is not the upgrade
    expect(guide.paired).toMatchObject({ attachTagToConversation: 1, detachTagFromConversation: 1 });
    expect(guide.unexplained.filter((o) => o.path === '/applied_at')).toEqual([]);
    // The same conversations searched under both versions (the mock serves search from the one workspace): the
    // priority mapping shows in the search answers too, and upgrade changed no conversation's state.
    expect(guide.searchNotObserved).toBeUndefined();
    expect(guide.paired.searchConversations).toBeGreaterThan(0);
    const searched = guide.breaking.find(
      (e) =>
        e.change.ruleId === 'response-enum-domain-replaced' && e.change.operationId === 'searchConversations',
    );
    expect(searched?.observed[0]).toMatchObject({ kind: 'values-differ', path: '/priority' });
    const { io: textIo, out: text } = captureIo();
    await main(['upgrade', '--from', '2.15', '--to', '2.16'], textIo);
    const firstObserved = text()
      .split('\n')
      .find((l) => l.startsWith('    observed: '));
    expect(firstObserved).toMatch(/\/(priority|admin_assignee_id): /);
  });

  it('reads only: no state change, and one search of its own per version instead of those of run', async () => {
    let mock: MockServer | undefined;
    await observe(
      { ...configFromEnv({ INTERCOM_CONFORMANCE_API_VERSIONS: '2.15,2.16' }), apiVersions: ['2.15', '2.16'] },
      {
        onTarget: (t) => {
          mock = t.mock;
        },
      },
    );
    const sent = (operationId: string) =>
      mock!.state.requests.filter((r) => r.operationId === operationId && r.status < 400).length;
    expect(sent('manageConversation')).toBe(0);
    expect(sent('searchConversations')).toBe(2);
    expect(mock!.state.stateChanges()).toEqual([]);
  });
});
