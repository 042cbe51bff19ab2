import { describe, expect, it } from 'vitest';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import type { MockServer } from '../../src/mock/index.ts';
import { observeRun } from '../helpers/run.ts';

describe('the contract suites on the mock', () => {
  it('pass on the conformant scenario for every locked version (the default): every check passes, no violation', async () => {
    const { result, mock } = await observeRun({ scenario: 'conformant' });
    const versions = lockedVersions();
    expect(versions.length).toBeGreaterThanOrEqual(11);
    expect(result.run.apiVersions).toEqual(versions);
    const notPassing = result.results
      .filter((r) => r.outcome !== 'pass')
      .map((r) => `${r.apiVersion} ${r.operationId} ${r.checkId} ${r.outcome} ${r.reason ?? ''}`);
    expect(notPassing).toEqual([]);
    const findings = result.results.flatMap((r) =>
      r.findings.map((f) => `${r.apiVersion} ${r.checkId} ${f.classification} ${f.quirk?.id ?? ''}`),
    );
    // The mock clamps per_page=151 by default: recorded as the per-page-cap quirk; the two queries built past the
    // search limits are refused with a 400 the description does not document: a known quirk. Nothing else.
    expect(findings).toEqual(
      versions.flatMap((v) => [
        `${v} per-page-cap known-quirk per-page-cap`,
        `${v} status-documented known-quirk search-refusal-undocumented`,
        `${v} status-documented known-quirk search-refusal-undocumented`,
      ]),
    );
    expect(result.perPage['2.11']).toEqual({
      overflow: 'clamp',
      observedDefault: 20,
      documentedDefault: 20,
      documentedMaximum: 150,
    });
    // Every check ran for every version: 22 checks (5 of them on search), each for its operations.
    for (const v of versions) {
      expect(new Set(result.results.filter((r) => r.apiVersion === v).map((r) => r.checkId)).size).toBe(22);
    }
    // The snoozed-state rules ran on the conversation the kit snoozed and closed itself, in every version.
    for (const v of versions) {
      const kit = result.results.find(
        (r) =>
          r.apiVersion === v && r.checkId === 'state-invariants' && r.operationId === 'retrieveConversation',
      )!.observations!.kitStates;
      expect(kit, v).toEqual(['closed', 'snoozed']);
    }
    // The tag round trip ran in both versions and left nothing attached (the mock's state proves it).
    expect(
      result.results
        .filter((r) => r.checkId === 'tag-round-trip')
        .map((r) => `${r.apiVersion} ${r.operationId} ${r.outcome}`),
    ).toEqual(
      versions.flatMap((v) => [`${v} attachTagToConversation pass`, `${v} detachTagFromConversation pass`]),
    );
    // Writes (a search only reads): the tag round trip, then snooze, open, close, reopen — all undone.
    expect(
      mock!.state.requests
        .filter((r) => r.method !== 'GET' && r.status === 200 && r.operationId !== 'searchConversations')
        .map((r) => r.operationId),
    ).toEqual(
      versions.flatMap(() => [
        'attachTagToConversation',
        'detachTagFromConversation',
        ...Array(4).fill('manageConversation'),
      ]),
    );
    expect(mock!.state.tagChanges()).toEqual([]);
    expect(mock!.state.stateChanges()).toEqual([]);
  });

  it('compare what 2.10 and 2.11 returned for the same conversations (runtime cross-version diff)', async () => {
    const { result } = await observeRun({ scenario: 'conformant', apiVersions: ['2.10', '2.11'] });
    const diffs = (result.runtimeDiff ?? []) as Array<{
      kind: string;
      path: string;
      a: { label: string };
      b: { label: string; types: string[] };
    }>;
    const lines = diffs.map((d) => `${d.kind} ${d.path} ${d.b.types.join('|')}`);
    // 2.11 requires topics and custom_attributes (2.10's conversation describes neither) and adds ai_agent_participated.
    expect(lines).toContain('only-in-b /topics object');
    expect(lines).toContain('only-in-b /ai_agent_participated boolean');
    expect(diffs.every((d) => d.a.label === '2.10' && d.b.label === '2.11')).toBe(true);
    // Each version's tag round trip writes at its own moment: applied_at differs by the writes, not the versions.
    const tagOps = diffs as unknown as Array<{ operationId: string; path: string; kind: string }>;
    expect(
      tagOps.some((d) => d.operationId === 'attachTagToConversation' && d.kind !== 'values-differ'),
    ).toBe(false);
    expect(tagOps.filter((d) => d.path === '/applied_at').map((d) => d.kind)).toEqual([]);
    // 2.10's state round trip snoozed, closed and reopened a conversation before 2.11 read it (updated_at, parts,
    // statistics moved): that conversation is left out, so no value differs between the two versions.
    expect(diffs.filter((d) => d.kind === 'values-differ').map((d) => d.path)).toEqual([]);
  });

  it('report schema coverage: undocumented properties seen and described properties never seen', async () => {
    const { result } = await observeRun({ apiVersions: ['2.11'] });
    const retrieve = result.coverage['2.11']!.retrieveConversation!;
    // 2.11 requires topics but never defines it: every conversation carries an undescribed property.
    expect(retrieve.undocumented).toContain('/topics');
    expect(retrieve.describedCount).toBeGreaterThan(retrieve.observedCount);
    expect(retrieve.unobserved.length).toBe(retrieve.describedCount - retrieve.observedCount);
    expect(retrieve.unobserved.every((p) => p.startsWith('#/'))).toBe(true);
  });

  it('stay within the request budget: what could not be sent is an error with the reason', async () => {
    const { result, mock } = await observeRun({ apiVersions: ['2.11'], maxRequests: 10 });
    expect(mock!.state.requestCount).toBe(10);
    expect(result.run.requestCount).toBe(10);
    const errors = result.results.filter((r) => r.outcome === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((r) => r.reason?.includes('request budget of 10 exhausted'))).toBe(true);
  });

  it('record the per_page overflow the target showed: reject', async () => {
    const { result } = await observeRun({ apiVersions: ['2.11'], perPageOverflow: 'reject' });
    expect(result.perPage['2.11']!.overflow).toBe('reject');
    const cap = result.results.find((r) => r.checkId === 'per-page-cap')!;
    expect(cap).toMatchObject({ outcome: 'pass', findings: [], observations: { perPageOverflow: 'reject' } });
  });

  it('report exactly the quirks the documented scenario tagged, as known quirks at the tagged places', {
    timeout: 120_000,
  }, async () => {
    const { result, mock, exchanges } = await observeRun({ scenario: 'documented' });
    const tags = new Map<string, ReturnType<MockServer['state']['deviationsFor']>>();
    const deviations = (method: string, url: string, v: string) => {
      const k = `${v} ${method} ${url}`;
      // A GET's deviations are computed again without serving it; a POST (a search, a state change) cannot be
      // sent again, so its deviations are those the mock logged when it answered (the run stays within the log).
      if (!tags.has(k))
        tags.set(
          k,
          (method === 'GET'
            ? mock!.state.deviationsFor(method, url, v)
            : mock!.state.requests
                .filter((r) => r.method === method && r.path === url && r.version === v)
                .flatMap((r) => r.deviations ?? [])
          ).filter((d) => d.schemaVisible),
        );
      return tags.get(k)!;
    };
    const violations = result.results.flatMap((r) =>
      r.findings
        .filter((f) => f.classification === 'violation')
        .map((f) => `${r.apiVersion} ${r.checkId} ${f.instancePath} ${f.message}`),
    );
    expect(violations).toEqual([]);
    for (const v of ['2.10', '2.11']) {
      const schemaFindings = result.results
        .filter((r) => r.apiVersion === v && r.checkId === 'schema')
        .flatMap((r) => r.findings);
      const found = new Set<string>();
      for (const f of schemaFindings) {
        const tagged = deviations(f.request!.method, f.request!.url, v);
        const tag = tagged.find(
          (d) =>
            d.quirk === f.quirk?.id &&
            (f.instancePath === d.instancePath ||
              f.instancePath!.startsWith(`${d.instancePath}/`) ||
              (f.keyword === 'required' &&
                d.instancePath === `${f.instancePath}/${String(f.params?.missingProperty)}`)),
        );
        expect(tag, `${v} ${f.request!.url} ${f.instancePath} ${f.quirk?.id}`).toBeDefined();
        found.add(f.quirk!.id);
      }
      expect(found.size).toBeGreaterThan(3);
      // …and every schema-visible deviation the mock tagged was found, as that quirk.
      const findingKeys = new Set(schemaFindings.map((f) => `${f.request!.url} ${f.quirk?.id}`));
      for (const e of exchanges.filter(
        (x) => x.apiVersion === v && x.status === 200 && !x.request.badToken,
      )) {
        for (const d of deviations(e.request.method, e.request.url, v)) {
          expect(
            findingKeys.has(`${e.request.url} ${d.quirk}`),
            `${v} ${e.request.url} ${d.instancePath} ${d.quirk}`,
          ).toBe(true);
        }
      }
      expect(result.matrix[v]!.retrieveConversation!.knownQuirk).toBeGreaterThan(0);
    }
  });
});
