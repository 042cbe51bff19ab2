import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { conformingConversation211 } from '../helpers/conversations.ts';
import { tempDir } from '../helpers/env.ts';

const dir = tempDir();
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const good = file('good.json', conformingConversation211());
const bad = file('bad.json', { ...conformingConversation211(), state: 'pending', open: 'yes' });
const base = ['validate', '--api-version', '2.11', '--operation', 'retrieveConversation'];

describe('intercom-conformance validate', () => {
  it('exits 0 when the body conforms', async () => {
    const run = await runCli([...base, good]);
    expect(run).toEqual({ code: 0, stdout: 'conforms: retrieveConversation 200 (API 2.11)\n', stderr: '' });
  });

  it('exits 1 with findings sorted by instancePath in the documented JSON shape', async () => {
    const run = await runCli([...base, '--format', 'json', bad]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['verdict', 'apiVersion', 'operationId', 'status', 'findings']);
    expect(out).toMatchObject({
      verdict: 'violation',
      apiVersion: '2.11',
      operationId: 'retrieveConversation',
      status: 200,
    });
    expect(
      out.findings.map((f: { instancePath: string; keyword: string }) => [f.instancePath, f.keyword]),
    ).toEqual([
      ['/open', 'type'],
      ['/state', 'enum'],
    ]);
    for (const f of out.findings) {
      // The foundation's fields, then the quirk-aware classification (a `quirk` id only for known quirks).
      expect(Object.keys(f)).toEqual([
        'instancePath',
        'schemaPath',
        'keyword',
        'params',
        'message',
        'specPointer',
        'classification',
      ]);
      expect(f.classification).toBe('violation');
    }
  });

  it('validates error bodies against the documented status', async () => {
    const notFound = file('404.json', {
      type: 'error.list',
      request_id: null,
      errors: [{ code: 'not_found', message: 'Resource Not Found' }],
    });
    expect((await runCli([...base, '--status', '404', notFound])).code).toBe(0);
    expect((await runCli([...base, '--status', '404', good])).code).toBe(1);
  });

  it.each([
    [
      ['validate', '--api-version', '9.99', '--operation', 'retrieveConversation', 'x.json'],
      /unknown API version "9\.99" \(locked versions: 2\.7, 2\.8, 2\.9, 2\.10, 2\.11, 2\.12, 2\.13, 2\.14, 2\.15, 2\.16, Preview; a version Intercom publishes is locked with: npm run spec:update -- --add 9\.99\)/,
    ],
    [
      ['validate', '--api-version', '', '--operation', 'retrieveConversation', 'x.json'],
      /^intercom-conformance validate: --api-version needs a value\n$/,
    ],
    [
      ['validate', '--api-version', '2.10..2.11', '--operation', 'retrieveConversation', 'x.json'],
      /validate takes one API version, not 2 \(2\.10, 2\.11\)/,
    ],
    [
      ['validate', '--api-version', '2.11', '--operation', 'createContact', 'x.json'],
      /unknown operation "createContact" for API 2\.11/,
    ],
    [
      [...base, '--status', '418', 'x.json'],
      /status 418 is not documented for retrieveConversation in API 2\.11 \(documented: 200, 401, 403, 404\)/,
    ],
    [[...base, '--status', 'abc', 'x.json'], /--status must be a whole number from 100 to 599 \(got "abc"\)/],
    [[...base, join(dir, 'missing.json')], /cannot read .*missing\.json \(no such file\)/],
    [[...base, file('invalid.json', '{"type": "conversation",')], /invalid\.json is not valid JSON/],
    [[...base, '--format', 'xml', 'x.json'], /unknown --format "xml" \(text, json\)/],
    [['validate', good], /usage: intercom-conformance validate/],
    [[...base, '--bogus', good], /Unknown option '--bogus'/],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const run = await runCli(argv as string[]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads the body from stdin with "-", through the real executable', () => {
    const run = spawnCli([...base, '--format', 'json', '-'], {
      input: JSON.stringify({ ...conformingConversation211(), read: 1 }),
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings[0]).toMatchObject({ instancePath: '/read', keyword: 'type' });
    const invalid = spawnCli([...base, '-'], { input: 'not json' });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim()).toMatch(/^intercom-conformance validate: stdin is not valid JSON \(.+\)$/);
  });
});
