import { describe, expect, it } from 'vitest';
import { loadLockedDescription, type OpenApiDocument } from '../../src/descriptions/load.ts';
import { lockedVersions, readLock } from '../../src/descriptions/lock.ts';
import type { QuirkEntry } from '../../src/model/quirk.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { requestTarget, validateAgainst } from '../../src/validate/validate.ts';
import { MIRROR } from '../helpers/env.ts';

/**
 * The quirks of searchConversations and manageConversation, checked against what each locked description
 * itself says (its examples, its operation text, its schemas): remove a quirk's data and its rows fail.
 */
const source = { kind: 'dir' as const, root: MIRROR };
// biome-ignore lint/suspicious/noExplicitAny: walking a parsed YAML description
type Yaml = any;
const docs = new Map<string, OpenApiDocument>();
async function description(version: string): Promise<Yaml> {
  if (!docs.has(version))
    docs.set(version, (await loadLockedDescription(version, readLock(), { source })).doc);
  return docs.get(version) as Yaml;
}

function quirkOf(version: string, id: string): QuirkEntry | undefined {
  return loadArtifacts(version)
    .quirks()
    ?.registry.quirks.find((q) => q.id === id);
}
function resolvedIn(version: string, id: string): boolean {
  return (loadArtifacts(version).quirks()?.registry.resolved ?? []).some((q) => q.id === id);
}

/** The rows of a Markdown table in the operation text whose first cell matches `first`. */
function tableRows(text: string, first: RegExp): string[][] {
  return [...text.matchAll(/^\|([^\n]*)\|$/gm)]
    .map((m) => m[1]!.split('|').map((c) => c.trim()))
    .filter((cells) => first.test(cells[0]!));
}

const searchText = (doc: Yaml): string => doc.paths['/conversations/search'].post.description;

