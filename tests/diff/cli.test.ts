import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { COMMITS, captureIo, fixture, useMirror } from './helpers.ts';

beforeAll(useMirror);
const temp = mkdtempSync(join(tmpdir(), 'diff-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const { io, out, err } = captureIo();
  const code = await main(argv, io);
  return { code, out: out(), err: err() };
}

async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A local port that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

const pair = (rule: string) =>
  [fixture('rules', rule, 'old.yaml'), fixture('rules', rule, 'new.yaml')] as const;

describe('intercom-conformance diff', () => {
  it('diffs two locked versions: 2.10 → 2.11 breaks only a search paging without per_page (renames are type-only, the list schema an artefact)', async () => {
    const { code, out, err } = await run('diff', '2.10', '2.11');
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe('diff: 2.10 (locked @8889625a) → 2.11 (locked @8889625a)');
    expect(out.split('\n')[1]).toMatch(
      /^ {2}7 operations compared; 1 breaking, \d+ warnings?, \d+ info; \d+ type-only, \d+ artefacts$/,
    );
    expect(out).toContain(
      '    request-property-became-required: request property pagination.per_page is now required  [request application/json]\n',
    );
    expect(out).toContain(
      '    path-parameter-renamed: path parameter {id} renamed to {conversation_id} (position 1 in the template)  [parameter]\n',
    );
    expect(out).not.toContain('operation-path-changed');
    expect(out).toContain(
      'response-schema-component-changed: response schema changed component: paginated_response → paginated_conversation_response  [response 200 application/json]',
    );
    expect(out).toContain('\nARTEFACTS of the descriptions, not of the API (never fail) (');
  });

  it('exits 1 on the wire changes of 2.15 → 2.16, listed first', async () => {
    const { code, out } = await run('diff', '2.15', '2.16');
    expect(code).toBe(1);
    expect(out.split('\n')[3]).toMatch(/^BREAKING: a running client can misbehave \(\d+\)$/);
    expect(out).toContain(
      'response-enum-domain-replaced: response property priority: enum values replaced, "priority", "not_priority" → "none", "low", "medium", "high", "urgent"',
    );
    // --fail-on type-only also fails on type-only changes; artefacts never fail by default
    expect((await run('diff', '2.7', '2.8')).code).toBe(0);
    expect((await run('diff', '2.7', '2.8', '--fail-on', 'artefact')).code).toBe(1);
  });

  it('prints JSON with the change model and rendered messages; --fail-on never exits 0', async () => {
    const { code, out } = await run('diff', '2.10', '2.11', '--format', 'json', '--fail-on', 'never');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.old).toMatchObject({
      label: '2.10 (locked @8889625a)',
      kind: 'locked',
      version: '2.10',
      commit: COMMITS.newest,
    });
    expect(json.counts['type-only']).toBeGreaterThan(0);
    const renamed = json.changes.find(
      (c: { ruleId: string; operationId: string }) =>
        c.ruleId === 'path-parameter-renamed' && c.operationId === 'detachTagFromConversation',
    );
    expect(renamed).toMatchObject({
      class: 'type-only',
      reason: 'the URLs on the wire are the same; only generated code names the parameter differently',
      method: 'DELETE',
      path: '/conversations/{conversation_id}/tags/{tag_id}',
      location: 'parameter',
      args: { oldName: 'id', newName: 'tag_id', position: 1 },
      message: 'path parameter {id} renamed to {tag_id} (position 2 in the template)',
    });
  });

  it('limits the scope with --operations and prints Markdown', async () => {
    const { code, out } = await run(
      'diff',
      '2.10',
      '2.11',
      '--operations',
      'identifyAdmin',
      '--format',
      'markdown',
    );
    expect(code).toBe(0); // identifyAdmin: info, type-only changes and artefacts only
    expect(out).toMatch(
      /^## diff: 2\.10 \(locked @8889625a\) → 2\.11 \(locked @8889625a\)\n\n1 operation compared; 0 breaking, 0 warnings, \d+ info; \d+ type-only, \d+ artefacts\.\n/,
    );
    expect(out).toContain('| Level | Operation | Rule | Where | Change | Pointers |');
    const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Level'));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.split(' | ')[1]).toBe('identifyAdmin');
  });

  it('resolves short commits through the mirror: identical files give no changes', async () => {
    const { code, out } = await run('diff', '2.10@54a014d', '2.10@1d4e747', '--all');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^diff: 2\.10@54a014d1 → 2\.10@1d4e747b\n {2}\d+ operations compared; 0 breaking, 0 warnings, 0 info; 0 type-only, 0 artefacts\n {2}no changes\n$/,
    );
  });

  it('diffs two files, with --fail-on and --severity', async () => {
    const [a, b] = pair('parameter-default-changed');
    expect((await run('diff', a, b)).code).toBe(0); // a warning only
    expect((await run('diff', a, b, '--fail-on', 'warning')).code).toBe(1);
    const [c, d] = pair('parameter-maximum-lowered');
    expect((await run('diff', c, d)).code).toBe(1);
    const overridden = await run('diff', c, d, '--severity', 'parameter-maximum-lowered=info');
    expect(overridden.code).toBe(0);
    expect(overridden.out).toContain(
      'INFO: on the wire, harmless to readers (1)\n  listConversations  GET /conversations\n    parameter-maximum-lowered: query parameter "per_page": maximum lowered from 150 to 50  [parameter]\n',
    );
    // a levels file, as oasdiff's --severity-levels: one "rule-id level" per line, # comments
    const levels = join(temp, 'levels.txt');
    writeFileSync(levels, '# accepted for now\nparameter-maximum-lowered type-only\n');
    const fromFile = await run('diff', c, d, '--severity-file', levels);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain(
      'TYPE-ONLY: generated types change, the wire does not (never fails by default) (1)',
    );
    writeFileSync(levels, 'parameter-maximum-lowered fatal\n');
    const bad = await run('diff', c, d, '--severity-file', levels);
    expect([bad.code, bad.err]).toEqual([
      2,
      `intercom-conformance diff: unknown level "fatal" for parameter-maximum-lowered in ${levels}:1 (breaking, warning, info, type-only, artefact)\n`,
    ]);
  });

  it.each([
    [
      ['2.99', '2.11'],
      /^intercom-conformance diff: unknown API version "2\.99" \(locked versions: 2\.7, 2\.8, 2\.9, 2\.10, 2\.11, [^;]*Preview; /,
    ],
    [
      ['2.11@zzzz', '2.11'],
      /^intercom-conformance diff: bad commit "zzzz" \(expected 4 to 40 hex digits\)\n$/,
    ],
    [['2.11@deadbeef', '2.11'], /^intercom-conformance diff: unknown commit "deadbeef" in the mirror /],
    [
      ['2.16@54a014d', '2.11'],
      /^intercom-conformance diff: spec 2\.16@54a014d1f\w+: no such file in the mirror: /,
    ],
    [
      ['no/such/file.yaml', '2.11'],
      /^intercom-conformance diff: cannot read no\/such\/file\.yaml \(ENOENT\)\n$/,
    ],
    [['2.10'], /^intercom-conformance diff: usage: intercom-conformance diff <old> <new> /],
    [
      ['2.10', '2.11', '--format', 'html'],
      /^intercom-conformance diff: unknown --format "html" \(text, markdown, json\)\n$/,
    ],
    [
      ['2.10', '2.11', '--fail-on', 'error'],
      /^intercom-conformance diff: unknown --fail-on "error" \(breaking, warning, info, type-only, artefact, never\)\n$/,
    ],
    [
      ['2.11', '2.11'],
      /^intercom-conformance diff: 2\.11 is on both sides: compare two different versions\n$/,
    ],
    [
      ['2.10', '2.11', '--severity', 'nope=info'],
      /^intercom-conformance diff: unknown rule id "nope" in --severity/,
    ],
    [
      ['2.10', '2.11', '--operations', 'noSuchOperation'],
      /^intercom-conformance diff: operation noSuchOperation is in neither 2\.10 \(locked @8889625a\) nor 2\.11/,
    ],
    [
      ['2.10', '2.11', '--all', '--operations', 'identifyAdmin'],
      /^intercom-conformance diff: give either --operations or --all, not both\n$/,
    ],
    [['2.10', '2.11', '--bogus'], /^intercom-conformance diff: Unknown option '--bogus'/],
  ])('diff %j is a one-line error with exit 2', async (argv, message) => {
    const { code, out, err } = await run('diff', ...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd()).not.toMatch(/\n/);
  });

  it('reports a file that is not an OpenAPI description in one line', async () => {
    const file = join(temp, 'not-openapi.yaml');
    writeFileSync(file, 'a: 1\n');
    const { code, err } = await run('diff', file, file);
    expect(code).toBe(2);
    expect(err).toBe(`intercom-conformance diff: ${file} is not an OpenAPI description (no "paths")\n`);
  });

  it('reports an unreachable source in one line', async () => {
    const port = await closedPort();
    const { code, err } = await withEnv(
      {
        INTERCOM_OPENAPI_MIRROR: `http://127.0.0.1:${port}/mirror`,
        INTERCOM_CONFORMANCE_CACHE: join(temp, 'empty-cache'),
      },
      () => run('diff', `2.11@${COMMITS.first}`, pair('operation-removed')[0]),
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      /^intercom-conformance diff: spec 2\.11@54a014d1\w+: cannot reach http:\/\/127\.0\.0\.1:\d+\/mirror\/54a014d1\w+\/descriptions\/2\.11\/api\.intercom\.io\.yaml \(ECONNREFUSED\)\n$/,
    );
  });
});

