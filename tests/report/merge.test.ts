import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.ts';
import {
  canonicalize,
  mergeResults,
  parseRunResult,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
} from '../../src/report/index.ts';
import { UserError } from '../../src/util/errors.ts';
import { loadFixture } from './helpers.ts';

const full = loadFixture('mock-run.json');
const shard1 = loadFixture('shard-1-of-2.json');
const shard2 = loadFixture('shard-2-of-2.json');

function refusal(results: RunResult[], labels?: string[]): string {
  try {
    mergeResults(results, labels);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected mergeResults to refuse');
}

describe('mergeResults', () => {
  it('merges two shards into the unsharded run', () => {
    const merged = mergeResults([shard1, shard2]);
    expect(merged).toEqual(canonicalize({ ...full, run: { ...full.run, shards: 2 } }));
  });

  it('renders the merged shards exactly like the unsharded run (apart from the shard count)', () => {
    const merged = mergeResults([shard1, shard2]);
    const { shards: _, ...run } = merged.run;
    const unsharded = { ...merged, run };
    for (const render of [renderJson, renderJunit, renderMarkdown, (r: RunResult) => renderHtml(r)]) {
      expect(render(unsharded)).toBe(render(full));
    }
  });

  it('does not depend on the order of the shards', () => {
    expect(mergeResults([shard2, shard1])).toEqual(mergeResults([shard1, shard2]));
  });

  it('keeps identical entries once and counts the shards', () => {
    const merged = mergeResults([full, full]);
    expect(merged.results).toEqual(canonicalize(full).results);
    expect(merged.matrix).toEqual(canonicalize(full).matrix);
    expect(merged.run.shards).toBe(2);
    expect(merged.run.requestCount).toBe(46);
    expect(mergeResults([merged, shard1]).run.shards).toBe(3);
  });

  it('combines coverage: undocumented is the union, never-observed the intersection', () => {
    const merged = mergeResults([shard1, shard2]);
    const list = merged.coverage['2.11']!.listConversations!;
    expect(list.undocumented).toEqual(['/conversations/*/ticket', '/conversations/*/topics']);
    expect(list.unobserved).toEqual(full.coverage['2.11']!.listConversations!.unobserved);
    expect(list.observedCount).toBe(61);
    // Only shard 1 exercised identifyAdmin: its coverage stands as it is.
    expect(merged.coverage['2.11']!.identifyAdmin).toEqual(shard1.coverage['2.11']!.identifyAdmin);
  });

  it('takes per_page behaviour from the shard that observed it', () => {
    expect(shard1.perPage['2.11']!.overflow).toBe('unknown');
    expect(mergeResults([shard1, shard2]).perPage['2.11']).toEqual(full.perPage['2.11']);
    const reject = structuredClone(shard1);
    reject.perPage['2.11'] = { overflow: 'reject', documentedDefault: 20, documentedMaximum: 150 };
    expect(mergeResults([reject, shard2]).perPage['2.11']!.overflow).toBe('unknown');
  });

  it('keeps the most telling outcome when shards disagree on one check', () => {
    const passed = structuredClone(shard1);
    const entry = passed.results.find((r) => r.outcome === 'fail' && r.operationId === 'identifyAdmin')!;
    entry.outcome = 'pass';
    entry.findings = [];
    const merged = mergeResults([passed, shard1]);
    const kept = merged.results.filter((r) => r.operationId === 'identifyAdmin' && r.apiVersion === '2.11');
    expect(kept.map((r) => r.outcome)).toEqual(['fail']);
    expect(merged.matrix['2.11']!.identifyAdmin!.fail).toBe(1);
  });

  it('records a partial or unredacted shard in the merged run', () => {
    const partial = structuredClone(shard2);
    partial.run.partial = true;
    partial.run.redacted = false;
    const merged = mergeResults([shard1, partial]);
    expect(merged.run.partial).toBe(true);
    expect(merged.run.redacted).toBe(false);
  });

  it('writes a valid conformance.json', () => {
    expect(parseRunResult(renderJson(mergeResults([shard1, shard2])), 'merged').run.shards).toBe(2);
  });

  it('refuses runs made against different spec locks, naming the version and both pins', () => {
    const other = structuredClone(shard2);
    other.specs['2.11'] = {
      ...other.specs['2.11']!,
      commit: '0123456789abcdef0123456789abcdef01234567',
      sha256: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    };
    const message = refusal([shard1, other], ['a/conformance.json', 'b/conformance.json']);
    expect(message).toBe(
      'cannot merge runs made against different spec locks: API 2.11 is commit 8889625a7b93 (sha256 3d40dd2e4009…, descriptions/2.11/api.intercom.io.yaml) in a/conformance.json but commit 0123456789ab (sha256 ffffffffffff…, descriptions/2.11/api.intercom.io.yaml) in b/conformance.json',
    );
  });

  it('merges shards that ran different API versions', () => {
    const only210 = structuredClone(shard1);
    delete only210.specs['2.11'];
    only210.run.apiVersions = ['2.10'];
    const only211 = structuredClone(shard2);
    delete only211.specs['2.10'];
    only211.run.apiVersions = ['2.11'];
    const merged = mergeResults([only211, only210]);
    expect(Object.keys(merged.specs)).toEqual(['2.10', '2.11']);
    expect(merged.run.apiVersions).toEqual(['2.10', '2.11']);
  });

  it.each([
    {
      given: 'another target',
      change: (r: RunResult) => (r.run.target = 'live'),
      want: 'target "mock" vs "live"',
    },
    { given: 'another seed', change: (r: RunResult) => (r.run.seed = 7), want: 'seed 42 vs 7' },
    {
      given: 'another scenario',
      change: (r: RunResult) => (r.run.scenario = 'rate-limited'),
      want: 'scenario "default" vs "rate-limited"',
    },
    {
      given: 'another kit',
      change: (r: RunResult) => (r.run.kit.version = '0.2.0'),
      want: 'kit "intercom-conformance 0.1.0" vs "intercom-conformance 0.2.0"',
    },
  ])('refuses a shard with $given', ({ change, want }) => {
    const other = structuredClone(shard2);
    change(other);
    expect(refusal([shard1, other], ['a.json', 'b.json'])).toBe(
      `cannot merge a.json and b.json: they are not shards of one run (${want})`,
    );
  });

  it('refuses to merge nothing', () => {
    expect(refusal([])).toBe('nothing to merge (give at least one conformance.json)');
  });
});
