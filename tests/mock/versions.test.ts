import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { CHANNELS, PRIORITY_LEVELS } from '../../src/mock/workspace/neutral.ts';
import { generatedDir, packageRoot } from '../../src/util/paths.ts';
import { call, findings } from './helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ scenario: 'conformant', seed: 4 });
});
afterAll(() => mock.close());

async function retrieveAll(server: MockServer, version: string, count = 200): Promise<Json[]> {
  const out: Json[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await call(server.url, `/conversations/${server.state.conversationId(i)}`, { version });
    expect(reply.status).toBe(200);
    out.push(reply.body);
  }
  return out;
}

describe('one neutral workspace, rendered per version', () => {
  it('words the priority level in each version: five levels in 2.16, priority|not_priority before', async () => {
    const v15 = await retrieveAll(mock, '2.15');
    const v16 = await retrieveAll(mock, '2.16');
    expect(new Set(v16.map((c) => c.priority))).toEqual(new Set(PRIORITY_LEVELS));
    v15.forEach((c, i) => {
      expect(c.id).toBe(v16[i].id);
      expect(c.priority).toBe(v16[i].priority === 'none' ? 'not_priority' : 'priority');
    });
    expect(findings('2.15', 'retrieveConversation', 200, v15[0])).toEqual([]);
    expect(findings('2.16', 'retrieveConversation', 200, v16[0])).toEqual([]);
  });

  it('shows an unassigned conversation as null up to 2.15 and as 0 in 2.16 and Preview', async () => {
    const v15 = await retrieveAll(mock, '2.15');
    const v16 = await retrieveAll(mock, '2.16');
    const preview = await retrieveAll(mock, 'Preview');
    let unassigned = 0;
    v15.forEach((c, i) => {
      for (const key of ['admin_assignee_id', 'team_assignee_id']) {
        if (c[key] === null) {
          unassigned++;
          expect(v16[i][key]).toBe(0);
          expect(preview[i][key]).toBe(0);
        } else {
          expect(v16[i][key]).toBe(c[key]);
        }
      }
    });
    expect(unassigned).toBeGreaterThan(10);
  });

  it('keeps the channel in source.type: an enum member up to 2.15, the same word in 2.16 (no enum)', async () => {
    const v10 = await retrieveAll(mock, '2.10', 60);
    const v16 = await retrieveAll(mock, '2.16', 60);
    v10.forEach((c, i) => {
      expect(CHANNELS).toContain(c.source.type);
      expect(v16[i].source.type).toBe(c.source.type);
    });
  });

  it('maps the AI resolution state renamed in 2.15 (routed_to_team → escalated) and nulls words a version lacks', async () => {
    const v14 = await retrieveAll(mock, '2.14');
    const v15 = await retrieveAll(mock, '2.15');
    const pairs = v14
      .map((c, i) => [c.ai_agent?.resolution_state, v15[i].ai_agent?.resolution_state])
      .filter(([a, b]) => a !== undefined || b !== undefined);
    expect(pairs.length).toBeGreaterThan(10);
    expect(pairs).toContainEqual(['routed_to_team', 'escalated']);
    for (const [a, b] of pairs) {
      if (a === 'routed_to_team') expect(b).toBe('escalated');
      else if (a === 'assumed_resolution' || a === 'confirmed_resolution') expect(b).toBe(a);
      else if (b === 'negative_feedback' || b === 'procedure_handoff') expect(a).toBeNull();
    }
    for (const c of v14) if (c.ai_agent) expect(findings('2.14', 'retrieveConversation', 200, c)).toEqual([]);
  });

  it('serves Preview under its own header value, not "0"', async () => {
    const reply = await call(mock.url, '/conversations?per_page=5', { version: 'Preview' });
    expect(reply.status).toBe(200);
    expect(findings('Preview', 'listConversations', 200, reply.body)).toEqual([]);
    expect(mock.state.requests.at(-1)!.version).toBe('Preview');
    expect((await call(mock.url, '/me', { version: '0' })).status).toBe(400);
  });

  it('gives a version byte-identical responses whatever other versions are served', async () => {
    const all = lockedVersions();
    const few = await startMockServer({ seed: 4, apiVersions: ['2.11', '2.16'] });
    const many = await startMockServer({ seed: 4, apiVersions: all });
    try {
      for (const version of ['2.11', '2.16']) {
        const paths = ['/conversations?per_page=40', '/me'];
        for (let i = 0; i < 40; i += 3) paths.push(`/conversations/${few.state.conversationId(i)}`);
        for (const path of paths) {
          const a = await call(few.url, path, { version });
          const b = await call(many.url, path, { version });
          expect(a.status).toBe(200);
          expect(a.text).toBe(b.text);
        }
      }
    } finally {
      await few.close();
      await many.close();
    }
  });
});

describe('the documented scenario follows the quirk registry', () => {
  let dir: string;
  const before = process.env.INTERCOM_CONFORMANCE_GENERATED;
  beforeAll(() => {
    // A generated tree identical to the real one but for 2.11's registry, which no longer lists null-statistics.
    // Inside the package, so that the copied validators resolve their runtime (ajv) from node_modules.
    mkdirSync(join(packageRoot, '.cache'), { recursive: true });
    dir = mkdtempSync(join(packageRoot, '.cache', 'mock-quirks-'));
    for (const v of readdirSync(generatedDir())) {
      if (v === '2.11') cpSync(join(generatedDir(), v), join(dir, v), { recursive: true });
      else symlinkSync(join(generatedDir(), v), join(dir, v));
    }
    const file = join(dir, '2.11', 'quirks.json');
    const registry = JSON.parse(readFileSync(file, 'utf8'));
    registry.quirks = registry.quirks.filter((q: { id: string }) => q.id !== 'null-statistics');
    writeFileSync(file, JSON.stringify(registry));
  });
  afterAll(() => {
    if (before === undefined) delete process.env.INTERCOM_CONFORMANCE_GENERATED;
    else process.env.INTERCOM_CONFORMANCE_GENERATED = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a deviation only where the version lists its quirk', async () => {
    const real = await startMockServer({ scenario: 'documented', apiVersions: ['2.11'] });
    process.env.INTERCOM_CONFORMANCE_GENERATED = dir;
    const trimmed = await startMockServer({ scenario: 'documented', apiVersions: ['2.11'] });
    try {
      const quirksOf = async (server: MockServer) => {
        const seen = new Set<string>();
        const nullStatistics: string[] = [];
        for (let i = 0; i < 12; i++) {
          const reply = await call(server.url, `/conversations/${server.state.conversationId(i)}`);
          if (reply.body.statistics === null) nullStatistics.push(reply.body.id);
          for (const d of server.state.requests.at(-1)!.deviations ?? []) seen.add(d.quirk);
        }
        return { seen, nullStatistics };
      };
      const a = await quirksOf(real);
      const b = await quirksOf(trimmed);
      expect(a.seen).toContain('null-statistics');
      expect(a.nullStatistics.length).toBeGreaterThan(0);
      expect(b.seen).not.toContain('null-statistics');
      expect(b.nullStatistics).toEqual([]);
      expect([...b.seen].sort()).toEqual([...a.seen].filter((q) => q !== 'null-statistics').sort());
    } finally {
      await real.close();
      await trimmed.close();
    }
  });
});
