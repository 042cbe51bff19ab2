import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { UpgradeGuide } from '../../src/upgrade/guide.ts';
import { captureIo, useMirror } from '../diff/helpers.ts';

beforeAll(useMirror);
const temp = mkdtempSync(join(tmpdir(), 'upgrade-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const TOKEN = 'fake-sandbox-token-0123456789';

/**
 * A crafted "live" workspace on loopback that answers like Intercom does across 2.15 → 2.16 for the same
 * eight conversations: `priority` moves from priority/not_priority to urgent/none, and an unassigned
 * conversation's admin_assignee_id from null to 0. Everything else is identical under both versions.
 */
function conversation(n: number, version: string) {
  const v216 = version === '2.16';
  const urgent = n % 3 === 0;
  const assigned = n % 2 === 0;
  return {
    type: 'conversation',
    id: String(1000 + n),
    created_at: 1700000000 + n,
    updated_at: 1700000100 + n,
    title: null,
    state: 'open',
    open: true,
    read: true,
    priority: v216 ? (urgent ? 'urgent' : 'none') : urgent ? 'priority' : 'not_priority',
    admin_assignee_id: assigned ? 42 : v216 ? 0 : null,
    team_assignee_id: null,
    tags: { type: 'tag.list', tags: [] },
    conversation_rating: null,
    source: { type: 'conversation', id: String(n), body: `<p>Private customer text ${n}</p>` },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 },
  };
}

const IDS = Array.from({ length: 8 }, (_, i) => i + 1);
const requests: string[] = [];
/** manageConversation requests that carried the real token (a write); the bad-token 401 probes cannot write. */
const managed: string[] = [];
/** The search bodies the server was sent. */
const searches: unknown[] = [];
/** Whether the workspace serves POST /conversations/search (an old mock answers 404). */
let serveSearch = true;

const listItem = (n: number, version: string) => {
  const { conversation_parts: _parts, ...item } = conversation(n, version);
  return item;
};

/** Answers a search by `id IN [...]`, the only query upgrade sends, over the same conversations as the list. */
function search(req: IncomingMessage, res: ServerResponse, version: string): void {
  let text = '';
  req.on('data', (chunk: Buffer) => {
    if (text.length < 100_000) text += chunk.toString('utf8');
  });
  req.on('end', () => {
    const body = JSON.parse(text) as { query?: { field?: string; operator?: string; value?: unknown } };
    searches.push(body);
    const { field, operator, value } = body.query ?? {};
    const ok = field === 'id' && operator === 'IN' && Array.isArray(value);
    const items = ok
      ? IDS.filter((n) => value.includes(String(1000 + n))).map((n) => listItem(n, version))
      : [];
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' }).end(
      JSON.stringify(
        ok
          ? {
              type: 'conversation.list',
              conversations: items,
              total_count: items.length,
              pages: { type: 'pages', page: 1, per_page: 150, total_pages: 1 },
            }
          : { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'unexpected query' }] },
      ),
    );
  });
}

function answer(req: IncomingMessage, res: ServerResponse): boolean {
  const version = String(req.headers['intercom-version'] ?? '');
  requests.push(`${req.method} ${req.url} ${version}`);
  if (req.url?.includes('/parts') && req.headers.authorization === `Bearer ${TOKEN}`)
    managed.push(`${req.method} ${req.url} ${version}`);
  const json = (status: number, body: unknown): boolean => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return true;
  };
  if (req.headers.authorization !== `Bearer ${TOKEN}`)
    return json(401, {
      type: 'error.list',
      errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }],
    });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/conversations/search' && req.method === 'POST' && serveSearch) {
    search(req, res, version);
    return true;
  }
  if (url.pathname === '/me')
    return json(200, { type: 'admin', id: '42', email: 'a@example.com', app: null });
  if (url.pathname === '/conversations') {
    const perPage = Number(url.searchParams.get('per_page') ?? 20);
    if (perPage > 150)
      return json(400, {
        type: 'error.list',
        errors: [{ code: 'parameter_invalid', message: 'per_page too big' }],
      });
    const list = IDS.map((n) => listItem(n, version));
    return json(200, {
      type: 'conversation.list',
      conversations: list,
      total_count: list.length,
      pages: { type: 'pages', page: 1, per_page: perPage, total_pages: 1 },
    });
  }
  const m = /^\/conversations\/(\d+)$/.exec(url.pathname);
  const n = m ? Number(m[1]) - 1000 : Number.NaN;
  if (IDS.includes(n)) return json(200, conversation(n, version));
  return json(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] });
}

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

