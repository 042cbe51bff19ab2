import { UserError } from '../util/errors.ts';
import { childPointer, pointer, resolvePointer } from '../util/json-pointer.ts';
import type { OpenApiDocument } from './load.ts';

/** The operations the kit covers, keyed by operationId (path templates differ between versions). */
export const COVERED_OPERATIONS = [
  'listConversations',
  'retrieveConversation',
  'attachTagToConversation',
  'detachTagFromConversation',
  'identifyAdmin',
  'searchConversations',
  'manageConversation',
] as const;

export type CoveredOperationId = (typeof COVERED_OPERATIONS)[number];

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The parameter's schema as the description gives it (descriptions and examples dropped). */
  schema: Record<string, unknown>;
  pointer: string;
}

export interface MediaInfo {
  /** Export name of the precompiled validator in `validators.cjs`. */
  validator: string;
  /** JSON pointer of the schema in the description. */
  pointer: string;
  /** The component the schema is (when it is a plain `$ref`), e.g. `conversation`. */
  component?: string;
  examples: Record<string, unknown>;
}

export interface ResponseInfo {
  description: string;
  content: Record<string, MediaInfo>;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  pointer: string;
  summary?: string;
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; content: Record<string, MediaInfo> };
  responses: Record<string, ResponseInfo>;
}

export interface OperationIndex {
  apiVersion: string;
  operations: Record<string, OperationInfo>;
}

export interface LocatedOperation {
  method: string;
  path: string;
  pointer: string;
  node: Record<string, unknown>;
  pathItem: Record<string, unknown>;
}

/** Finds an operation by operationId anywhere in the description. */
function locateOperation(doc: OpenApiDocument, operationId: string): LocatedOperation | undefined {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const node = (item as Record<string, unknown>)[method] as Record<string, unknown> | undefined;
      if (node && node.operationId === operationId) {
        return { method, path, pointer: pointer('paths', path, method), node, pathItem: item };
      }
    }
  }
  return undefined;
}

export function allOperationIds(doc: OpenApiDocument): string[] {
  const ids: string[] = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const id = (item as Record<string, { operationId?: string }>)?.[method]?.operationId;
      if (id) ids.push(id);
    }
  }
  return ids;
}

function deref(
  doc: OpenApiDocument,
  node: unknown,
  at: string,
): { node: Record<string, unknown>; at: string } {
  let current = node as Record<string, unknown>;
  let where = at;
  for (let hops = 0; hops < 10 && current && typeof current.$ref === 'string'; hops++) {
    where = current.$ref as string;
    current = resolvePointer(doc, where) as Record<string, unknown>;
  }
  return { node: current ?? {}, at: where };
}

function stripAnnotations(schema: unknown): Record<string, unknown> {
  if (!schema || typeof schema !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if (k !== 'description' && k !== 'example') out[k] = v;
  return out;
}

function examplesOf(media: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('example' in media) out.example = media.example;
  const examples = media.examples as Record<string, { value?: unknown }> | undefined;
  for (const [name, ex] of Object.entries(examples ?? {})) if (ex && 'value' in ex) out[name] = ex.value;
  return out;
}

function validatorName(operationId: string, kind: string, mediaType: string): string {
  return `${operationId}_${kind}_${mediaType.replace(/[^A-Za-z0-9]+/g, '_')}`.replace(/_+$/, '');
}

function componentOf(schema: unknown): string | undefined {
  const ref = (schema as { $ref?: unknown })?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice(21) : undefined;
}

function mediaInfos(
  content: Record<string, unknown> | undefined,
  at: string,
  name: (mediaType: string) => string,
): Record<string, MediaInfo> {
  const out: Record<string, MediaInfo> = {};
  for (const [mediaType, media] of Object.entries(content ?? {})) {
    const m = (media ?? {}) as Record<string, unknown>;
    if (!('schema' in m)) continue;
    const component = componentOf(m.schema);
    out[mediaType] = {
      validator: name(mediaType),
      pointer: childPointer(at, 'content', mediaType, 'schema'),
      ...(component ? { component } : {}),
      examples: examplesOf(m),
    };
  }
  return out;
}

/** The index entry of one operation: everything a check, the mock or the client needs to know about it. */
function describeOperation(doc: OpenApiDocument, operationId: string): OperationInfo {
  const located = locateOperation(doc, operationId);
  if (!located) throw new UserError(`operation ${operationId} is not in the description`);
  const { node, pathItem, method, path } = located;
  const params = new Map<string, ParameterInfo>();
  const collect = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const { node: p, at: where } = deref(doc, raw, childPointer(at, i));
      if (typeof p.name !== 'string' || typeof p.in !== 'string') return;
      params.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in as ParameterInfo['in'],
        required: p.required === true,
        schema: stripAnnotations(p.schema),
        pointer: where,
      });
    });
  };
  collect(pathItem.parameters, childPointer(pointer('paths', path), 'parameters'));
  collect(node.parameters, childPointer(located.pointer, 'parameters'));

  const info: OperationInfo = {
    operationId,
    method: method.toUpperCase(),
    path,
    pointer: located.pointer,
    ...(typeof node.summary === 'string' ? { summary: node.summary } : {}),
    parameters: [...params.values()],
    responses: {},
  };
  if (node.requestBody) {
    const { node: body, at } = deref(doc, node.requestBody, childPointer(located.pointer, 'requestBody'));
    info.requestBody = {
      required: body.required === true,
      content: mediaInfos(body.content as Record<string, unknown>, at, (mt) =>
        validatorName(operationId, 'request', mt),
      ),
    };
  }
  for (const [status, raw] of Object.entries((node.responses ?? {}) as Record<string, unknown>)) {
    const { node: response, at } = deref(doc, raw, childPointer(located.pointer, 'responses', status));
    info.responses[status] = {
      description: typeof response.description === 'string' ? response.description : '',
      content: mediaInfos(response.content as Record<string, unknown>, at, (mt) =>
        validatorName(operationId, status, mt),
      ),
    };
  }
  return info;
}

export function buildOperationIndex(
  doc: OpenApiDocument,
  apiVersion: string,
  operationIds: readonly string[] = COVERED_OPERATIONS,
): OperationIndex {
  const operations: Record<string, OperationInfo> = {};
  for (const id of operationIds) operations[id] = describeOperation(doc, id);
  return { apiVersion, operations };
}