describe.each(lockedVersions())('%s: searchConversations and manageConversation quirks', (version) => {
  it('manage-request-numeric-ids: every request example of manageConversation fails the strict schema only by its numeric ids, and the quirk-aware one accepts it', () => {
    const artifacts = loadArtifacts(version);
    const strict = requestTarget(artifacts, 'manageConversation');
    const overlaid = artifacts.quirks()!.validators[strict.media.validator]!;
    const examples = Object.entries(strict.operation.requestBody!.content['application/json']!.examples!);
    expect(examples.map(([name]) => name).sort()).toEqual([
      'assign_a_conversation',
      'close_a_conversation',
      'not_found',
      'open_a_conversation',
      'snooze_a_conversation',
    ]);
    for (const [name, example] of examples) {
      const body = example as Record<string, unknown>;
      expect(typeof body.admin_id, name).toBe('number');
      expect(validateAgainst(strict, body).length, name).toBeGreaterThan(0);
      // With the ids as strings the strict schema accepts the example: the ids are the only deviation.
      const asStrings = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, k.endsWith('_id') ? String(v) : v]),
      );
      expect(validateAgainst(strict, asStrings), name).toEqual([]);
      expect(overlaid(body), name).toBe(true);
    }
    expect(overlaid({ message_type: 'open', admin_id: [] })).toBe(false);
    expect(overlaid({ message_type: 'close', type: 'admin' })).toBe(false);
  });

  it('search-operators-inclusive: the operator table against the enum, as data the search checks read', async () => {
    const doc = await description(version);
    const rows = tableRows(searchText(doc), /^(=|!=|IN|NIN|>|<|~|!~|\^|\$)$/);
    const enumValues: string[] = doc.components.schemas.single_filter_search_request.properties.operator.enum;
    const data = quirkOf(version, 'search-operators-inclusive')?.data['x-search-operators'] as
      | { documented: string[]; inclusive: Record<string, string>; undocumented: string[] }
      | undefined;
    expect(data).toBeDefined();
    expect(data!.documented).toEqual(rows.map((r) => r[0]));
    expect(enumValues.filter((o) => !rows.some((r) => r[0] === o))).toEqual(data!.undocumented);
    for (const [op, reading] of Object.entries(data!.inclusive)) {
      expect(rows.find((r) => r[0] === op)?.[2]).toMatch(/\(or equal\)/);
      expect(enumValues).toContain(reading);
    }
  });

  it('search-field-aliases and search-ai-agent-fields-unmodelled: every searchable field is in the conversation model or in the quirk data', async () => {
    const doc = await description(version);
    const schemas = doc.components.schemas;
    const resolve = (node: Yaml): Yaml => {
      let n = node;
      for (let i = 0; i < 10 && n?.$ref; i++) n = schemas[n.$ref.split('/').pop()];
      return n;
    };
    /** A dotted path (`[]` = into the items) that the conversation model defines. */
    const inModel = (path: string): boolean => {
      let n = resolve(schemas.conversation);
      for (const raw of path.split('.')) {
        const seg = raw.replace(/\[\]$/, '');
        n = resolve(n?.properties?.[seg]);
        if (!n) return false;
        if (raw.endsWith('[]')) n = resolve(n.items);
      }
      return true;
    };
    const fields = tableRows(searchText(doc), /^[a-z_]+(\.[a-z_]+)*$/).map((r) => r[0]!);
    expect(fields.length).toBeGreaterThan(50);
    const aliases = quirkOf(version, 'search-field-aliases')?.data ?? {};
    const paths = (aliases['x-search-field-paths'] ?? {}) as Record<string, string>;
    const unreadable = (aliases['x-search-fields-unreadable'] ?? []) as string[];
    const aiAgent = quirkOf(version, 'search-ai-agent-fields-unmodelled');
    const unmodelled = (aiAgent?.data['x-search-fields-unmodelled'] ?? []) as string[];
    const unexplained = fields.filter(
      (f) =>
        !inModel(f) && !(paths[f] && inModel(paths[f])) && !unreadable.includes(f) && !unmodelled.includes(f),
    );
    expect(unexplained).toEqual([]);
    // Each alias and unreadable field is one the table lists and the model lacks (no stale data).
    for (const f of [...Object.keys(paths), ...unreadable, ...unmodelled]) {
      expect(fields).toContain(f);
      expect(inModel(f)).toBe(false);
    }
    // The ai_agent rows: the model lacks ai_agent until 2.10; 2.11 defines it and the quirk resolves.
    const modelHasAiAgent = inModel('ai_agent');
    expect(aiAgent === undefined).toBe(modelHasAiAgent);
    expect(resolvedIn(version, 'search-ai-agent-fields-unmodelled')).toBe(modelHasAiAgent);
    expect(modelHasAiAgent).toBe(!['2.7', '2.8', '2.9', '2.10'].includes(version));
  });
});

describe.each(lockedVersions())('%s: the search request example', (version) => {
  it('conforms to the strict request schema, and compares a date field with a digit string (search-timestamp-digit-string)', async () => {
    const artifacts = loadArtifacts(version);
    const strict = requestTarget(artifacts, 'searchConversations');
    const examples = Object.values(strict.operation.requestBody!.content['application/json']!.examples!);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(validateAgainst(strict, example)).toEqual([]);
    // The Accepted Fields table types created_at as a date; the example sends a digit string.
    const doc = await description(version);
    const dateFields = new Set(
      tableRows(searchText(doc), /^[a-z_]+(\.[a-z_]+)*$/)
        .filter((r) => /^Date \(UNIX timestamp\)$/.test(r[1]!))
        .map((r) => r[0]),
    );
    const filters = examples.flatMap((e) => {
      const q = (e as { query: { value?: unknown } }).query;
      return Array.isArray(q.value) ? (q.value as Array<{ field: string; value: unknown }>) : [];
    });
    const stringDates = filters.filter((f) => dateFields.has(f.field) && typeof f.value === 'string');
    expect(stringDates.map((f) => [f.field, /^\d+$/.test(String(f.value))])).toEqual([['created_at', true]]);
    expect(quirkOf(version, 'search-timestamp-digit-string')?.data['x-search-date-values']).toEqual([
      'integer',
      'digit-string',
    ]);
  });
});