async function run(argv: string[], env: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const { io, out, err } = captureIo();
    const code = await main(['upgrade', ...argv], io);
    return { code, out: out(), err: err() };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const live = { INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_BASE_URL: undefined as string | undefined };

describe('intercom-conformance upgrade on a crafted workspace (loopback)', () => {
  it('puts the static change and the value mapping the same conversations showed side by side, at the top', async () => {
    const out = join(temp, 'out');
    const {
      code,
      out: stdout,
      err,
    } = await run(
      [
        '--from',
        '2.15',
        '--to',
        '2.16',
        '--target',
        'live',
        '--format',
        'json',
        '--out',
        out,
        '--retrieve-sample',
        '8',
      ],
      { ...live, INTERCOM_BASE_URL: base },
    );
    expect(err).toBe('');
    expect(code).toBe(1); // breaking wire changes, as diff
    const guide = JSON.parse(stdout) as UpgradeGuide;
    // the search for the eight retrieved conversations answered them under both versions
    expect(guide.paired).toMatchObject({
      listConversations: 8,
      retrieveConversation: 8,
      searchConversations: 8,
    });
    expect(guide.searchNotObserved).toBeUndefined();
    // observed entries lead the breaking section
    const top = guide.breaking.slice(0, 6).map((e) => `${e.change.operationId} ${e.change.ruleId}`);
    expect(top.sort()).toEqual([
      'listConversations response-enum-domain-replaced',
      'listConversations response-property-stopped-nullable',
      'retrieveConversation response-enum-domain-replaced',
      'retrieveConversation response-property-stopped-nullable',
      'searchConversations response-enum-domain-replaced',
      'searchConversations response-property-stopped-nullable',
    ]);
    const entry = (op: string, rule: string, property: string) =>
      guide.breaking.find(
        (e) => e.change.operationId === op && e.change.ruleId === rule && e.change.property === property,
      )!;
    const priority = entry('retrieveConversation', 'response-enum-domain-replaced', 'priority');
    expect(priority.observed).toEqual([
      expect.objectContaining({
        kind: 'values-differ',
        path: '/priority',
        count: 8,
        values: [
          { a: 'not_priority', b: 'none', count: 6 },
          { a: 'priority', b: 'urgent', count: 2 },
        ],
      }),
    ]);
    // the search answer's items sit beside search's own static change, on the same conversations
    expect(
      entry('searchConversations', 'response-enum-domain-replaced', 'conversations[].priority').observed,
    ).toEqual([
      expect.objectContaining({
        kind: 'values-differ',
        path: '/priority',
        count: 8,
        values: [
          { a: 'not_priority', b: 'none', count: 6 },
          { a: 'priority', b: 'urgent', count: 2 },
        ],
      }),
    ]);
    // one search per version, by the ids it retrieved, valid in every description (2.11 requires per_page)
    expect(searches.at(-1)).toEqual({
      query: { field: 'id', operator: 'IN', value: IDS.map((n) => String(1000 + n)) },
      pagination: { per_page: 150 },
    });
    const unassigned = entry(
      'listConversations',
      'response-property-stopped-nullable',
      'conversations[].admin_assignee_id',
    );
    expect(unassigned.observed).toEqual([
      expect.objectContaining({
        kind: 'values-differ',
        path: '/admin_assignee_id',
        values: [{ a: null, b: 0, count: 4 }],
        unchanged: 4,
      }),
      expect.objectContaining({ kind: 'type-differs', path: '/admin_assignee_id' }),
    ]);
    // the free text of the conversations and the token never reach the report
    for (const file of ['upgrade-2.15-2.16.md', 'upgrade-2.15-2.16.html', 'upgrade-2.15-2.16.json']) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).not.toContain('Private customer text');
      expect(text, file).not.toContain(TOKEN);
    }
    expect(stdout).not.toContain(TOKEN);
    const md = readFileSync(join(out, 'upgrade-2.15-2.16.md'), 'utf8');
    expect(md).toContain('## Breaks running clients (');
    expect(md).toContain('"not_priority" → "none" ×6, "priority" → "urgent" ×2 — 8 resources');
    expect(readFileSync(join(out, 'upgrade-2.15-2.16.html'), 'utf8')).toMatch(/^<!doctype html>/);
    // both versions were asked, with the run's plan (and its budget); upgrade never manages a conversation
    expect(requests.some((r) => r.endsWith(' 2.15'))).toBe(true);
    expect(requests.some((r) => r.endsWith(' 2.16'))).toBe(true);
    expect(requests.filter((r) => r.startsWith('POST /conversations/search '))).toEqual([
      'POST /conversations/search 2.15',
      'POST /conversations/search 2.16',
    ]);
    expect(managed).toEqual([]);
  });

  it('a workspace that does not serve search (an old mock: 404) says so in one line and compares the rest', async () => {
    serveSearch = false;
    try {
      const { code, out } = await run(
        ['--from', '2.15', '--to', '2.16', '--target', 'live', '--retrieve-sample', '3'],
        { ...live, INTERCOM_BASE_URL: base },
      );
      expect(code).toBe(1);
      expect(out.split('\n')[2]).toBe(
        '  search not observed: 2.15: POST /conversations/search answered 404; 2.16: POST /conversations/search answered 404',
      );
      expect(out).toContain(
        '    observed: listConversations /priority: "not_priority" → "none" ×6, "priority" → "urgent" ×2 — 8 resources',
      );
      const json = await run(
        ['--from', '2.15', '--to', '2.16', '--target', 'live', '--retrieve-sample', '3', '--format', 'json'],
        { ...live, INTERCOM_BASE_URL: base },
      );
      const guide = JSON.parse(json.out) as UpgradeGuide;
      expect(guide.searchNotObserved).toEqual({
        '2.15': 'POST /conversations/search answered 404',
        '2.16': 'POST /conversations/search answered 404',
      });
      expect(guide.paired.searchConversations).toBeUndefined();
    } finally {
      serveSearch = true;
    }
  });

  it('text leads with what breaks, then type-only, artefacts counted, then the quirks', async () => {
    const { code, out } = await run(
      ['--from', '2.15', '--to', '2.16', '--target', 'live', '--retrieve-sample', '3'],
      {
        ...live,
        INTERCOM_BASE_URL: base,
      },
    );
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^upgrade 2\.15 → 2\.16 \(target live\): \d+ breaking, /);
    expect(lines[3]).toMatch(/^BREAKS RUNNING CLIENTS \(\d+\)$/);
    expect(out.indexOf('BREAKS RUNNING CLIENTS')).toBeLessThan(out.indexOf('TYPE-ONLY'));
    expect(out.indexOf('TYPE-ONLY')).toBeLessThan(out.indexOf('ARTEFACTS'));
    expect(out).toContain(
      '    observed: listConversations /priority: "not_priority" → "none" ×6, "priority" → "urgent" ×2 — 8 resources',
    );
    expect(out).toMatch(/\nQUIRKS\n {2}resolved by the move: /);
  });
});