describe('intercom-conformance drift', () => {
  it("compares each locked version with the mirror's newest commit: the lock is current", async () => {
    const { code, out, err } = await run('drift');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      "drift 2.10 (newest commit in the mirror's README): 2.10 (locked @8889625a) → 2.10@8889625a\n",
    );
    expect(out).toContain(
      "drift 2.11 (newest commit in the mirror's README): 2.11 (locked @8889625a) → 2.11@8889625a\n",
    );
    expect(out).toContain(
      "drift Preview (newest commit in the mirror's README): Preview (locked @8889625a) → Preview@8889625a\n",
    );
    expect(out.match(/ {2}no changes\n/g)).toHaveLength(11);
  });

  it('compares with --to, one JSON section per version', async () => {
    const lock = join(temp, 'lock-2.10-2.11.json');
    const { readLock } = await import('../../src/descriptions/lock.ts');
    const full = readLock();
    writeFileSync(
      lock,
      JSON.stringify({ versions: { '2.10': full.versions['2.10'], '2.11': full.versions['2.11'] } }),
    );
    const { driftCommand } = await import('../../src/cli/diff.ts');
    const { captureIo: capture } = await import('./helpers.ts');
    const { io, out } = capture();
    const code = await driftCommand(['--to', '96180ea7', '--format', 'json', '--fail-on', 'type-only'], io, {
      lock: readLock(lock),
    });
    expect(code).toBe(1);
    const { sections } = JSON.parse(out());
    expect(sections.map((s: { new: { label: string } }) => s.new.label)).toEqual([
      '2.10@96180ea7',
      '2.11@96180ea7',
    ]);
    // the pinned 2.11 is newer than 96180ea7: read backwards, the renamed parameter gets its old name back
    const changed = sections[1].changes.find(
      (c: { ruleId: string; operationId: string }) =>
        c.ruleId === 'path-parameter-renamed' && c.operationId === 'retrieveConversation',
    );
    expect(changed.args).toEqual({ oldName: 'conversation_id', newName: 'id', position: 0 });
  });

  it('needs --to when the source cannot tell its newest commit', async () => {
    // the GitHub API is a closed loopback port here: never the internet
    const api = `http://127.0.0.1:${await closedPort()}`;
    const { code, out, err } = await withEnv(
      { INTERCOM_OPENAPI_MIRROR: '', INTERCOM_OPENAPI_GITHUB_API: api },
      () => run('drift'),
    );
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `intercom-conformance drift: cannot learn the newest upstream commit from ${api} (ECONNREFUSED): pass --to <commit>\n`,
    );
  });

  it('rejects positional arguments', async () => {
    const { code, err } = await run('drift', '2.10');
    expect(code).toBe(2);
    expect(err).toMatch(/^intercom-conformance drift: usage: intercom-conformance drift \[--to <commit>\]/);
  });
});
