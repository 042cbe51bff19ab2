import { parsePointer, resolvePointer } from '../util/json-pointer.ts';
import { loadArtifacts, type VersionArtifacts } from '../validate/artifacts.ts';

/** The schema a finding broke, looked up by API version and the finding's spec pointer; `undefined` if unknown. */
export type SchemaExcerptFn = (apiVersion: string, pointer: string) => unknown;

/** Keywords a spec pointer may end with; the excerpt is then the schema that holds the keyword. */
const KEYWORDS = new Set([
  '$ref',
  'additionalProperties',
  'allOf',
  'anyOf',
  'const',
  'enum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'format',
  'items',
  'maxItems',
  'maxLength',
  'maximum',
  'minItems',
  'minLength',
  'minimum',
  'multipleOf',
  'not',
  'nullable',
  'oneOf',
  'pattern',
  'properties',
  'required',
  'type',
  'uniqueItems',
]);

function parentPointer(ptr: string): string {
  return ptr.slice(0, ptr.lastIndexOf('/')) || '#';
}

function isPrefix(prefix: string, ptr: string): boolean {
  return ptr === prefix || ptr.startsWith(`${prefix}/`);
}

/** `node` without the bundle's `components` (when it is a bundle root). */
function withoutComponents(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node) || !('components' in node)) return node;
  const { components: _, ...rest } = node as Record<string, unknown>;
  return rest;
}

/** A schema that is only a local `$ref` (a bundle root, typically) shows the schema it points at. */
function followRef(bundle: unknown, node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const keys = Object.keys(node);
  const ref = (node as { $ref?: unknown }).$ref;
  if (keys.length !== 1 || typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  return resolvePointer(bundle, ref) ?? node;
}

/** Resolves a description pointer in the generated artifacts of one version (bundles mirror the description). */
export function excerptFrom(artifacts: VersionArtifacts, pointer: string): unknown {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return undefined;
  }
  const last = tokens[tokens.length - 1];
  const endsInKeyword =
    last !== undefined && KEYWORDS.has(last) && tokens[tokens.length - 2] !== 'properties';
  const target = endsInKeyword ? parentPointer(pointer) : pointer;
  const schemas = artifacts.schemas();
  if (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens[2] !== undefined) {
    for (const name of Object.keys(schemas).sort()) {
      const found = resolvePointer(schemas[name], target);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const operation of Object.values(artifacts.index.operations)) {
    const media = [
      ...Object.values(operation.responses).flatMap((r) => Object.values(r.content)),
      ...Object.values(operation.requestBody?.content ?? {}),
    ];
    for (const m of media) {
      if (!isPrefix(m.pointer, target) || !schemas[m.validator]) continue;
      const bundle = schemas[m.validator];
      return followRef(
        bundle,
        withoutComponents(resolvePointer(bundle, `#${target.slice(m.pointer.length)}`)),
      );
    }
    for (const p of operation.parameters) {
      if (isPrefix(p.pointer, target)) return resolvePointer(p, `#${target.slice(p.pointer.length)}`);
    }
  }
  return undefined;
}

/**
 * The excerpt lookup over `generated/<version>/` (or `root`). Versions without generated artifacts give no
 * excerpt, so that reports still render anywhere.
 */
export function artifactSchemaExcerpt(root?: string): SchemaExcerptFn {
  const byVersion = new Map<string, VersionArtifacts | undefined>();
  const artifactsOf = (apiVersion: string): VersionArtifacts | undefined => {
    if (!byVersion.has(apiVersion)) {
      let artifacts: VersionArtifacts | undefined;
      try {
        artifacts = root === undefined ? loadArtifacts(apiVersion) : loadArtifacts(apiVersion, root);
        artifacts.schemas();
      } catch {
        artifacts = undefined;
      }
      byVersion.set(apiVersion, artifacts);
    }
    return byVersion.get(apiVersion);
  };
  return (apiVersion, pointer) => {
    const artifacts = artifactsOf(apiVersion);
    if (!artifacts) return undefined;
    try {
      return excerptFrom(artifacts, pointer);
    } catch {
      return undefined;
    }
  };
}
