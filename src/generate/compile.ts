import { createRequire } from 'node:module';
import { _, Ajv, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { escapeToken } from '../util/json-pointer.ts';

const require = createRequire(import.meta.url);
const formats = require('../validate/formats.cjs') as Record<string, unknown>;

/**
 * The one Ajv configuration of the kit: every error reported, unknown keywords (`components`, leftovers)
 * tolerated, formats from `intercom-conformance/formats` (ajv-formats + unix-time), no coercion, no defaults.
 */
function createAjv(options: { source: boolean }): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: true,
    // Errors carry their parentSchema, whose $comment is its JSON pointer in the description (see annotate).
    verbose: true,
    // Keep every $ref a function of its own, so that schemaPath stays a pointer into the description.
    inlineRefs: false,
    code: options.source
      ? { source: true, esm: false, lines: false, formats: _`require("intercom-conformance/formats")` }
      : {},
  });
  for (const [name, def] of Object.entries(formats)) ajv.addFormat(name, def as never);
  return ajv;
}

/**
 * A copy of a bundle whose every schema node carries its JSON pointer in the description as `$comment`.
 * Ajv's own schemaPath restarts at `#` inside each `$ref`'d schema; the comment does not.
 */
function annotate(bundle: Record<string, unknown>, rootPointer: string): Record<string, unknown> {
  const visit = (node: unknown, at: string): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    const src = node as Record<string, unknown>;
    const out: Record<string, unknown> = { $comment: at };
    for (const [key, value] of Object.entries(src)) {
      if (key === 'properties' && value && typeof value === 'object') {
        out.properties = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [
            name,
            visit(sub, `${at}/properties/${escapeToken(name)}`),
          ]),
        );
      } else if (key === 'items' || key === 'not' || key === 'additionalProperties') {
        out[key] = visit(value, `${at}/${key}`);
      } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
        out[key] = value.map((sub, i) => visit(sub, `${at}/${key}/${i}`));
      } else if (key === 'components' && at === rootPointer) {
        const schemas = (value as { schemas?: Record<string, unknown> }).schemas ?? {};
        out.components = {
          schemas: Object.fromEntries(
            Object.entries(schemas).map(([name, sub]) => [
              name,
              visit(sub, `#/components/schemas/${escapeToken(name)}`),
            ]),
          ),
        };
      } else out[key] = value;
    }
    return out;
  };
  return visit(bundle, rootPointer) as Record<string, unknown>;
}

export interface CompiledSet {
  /** CommonJS standalone code exporting one validator per name. */
  code: string;
  /** The same validators, compiled in process (used at generate time to check the description's examples). */
  validators: Record<string, ValidateFunction>;
}

export function compileValidators(
  schemas: Record<string, Record<string, unknown>>,
  pointers: Record<string, string>,
): CompiledSet {
  const ajv = createAjv({ source: true });
  const validators: Record<string, ValidateFunction> = {};
  const refs: Record<string, string> = {};
  for (const name of Object.keys(schemas).sort()) {
    ajv.addSchema(annotate(schemas[name]!, pointers[name]!), name);
    validators[name] = ajv.getSchema(name)!;
    refs[name] = name;
  }
  const code = (standaloneCode as unknown as (ajv: Ajv, refs: Record<string, string>) => string)(ajv, refs);
  return { code, validators };
}