describe('upgrade: bad input is one line, exit 2', () => {
  it.each([
    [
      ['--from', '2.99', '--to', '2.16'],
      /^intercom-conformance upgrade: unknown API version "2\.99" \(locked versions: /,
    ],
    [
      ['--from', '2.16', '--to', '2.16'],
      /^intercom-conformance upgrade: 2\.16 is on both sides: compare two different versions\n$/,
    ],
    [
      ['--from', '2.11@54a014d', '--to', '2.16'],
      /^intercom-conformance upgrade: upgrade compares locked versions \(2\.7, .*\), not "2\.11@54a014d"\n$/,
    ],
    [
      ['--from', '2.15'],
      /^intercom-conformance upgrade: usage: intercom-conformance upgrade --from <version> --to <version>/,
    ],
    [
      ['--from', '2.15', '--to', '2.16', '--format', 'pdf'],
      /^intercom-conformance upgrade: unknown --format "pdf" \(text, markdown, json, html\)\n$/,
    ],
    [
      ['--from', '2.15', '--to', '2.16', '--target', 'staging'],
      /^intercom-conformance upgrade: unknown --target "staging" \(mock, live, replay\)\n$/,
    ],
  ])('%j', async (argv, want) => {
    const { code, out, err } = await run(argv, {});
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(want);
  });

  it('a live upgrade without a token gives the same one-line error as run', async () => {
    const upgrade = await run(['--from', '2.15', '--to', '2.16', '--target', 'live'], {
      INTERCOM_ACCESS_TOKEN: undefined,
    });
    const { io, err } = captureIo();
    const saved = process.env.INTERCOM_ACCESS_TOKEN;
    delete process.env.INTERCOM_ACCESS_TOKEN;
    const runCode = await main(['run', '--target', 'live', '--api-version', '2.15'], io).finally(() => {
      if (saved !== undefined) process.env.INTERCOM_ACCESS_TOKEN = saved;
    });
    expect([upgrade.code, runCode]).toEqual([2, 2]);
    expect(upgrade.err.replace('upgrade:', 'X:')).toBe(err().replace('run:', 'X:'));
    expect(existsSync(join(temp, 'never'))).toBe(false);
  });
});
