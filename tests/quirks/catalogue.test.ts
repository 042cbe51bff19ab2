import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadLockedDescription, type OpenApiDocument } from '../../src/descriptions/load.ts';
import { readLock } from '../../src/descriptions/lock.ts';
import { generate } from '../../src/generate/index.ts';
import type { QuirkRegistry } from '../../src/model/quirk.ts';
import { type CatalogueQuirk, loadCatalogue, quirksInRange } from '../../src/quirks/catalogue.ts';
import { quirkReading, type StrictReading } from '../../src/quirks/selfcheck.ts';
import { UserError } from '../../src/util/errors.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { responseTarget, validateAgainst } from '../../src/validate/validate.ts';
import { runCli } from '../helpers/cli.ts';
import { MIRROR, tempDir } from '../helpers/env.ts';

const source = { kind: 'dir' as const, root: MIRROR };
const NULLABLE_IN_2_12 = [
  'null-conversation-rating',
  'null-first-contact-reply',
  'null-sla-applied',
  'null-statistics',
  'null-teammates',
];

const docs = new Map<string, OpenApiDocument>();
async function strictReading(version: string): Promise<StrictReading & { doc: OpenApiDocument }> {
  if (!docs.has(version))
    docs.set(version, (await loadLockedDescription(version, readLock(), { source })).doc);
  const artifacts = loadArtifacts(version);
  return { version, doc: docs.get(version)!, index: artifacts.index, validators: artifacts.validators };
}

