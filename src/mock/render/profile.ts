import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuirkRegistry } from '../../model/quirk.ts';
import { isObject } from '../../util/json.ts';
import { resolvePointer } from '../../util/json-pointer.ts';
import type { VersionArtifacts } from '../../validate/artifacts.ts';
import { domainsOf, type VersionDomains } from './domains.ts';

/**
 * What a version's schemas say about the shape of a conversation, read from `generated/<v>/schemas.json`
 * (strict reading) rather than hard-coded: which properties the version describes or requires, and which may
 * be null. The shapes in shape.ts follow it, so a conformant response is valid by construction.
 */
export interface PropertyRule {
  described: boolean;
  required: boolean;
  nullable: boolean;
  /** The schema types it `integer` (2.16's unassigned ids: `0`, where the version refuses null). */
  integer: boolean;
}

export type PropertyRules = (name: string) => PropertyRule;

export interface VersionProfile {
  version: string;
  /** The conversation of retrieveConversation 200. */
  conversation: PropertyRules;
  /** A conversation in the list: the list's item schema, or the conversation's when the list does not describe items. */
  listItem: PropertyRules;
  listDescribesConversations: boolean;
  /** Whether `pages.next` requires `per_page` (2.11's `starting_after_paging`). */
  nextRequiresPerPage: boolean;
  /**
   * The shape of a `searchConversations` 200 page, when the version describes one: its own schema component
   * (`conversation_list`, or 2.11's `paginated_conversation_response`), which may differ from the list's.
   */
  search?: ListShape;
  /** The version's enums for the neutral facts (priority levels, channels, …). */
  domains: VersionDomains;
  /**
   * The quirks the version's generated registry (`generated/<v>/quirks.json`) lists as applying: the documented
   * scenario makes a deviation only where its quirk is listed. Empty when the version has no quirk data.
   */
  quirks: ReadonlySet<string>;
}

type Schema = Record<string, unknown>;

/** What a page of conversations (list or search) says about its items and its `pages.next`. */
export interface ListShape {
  item: PropertyRules;
  describesConversations: boolean;
  nextRequiresPerPage: boolean;
}

function deref(root: Schema, schema: unknown, depth = 0): Schema | undefined {
  if (!isObject(schema) || depth > 16) return undefined;
  if (typeof schema.$ref === 'string') return deref(root, resolvePointer(root, schema.$ref), depth + 1);
  return schema;
}

function allowsNull(root: Schema, schema: unknown): boolean {
  const s = deref(root, schema);
  if (!s) return true;
  const type = s.type;
  if (type === undefined && !s.allOf && !s.anyOf && !s.oneOf && !s.properties) return true;
  return type === 'null' || (Array.isArray(type) && type.includes('null'));
}

function isInteger(root: Schema, schema: unknown): boolean {
  const type = deref(root, schema)?.type;
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}

/** The ids of the quirks the version's registry lists (read without loading the quirk validators). */
export function listedQuirks(artifacts: VersionArtifacts): Set<string> {
  const file = join(artifacts.dir, 'quirks.json');
  if (!existsSync(file)) return new Set();
  const registry = JSON.parse(readFileSync(file, 'utf8')) as QuirkRegistry;
  return new Set(registry.quirks.map((q) => q.id));
}

function rulesOf(root: Schema, schema: Schema | undefined): PropertyRules {
  const props = isObject(schema?.properties) ? (schema.properties as Schema) : {};
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  const memo = new Map<string, PropertyRule>();
  return (name) => {
    let rule = memo.get(name);
    if (!rule) {
      rule = {
        described: Object.hasOwn(props, name),
        required: required.includes(name),
        nullable: Object.hasOwn(props, name) ? allowsNull(root, props[name]) : true,
        integer: isInteger(root, props[name]),
      };
      memo.set(name, rule);
    }
    return rule;
  };
}

function bundleOf(artifacts: VersionArtifacts, operationId: string): Schema {
  const media = artifacts.index.operations[operationId]?.responses['200']?.content['application/json'];
  const bundle = media ? artifacts.schemas()[media.validator] : undefined;
  return (bundle ?? {}) as Schema;
}

function listShapeOf(artifacts: VersionArtifacts, operationId: string, fallback: PropertyRules): ListShape {
  const root = bundleOf(artifacts, operationId);
  const list = deref(root, root);
  const props = isObject(list?.properties) ? (list.properties as Schema) : {};
  const items = deref(root, deref(root, props.conversations)?.items);
  const pagesProps = deref(root, props.pages)?.properties;
  const next = isObject(pagesProps) ? deref(root, pagesProps.next) : undefined;
  return {
    item: items ? rulesOf(root, items) : fallback,
    describesConversations: items !== undefined,
    nextRequiresPerPage: Array.isArray(next?.required) && (next.required as string[]).includes('per_page'),
  };
}

export function versionProfile(artifacts: VersionArtifacts): VersionProfile {
  const retrieveRoot = bundleOf(artifacts, 'retrieveConversation');
  const conversation = rulesOf(retrieveRoot, deref(retrieveRoot, retrieveRoot));
  const list = listShapeOf(artifacts, 'listConversations', conversation);
  const searched = artifacts.index.operations.searchConversations !== undefined;
  return {
    version: artifacts.apiVersion,
    conversation,
    listItem: list.item,
    listDescribesConversations: list.describesConversations,
    nextRequiresPerPage: list.nextRequiresPerPage,
    ...(searched ? { search: listShapeOf(artifacts, 'searchConversations', conversation) } : {}),
    domains: domainsOf(retrieveRoot, retrieveRoot),
    quirks: listedQuirks(artifacts),
  };
}

const SEARCH_PROFILES = new WeakMap<VersionProfile, VersionProfile>();

/**
 * The profile a search page is shaped with: the version's profile with the search response's item schema and
 * `pages.next` rule in place of the list's, so that the scenarios shape (and deviate in) a search page exactly
 * where its schema is the list's.
 */
export function searchProfileOf(profile: VersionProfile): VersionProfile {
  let out = SEARCH_PROFILES.get(profile);
  if (!out) {
    const shape = profile.search;
    out = shape
      ? {
          ...profile,
          listItem: shape.item,
          listDescribesConversations: shape.describesConversations,
          nextRequiresPerPage: shape.nextRequiresPerPage,
        }
      : profile;
    SEARCH_PROFILES.set(profile, out);
  }
  return out;
}
