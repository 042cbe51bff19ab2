import { existsSync } from 'node:fs';
import { UserError } from '../util/errors.ts';

/**
 * API versions: how they are named, ordered, written in lists and ranges, and sent. Numbered versions
 * (`2.7` … `2.16`) order numerically; `Preview` (Intercom's unreleased description, `descriptions/0` upstream)
 * comes after every number.
 */
export const PREVIEW = 'Preview';

const NUMBERED = /^\d+\.\d+$/;

/** Whether a string is written like an API version (`2.17`, `Preview`), locked or not. */
export function isVersionName(text: string): boolean {
  return NUMBERED.test(text) || text === PREVIEW;
}

/** Orders versions: numerically by major then minor, Preview after every number, anything else last by name. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    if (NUMBERED.test(v)) {
      const [major, minor] = v.split('.').map(Number) as [number, number];
      return [0, major, minor];
    }
    return [v === PREVIEW ? 1 : 2, 0, 0];
  };
  const [ka, ma, na] = rank(a);
  const [kb, mb, nb] = rank(b);
  return ka - kb || ma - mb || na - nb || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortVersions(versions: Iterable<string>): string[] {
  return [...new Set(versions)].sort(compareVersions);
}

/**
 * The versions `run` checks when none is given (`--api-version`, INTERCOM_CONFORMANCE_API_VERSIONS): every
 * locked version. Any selection narrows it (`2.14`, `2.12..`, `2.10,2.11`).
 */
export const DEFAULT_RUN_VERSIONS = 'all';

/** The folder of a version in intercom/Intercom-OpenAPI: `descriptions/<v>`, `descriptions/0` for Preview. */
function upstreamFolder(version: string): string {
  return version === PREVIEW ? '0' : version;
}

/** The path of a version's description in intercom/Intercom-OpenAPI. */
export function upstreamPath(version: string): string {
  return `descriptions/${upstreamFolder(version)}/api.intercom.io.yaml`;
}

/**
 * The `Intercom-Version` header value of a locked version key. Every description's `intercom_version` schema
 * lists the values Intercom accepts; the Preview description's own example and default are `Preview` (not the
 * upstream folder name `0`), so the key is the header value.
 */
export function intercomVersionHeader(version: string): string {
  return version;
}

/**
 * A version range as quirk files write it: `2.10..2.11` (both ends included), `2.7..` (from 2.7 on, Preview
 * included), `..2.11`, or one version (`2.11`).
 */
export interface VersionRange {
  from?: string;
  to?: string;
  text: string;
}

export function parseVersionRange(text: string, label = 'version range'): VersionRange {
  const t = String(text).trim();
  if (t === '') throw new UserError(`${label}: empty version range`);
  const parts = t.split('..');
  if (parts.length > 2)
    throw new UserError(`${label}: "${t}" is not a version range (e.g. 2.10..2.11, 2.7..)`);
  if (parts.length === 1) {
    if (!isVersionName(t)) throw new UserError(`${label}: "${t}" is not an API version`);
    return { from: t, to: t, text: t };
  }
  const [from, to] = parts.map((p) => p.trim()) as [string, string];
  if (from === '' && to === '') throw new UserError(`${label}: "${t}" has no bounds`);
  for (const end of [from, to]) {
    if (end !== '' && !isVersionName(end)) throw new UserError(`${label}: "${end}" is not an API version`);
  }
  if (from && to && compareVersions(from, to) > 0)
    throw new UserError(`${label}: "${t}" is empty (${from} comes after ${to})`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), text: t };
}

export function inRange(range: VersionRange, version: string): boolean {
  if (range.from && compareVersions(version, range.from) < 0) return false;
  if (range.to && compareVersions(version, range.to) > 0) return false;
  return true;
}

/** Where the hint for an unlocked version can look (a local mirror is checked synchronously). */
export interface UnlockedProbe {
  /** The file a version would have upstream at the locked commit, when that can be checked locally. */
  upstreamFile?: (version: string) => string | undefined;
}

/** The one-line error for a version that is not in the lock. */
export function notLockedError(version: string, locked: string[], probe: UnlockedProbe = {}): UserError {
  const list = sortVersions(locked).join(', ');
  if (isVersionName(version)) {
    const file = probe.upstreamFile?.(version);
    if (file && existsSync(file)) {
      return new UserError(
        `API version "${version}" is published upstream but not locked (locked versions: ${list}); lock it with: npm run spec:update -- --add ${version}`,
      );
    }
    return new UserError(
      `unknown API version "${version}" (locked versions: ${list}; a version Intercom publishes is locked with: npm run spec:update -- --add ${version})`,
    );
  }
  return new UserError(`unknown API version "${version}" (locked versions: ${list})`);
}

/**
 * Parses a version selection against the locked versions: a comma-separated list of versions, ranges
 * (`2.10..2.16`, `2.12..`, `..2.11`) and `all`. The result is in version order, without duplicates. An empty
 * value, an empty range, or a version that is not locked is a one-line error.
 */
export function parseVersionSelection(text: string, locked: string[], probe: UnlockedProbe = {}): string[] {
  const ordered = sortVersions(locked);
  const items = String(text)
    .split(',')
    .map((v) => v.trim());
  if (items.every((i) => i === '')) throw new UserError('no API version given (e.g. 2.11, 2.10..2.16, all)');
  if (items.some((i) => i === ''))
    throw new UserError(`empty item in the API version list "${text}" (e.g. 2.10,2.11)`);
  const chosen = new Set<string>();
  const check = (v: string) => {
    if (!ordered.includes(v)) throw notLockedError(v, ordered, probe);
  };
  for (const item of items) {
    if (item === 'all') {
      for (const v of ordered) chosen.add(v);
      continue;
    }
    if (item.includes('..')) {
      const range = parseVersionRange(item, `API version range "${item}"`);
      if (range.from) check(range.from);
      if (range.to) check(range.to);
      const picked = ordered.filter((v) => inRange(range, v));
      for (const v of picked) chosen.add(v);
      continue;
    }
    check(item);
    chosen.add(item);
  }
  return sortVersions(chosen);
}
