import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveCommit, shortCommit } from '../descriptions/commits.ts';
import { cachePath, ensureSpec } from '../descriptions/fetch.ts';
import { loadDescriptionAt, type OpenApiDocument } from '../descriptions/load.ts';
import { descriptionPath, lockEntry, type SpecLock } from '../descriptions/lock.ts';
import { type SpecSource, sourceFromEnv } from '../descriptions/source.ts';
import { UserError } from '../util/errors.ts';
import { specCacheDir } from '../util/paths.ts';
import type { SideInfo } from './model.ts';
import { loadParsedDescription } from './parsed-cache.ts';

/**
 * One side of `diff`: a locked version (`2.10`), a version at an upstream commit (`2.11@54a014d`, resolved
 * through the same source and cache as the lock), or a file path.
 */
export type SideSpec =
  | { kind: 'locked'; version: string }
  | { kind: 'commit'; version: string; commit: string }
  | { kind: 'file'; path: string };

const AT_COMMIT = /^([^@\s]+)@([^@\s]+)$/;
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VERSION_LIKE = /^\d+(\.\d+)*$/;

export function parseSideSpec(text: string, lock: SpecLock): SideSpec {
  const spec = text.trim();
  if (spec === '')
    throw new UserError('empty description name (a locked version, <version>@<commit>, or a file)');
  const at = AT_COMMIT.exec(spec);
  if (at && !existsSync(spec)) {
    const [, version, commit] = at as unknown as [string, string, string];
    if (!VERSION_NAME.test(version)) throw new UserError(`bad API version "${version}" in "${spec}"`);
    return { kind: 'commit', version, commit };
  }
  if (Object.hasOwn(lock.versions, spec)) return { kind: 'locked', version: spec };
  if (VERSION_LIKE.test(spec) && !existsSync(spec)) {
    throw new UserError(
      `unknown API version "${spec}" (locked versions: ${Object.keys(lock.versions).join(', ')}; ` +
        `use ${spec}@<commit> for a version at an upstream commit, or give a file)`,
    );
  }
  return { kind: 'file', path: spec };
}

export interface LoadedSide {
  info: SideInfo;
  doc: OpenApiDocument;
}

export interface SideOptions {
  lock: SpecLock;
  source?: SpecSource;
  cacheDir?: string;
}

const MEMO_SIZE = 8;
const memo = new Map<string, { mtimeMs: number; size: number; doc: OpenApiDocument }>();

/** Forgets the descriptions parsed in this process (benchmarks of a cold start). */
export function clearParseMemo(): void {
  memo.clear();
}

/**
 * Parses a description file once per process while it is unchanged, and once per content across processes
 * (the parsed cache); errors name the file as given.
 */
function parseMemo(file: string, cacheDir: string, parsed?: OpenApiDocument): OpenApiDocument {
  const path = resolve(file);
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(path);
  } catch (error) {
    throw new UserError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const hit = memo.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.doc;
  const doc = parsed ?? loadParsedDescription(file, cacheDir);
  memo.delete(path);
  memo.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
  while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return doc;
}

export async function loadSide(spec: SideSpec, options: SideOptions): Promise<LoadedSide> {
  const source = options.source ?? sourceFromEnv();
  const cacheDir = options.cacheDir ?? specCacheDir();
  switch (spec.kind) {
    case 'locked': {
      const entry = lockEntry(spec.version, options.lock);
      const { file } = await ensureSpec(spec.version, entry, { source, cacheDir });
      return {
        info: {
          label: `${spec.version} (locked @${shortCommit(entry.commit)})`,
          kind: 'locked',
          version: spec.version,
          commit: entry.commit,
          file,
        },
        doc: parseMemo(file, cacheDir),
      };
    }
    case 'commit': {
      const commit = resolveCommit(spec.commit, source);
      // A locked version's file lives where the lock says (Preview: descriptions/0), at any commit.
      const path = options.lock.versions[spec.version]?.path ?? descriptionPath(spec.version);
      const cached = cachePath({ commit, path }, cacheDir);
      const doc = existsSync(cached)
        ? parseMemo(cached, cacheDir)
        : parseMemo(
            cached,
            cacheDir,
            (await loadDescriptionAt(spec.version, commit, { source, cacheDir, path })).doc,
          );
      return {
        info: {
          label: `${spec.version}@${shortCommit(commit)}`,
          kind: 'commit',
          version: spec.version,
          commit,
          file: cached,
        },
        doc,
      };
    }
    case 'file': {
      return {
        info: { label: spec.path, kind: 'file', file: resolve(spec.path) },
        doc: parseMemo(spec.path, cacheDir),
      };
    }
  }
}
