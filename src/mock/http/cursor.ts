import { mix } from '../workspace/prng.ts';

/**
 * The `starting_after` cursor: opaque base64url of the index of the last item served, the page number, and a
 * tag of the workspace (seed and size), so that a cursor from another workspace is refused.
 */
export interface Cursor {
  after: number;
  page: number;
}

function workspaceTag(seed: number, size: number): string {
  return mix(seed, size, 0x63757273).toString(36);
}

export function encodeCursor(seed: number, size: number, cursor: Cursor): string {
  return Buffer.from(`c1:${workspaceTag(seed, size)}:${cursor.after}:${cursor.page}`).toString('base64url');
}

export type CursorResult = { ok: true; cursor: Cursor } | { ok: false; reason: string };

export function decodeCursor(seed: number, size: number, text: string): CursorResult {
  if (!/^[A-Za-z0-9_-]{1,200}={0,2}$/.test(text))
    return { ok: false, reason: 'is not a cursor this API issued' };
  const m = /^c1:([0-9a-z]+):(\d{1,9}):(\d{1,9})$/.exec(Buffer.from(text, 'base64url').toString('latin1'));
  if (!m) return { ok: false, reason: 'is not a cursor this API issued' };
  if (m[1] !== workspaceTag(seed, size)) return { ok: false, reason: 'belongs to another workspace' };
  const after = Number(m[2]);
  const page = Number(m[3]);
  if (page < 1 || after >= size - 1) return { ok: false, reason: 'is stale (no conversation after it)' };
  return { ok: true, cursor: { after, page } };
}