function quirkDir(files: Record<string, string>): string {
  const dir = tempDir('ic-quirks-');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('quirks follow the versions: the self-check on the real 2.11 → 2.12 change', () => {
  let catalogue: CatalogueQuirk[];
  beforeAll(() => {
    catalogue = loadCatalogue();
  });

  it('2.11 still rejects null where Intercom sends it: the null quirks apply', async () => {
    const { applies, resolved } = quirkReading(quirksInRange(catalogue, '2.11'), await strictReading('2.11'));
    expect(applies.map((q) => q.id)).toEqual(expect.arrayContaining(NULLABLE_IN_2_12));
    expect(resolved.map((q) => q.id)).not.toEqual(expect.arrayContaining(NULLABLE_IN_2_12));
  });

  it('2.12 made those five nullable: recorded as resolved there, not applied', async () => {
    const { applies, resolved } = quirkReading(quirksInRange(catalogue, '2.12'), await strictReading('2.12'));
    expect(resolved.map((q) => q.id)).toEqual(expect.arrayContaining(NULLABLE_IN_2_12));
    for (const id of NULLABLE_IN_2_12) expect(applies.map((q) => q.id)).not.toContain(id);
    // ai_agent is still `nullable` beside a `$ref` in 2.12: that quirk keeps applying.
    expect(applies.map((q) => q.id)).toContain('null-ai-agent');
    // What the generated registry says, and the strict 2.12 reading itself: null is accepted there.
    const registry = loadArtifacts('2.12').quirks()!.registry;
    expect(registry.resolved!.map((q) => q.id)).toEqual(expect.arrayContaining(NULLABLE_IN_2_12));
    expect(registry.quirks.map((q) => q.id)).not.toContain('null-statistics');
    const strict = responseTarget(loadArtifacts('2.12'), 'retrieveConversation', 200);
    expect(validateAgainst(strict, { statistics: null, conversation_rating: null })).toEqual([]);
  });

  it('every locked version has the data the semantic checks read (per-page-cap, per-page-default, parts cap, state invariants)', () => {
    for (const version of Object.keys(readLock().versions)) {
      const byId = new Map(
        loadArtifacts(version)
          .quirks()!
          .registry.quirks.map((q) => [q.id, q]),
      );
      expect(byId.get('per-page-cap')?.data, version).toEqual({
        'x-overflow-behaviours': ['reject', 'clamp'],
      });
      expect(byId.get('per-page-default')?.data, version).toEqual({ 'x-documented-defaults': [20, 150] });
      expect(byId.get('conversation-parts-cap')?.data, version).toMatchObject({ 'x-max-returned': 500 });
      expect(byId.get('snoozed-open')?.data, version).toHaveProperty('x-state-implies');
    }
  });
});

const GHOST = `id: ghost-schema
summary: a quirk on a schema 2.12 does not have
source: a crafted test file
versions: 2.11..2.12
actions:
  - target: $.components.schemas.no_such_schema
    update: { nullable: true }
`;

describe('bad quirk files', () => {
  it('a target that selects nothing in a version the quirk claims is an error naming quirk, version and target', async () => {
    const dir = quirkDir({ 'ghost-schema.yaml': GHOST });
    const declared = quirksInRange(loadCatalogue(dir), '2.12');
    let error: unknown;
    try {
      quirkReading(declared, await strictReading('2.12'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as Error).message).toBe(
      `quirk ghost-schema (API 2.12): target $.components.schemas.no_such_schema selects nothing in the description (${join(dir, 'ghost-schema.yaml')}: narrow its versions or fix the target)`,
    );
  });

  it.each([
    ['no range', GHOST.replace('versions: 2.11..2.12\n', ''), /ghost\.yaml: "versions" is missing/],
    ['an empty range', GHOST.replace('2.11..2.12', '2.12..2.11'), /is empty \(2\.12 comes after 2\.11\)/],
    ['a range that is not one', GHOST.replace('2.11..2.12', 'latest'), /"latest" is not an API version/],
    [
      'an id that is not kebab-case',
      GHOST.replace('ghost-schema', 'Ghost_Schema'),
      /quirk id "Ghost_Schema" is not kebab-case/,
    ],
    ['no source', GHOST.replace('source: a crafted test file\n', ''), /"source" is missing/],
    [
      'an action outside the quirk range',
      GHOST.replace('  - target:', '  - versions: 2.16\n    target:'),
      /action 0: versions 2\.16 reach outside the quirk's 2\.11\.\.2\.12/,
    ],
    [
      'an action doing nothing',
      GHOST.replace('    update: { nullable: true }\n', ''),
      /neither updates nor removes/,
    ],
    [
      'a probe without operation',
      `${GHOST}deviation:\n  - { body: {}, at: /x }\n`,
      /deviation 0 needs operation, body and at/,
    ],
    ['invalid YAML', 'id: [', /ghost\.yaml is not valid YAML/],
  ])('%s is a one-line error', (_, text, want) => {
    const dir = quirkDir({ 'ghost.yaml': text });
    expect(() => loadCatalogue(dir)).toThrow(want);
  });

  it('one id declared twice is an error naming both files', () => {
    const dir = quirkDir({ 'a.yaml': GHOST, 'b.yaml': GHOST });
    expect(() => loadCatalogue(dir)).toThrow(
      /quirk id ghost-schema is declared twice \(.*a\.yaml and .*b\.yaml\)/,
    );
  });
});

describe('generation with the catalogue', () => {
  it('a version without quirk data says so at generation and in validate (text and JSON), never silently strict', async () => {
    // Inside the package, so that the generated validators resolve ajv's runtime from node_modules.
    mkdirSync(join(packageRoot, '.cache'), { recursive: true });
    const outDir = mkdtempSync(join(packageRoot, '.cache', 'test-generated-'));
    onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const lock = { versions: { '2.12': readLock().versions['2.12']! } };
    await generate({ lock, outDir, source, quirksDir: quirkDir({}), log: (l) => lines.push(l) });
    expect(lines).toContain(
      '2.12: no quirk data (no quirk in openapi/quirks/ declares 2.12): the quirk-aware reading equals the strict one',
    );
    expect(existsSync(join(outDir, '2.12', 'quirks.json'))).toBe(false);

    const body = join(outDir, 'body.json');
    writeFileSync(body, JSON.stringify({ type: 'conversation', id: '1', ai_agent: null }));
    const previous = process.env.INTERCOM_CONFORMANCE_GENERATED;
    process.env.INTERCOM_CONFORMANCE_GENERATED = outDir;
    try {
      const args = ['validate', '--api-version', '2.12', '--operation', 'retrieveConversation'];
      const text = await runCli([...args, body]);
      expect(text.stderr).toBe('');
      expect(text.stdout).toContain(
        'note: API 2.12 has no quirk data: the quirk-aware reading equals the strict one',
      );
      expect(text.stdout).toMatch(/^violation: retrieveConversation 200 \(API 2\.12\)/);
      const json = JSON.parse((await runCli([...args, '--format', 'json', body])).stdout);
      expect(json.note).toBe('API 2.12 has no quirk data: the quirk-aware reading equals the strict one');
      // With quirk data (the real catalogue), the same body is a known quirk.
      if (previous === undefined) delete process.env.INTERCOM_CONFORMANCE_GENERATED;
      else process.env.INTERCOM_CONFORMANCE_GENERATED = previous;
      const withData = JSON.parse((await runCli([...args, '--format', 'json', body])).stdout);
      expect(withData.note).toBeUndefined();
      expect(withData.verdict).toBe('known-quirk');
      expect(withData.findings.map((f: { quirk?: string }) => f.quirk)).toEqual(['null-ai-agent']);
    } finally {
      if (previous === undefined) delete process.env.INTERCOM_CONFORMANCE_GENERATED;
      else process.env.INTERCOM_CONFORMANCE_GENERATED = previous;
    }
  });

  it('generation stops on a quirk whose target is gone, and records resolved quirks in quirks.json', async () => {
    const lock = { versions: { '2.12': readLock().versions['2.12']! } };
    await expect(
      generate({
        lock,
        outDir: tempDir('ic-gen-'),
        source,
        quirksDir: quirkDir({ 'ghost-schema.yaml': GHOST }),
      }),
    ).rejects.toThrow(
      /^quirk ghost-schema \(API 2\.12\): target \$\.components\.schemas\.no_such_schema selects nothing/,
    );
    const registry = JSON.parse(
      readFileSync(join('generated', '2.12', 'quirks.json'), 'utf8'),
    ) as QuirkRegistry;
    expect(registry.resolved!.find((q) => q.id === 'null-statistics')).toMatchObject({ versions: '2.11..' });
  });
});
