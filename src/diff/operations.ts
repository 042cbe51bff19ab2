import type { OpenApiDocument } from '../descriptions/load.ts';
import { HTTP_METHODS } from '../descriptions/operations.ts';
import { isObject } from '../util/json.ts';
import { childPointer, pointer, resolvePointer } from '../util/json-pointer.ts';

/** One operation of a description, with its parameters, request body and responses dereferenced. */
export interface OperationView {
  /** The operationId, or `METHOD /path` when the operation has none. */
  key: string;
  method: string;
  path: string;
  pointer: string;
  parameters: ParameterView[];
  requestBody?: BodyView;
  responses: Map<string, ResponseView>;
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  /** Where the parameter object is (after following a `$ref`). */
  pointer: string;
  schema: unknown;
  schemaAt: string;
}

export interface MediaView {
  /** Where the media type object is. */
  pointer: string;
  schema: unknown;
  /** Where the media type's schema stands. */
  schemaAt: string;
  hasSchema: boolean;
}

export interface BodyView {
  required: boolean;
  pointer: string;
  content: Map<string, MediaView>;
}

export interface ResponseView {
  pointer: string;
  content: Map<string, MediaView>;
}

function deref(
  doc: OpenApiDocument,
  node: unknown,
  at: string,
): { node: Record<string, unknown>; at: string } {
  let current = node;
  let where = at;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    where = current.$ref;
    current = resolvePointer(doc, where);
  }
  return { node: isObject(current) ? current : {}, at: where };
}

function contentOf(node: Record<string, unknown>, at: string): Map<string, MediaView> {
  const out = new Map<string, MediaView>();
  if (!isObject(node.content)) return out;
  for (const [mediaType, media] of Object.entries(node.content)) {
    const m = isObject(media) ? media : {};
    out.set(mediaType, {
      pointer: childPointer(at, 'content', mediaType),
      schema: m.schema,
      schemaAt: childPointer(at, 'content', mediaType, 'schema'),
      hasSchema: 'schema' in m,
    });
  }
  return out;
}

/** The names of a path template's parameters, in order: `/a/{x}/b/{y}` → `['x', 'y']`. */
export function templateParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** A path template with its parameter names blanked: the shape of the URLs a client builds. */
export function urlShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

/** Header names are case-insensitive; every other parameter is matched by its exact name. */
export function parameterKey(p: Pick<ParameterView, 'in' | 'name'>): string {
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

function parametersOf(doc: OpenApiDocument, lists: Array<{ list: unknown; at: string }>): ParameterView[] {
  const byKey = new Map<string, ParameterView>();
  for (const { list, at } of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const { node, at: where } = deref(doc, raw, childPointer(at, i));
      if (typeof node.name !== 'string' || typeof node.in !== 'string') return;
      const view: ParameterView = {
        name: node.name,
        in: node.in,
        required: node.required === true || node.in === 'path',
        pointer: where,
        schema: node.schema,
        schemaAt: childPointer(where, 'schema'),
      };
      byKey.set(parameterKey(view), view); // an operation's parameter overrides the path item's
    });
  }
  return [...byKey.values()];
}

function viewOperation(
  doc: OpenApiDocument,
  path: string,
  method: string,
  node: Record<string, unknown>,
  item: Record<string, unknown>,
): OperationView {
  const at = pointer('paths', path, method);
  const view: OperationView = {
    key: typeof node.operationId === 'string' ? node.operationId : `${method.toUpperCase()} ${path}`,
    method,
    path,
    pointer: at,
    parameters: parametersOf(doc, [
      { list: item.parameters, at: childPointer(pointer('paths', path), 'parameters') },
      { list: node.parameters, at: childPointer(at, 'parameters') },
    ]),
    responses: new Map(),
  };
  if (node.requestBody !== undefined) {
    const body = deref(doc, node.requestBody, childPointer(at, 'requestBody'));
    view.requestBody = {
      required: body.node.required === true,
      pointer: body.at,
      content: contentOf(body.node, body.at),
    };
  }
  if (isObject(node.responses)) {
    for (const [status, raw] of Object.entries(node.responses)) {
      const response = deref(doc, raw, childPointer(at, 'responses', status));
      view.responses.set(status, { pointer: response.at, content: contentOf(response.node, response.at) });
    }
  }
  return view;
}

/** Every operation of a description, by key. A later duplicate operationId does not replace the first. */
export function operationViews(doc: OpenApiDocument): Map<string, OperationView> {
  const out = new Map<string, OperationView>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isObject(node)) continue;
      const view = viewOperation(doc, path, method, node, item);
      if (!out.has(view.key)) out.set(view.key, view);
    }
  }
  return out;
}
