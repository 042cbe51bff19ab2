import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomically } from '../descriptions/fetch.ts';
import { type OpenApiDocument, parseDescription } from '../descriptions/load.ts';
import { UserError } from '../util/errors.ts';

/**
 * Parsed descriptions, cached by the sha256 of the file's bytes beside the spec cache
 * (`<cache>/parsed/<sha256>.v8`, V8's structured serialization): YAML parsing dominates `diff`, so `diff`,
 * `drift` and `upgrade` parse each content once. Keyed by content, the cache never goes stale; an entry that
 * cannot be read is parsed again and rewritten, and a cache that cannot be written is skipped silently.
 */
function parsedCacheFile(sha256: string, cacheDir: string): string {
  return resolve(cacheDir, 'parsed', `${sha256}.v8`);
}

export function loadParsedDescription(file: string, cacheDir: string): OpenApiDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  const cached = parsedCacheFile(sha, cacheDir);
  try {
    const doc = deserialize(readFileSync(cached)) as OpenApiDocument;
    if (doc && typeof doc === 'object' && 'paths' in doc) return doc;
  } catch {
    // not cached yet, or unreadable: parse below
  }
  const doc = parseDescription(bytes.toString('utf8'), file);
  try {
    writeAtomically(cached, serialize(doc));
  } catch {
    // a read-only cache still works, only slower
  }
  return doc;
}
