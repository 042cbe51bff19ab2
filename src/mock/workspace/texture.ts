import { generateSync, type JsonSchema } from 'json-schema-faker';
import { resolvePointer } from '../../util/json-pointer.ts';
import { loadArtifacts } from '../../validate/artifacts.ts';
import { mix } from './prng.ts';

/**
 * What json-schema-faker contributes to a conversation: the values it picks from the schema's own domains
 * (enums, booleans, nullability, integers), seeded per (workspace seed, conversation index). The faked
 * object itself is not served (its ids, timestamps and strings are not consistent); the consistency pass in
 * `conversation.ts` builds the conversation around these picks.
 *
 * The texture comes from the `conversation` schema of the newest locked version, for every version served,
 * so that one conversation reads the same in 2.10 and 2.11 except for what the version's shape changes.
 */
export interface Texture {
  priority: 'priority' | 'not_priority';
  read: boolean;
  sourceType: string;
  hasTitle: boolean;
  slaStatus: string;
  aiSourceType: string;
  aiLastAnswerType: string | null;
  aiResolutionState: string | null;
  linkedCategory: string | null;
  medianTimeToReply: number;
}

export type TextureFn = (seed: number, index: number) => Texture;

function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

export function extractTexture(faked: unknown): Texture {
  const linked = at(faked, 'linked_objects', 'data', '0', 'category');
  const median = at(faked, 'statistics', 'median_time_to_reply');
  return {
    priority: at(faked, 'priority') === 'priority' ? 'priority' : 'not_priority',
    read: at(faked, 'read') === true,
    sourceType: stringOr(at(faked, 'source', 'type'), 'conversation'),
    hasTitle: typeof at(faked, 'title') === 'string',
    slaStatus: stringOr(at(faked, 'sla_applied', 'sla_status'), 'hit'),
    aiSourceType: stringOr(at(faked, 'ai_agent', 'source_type'), 'workflow'),
    aiLastAnswerType: stringOr(at(faked, 'ai_agent', 'last_answer_type'), null),
    aiResolutionState: stringOr(at(faked, 'ai_agent', 'resolution_state'), null),
    linkedCategory: typeof linked === 'string' ? linked : null,
    medianTimeToReply: typeof median === 'number' ? 60 + (Math.abs(Math.trunc(median)) % 7200) : 600,
  };
}

function newest(versions: string[]): string {
  const key = (v: string) => v.split('.').map((n) => Number(n) || 0);
  return [...versions].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  })[versions.length - 1]!;
}

/** The properties the texture reads. */
const TEXTURE_PROPERTIES = [
  'priority',
  'read',
  'source',
  'title',
  'sla_applied',
  'ai_agent',
  'linked_objects',
  'statistics',
];

/** The conversation schema of a bundle restricted to the properties read (faking the parts is wasted work). */
function projection(bundle: Record<string, unknown>): JsonSchema {
  const ref = typeof bundle.$ref === 'string' ? bundle.$ref : undefined;
  const conversation = ref ? (resolvePointer(bundle, ref) as Record<string, unknown> | undefined) : undefined;
  const properties = conversation?.properties as Record<string, unknown> | undefined;
  if (!conversation || !properties) return bundle as JsonSchema;
  const { $ref: _, ...rest } = bundle;
  return {
    ...rest,
    type: 'object',
    properties: Object.fromEntries(
      TEXTURE_PROPERTIES.filter((p) => p in properties).map((p) => [p, properties[p]]),
    ),
  } as JsonSchema;
}

/** The texture source of a set of locked versions: faker over the newest one's conversation schema. */
export function textureFrom(lockedVersions: string[]): TextureFn {
  const artifacts = loadArtifacts(newest(lockedVersions));
  const op = artifacts.index.operations.retrieveConversation;
  const validator = op?.responses['200']?.content['application/json']?.validator;
  const bundle = validator ? artifacts.schemas()[validator] : undefined;
  if (!bundle) return () => extractTexture(undefined);
  const schema = projection(bundle);
  return (seed, index) =>
    extractTexture(
      generateSync(schema, {
        seed: mix(seed, index, 0x74657874) || 1,
        alwaysFakeOptionals: true,
        maxDepth: 4,
        maxDefaultItems: 1,
      }),
    );
}
