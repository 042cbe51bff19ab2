/**
 * A single pass over a JSON text that finds what JSON.parse hides or cannot survive: duplicate keys (it keeps
 * the last one), integers beyond 2^53 (they lose precision), `__proto__`/`constructor`/`prototype` keys, and
 * nesting too deep for the recursive code that reads a body afterwards. Iterative (no recursion), bounded in
 * the issues it keeps; on a syntax error it stops and leaves the message to JSON.parse.
 */
import type { BodyIssue } from '../model/exchange.ts';

export type { BodyIssue, BodyIssueKind } from '../model/exchange.ts';

const MAX_ISSUES = 50;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  object: boolean;
  keys?: Set<string>;
  key: string;
  index: number;
}

const escapeToken = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');

function pointer(stack: Frame[], upTo = stack.length): string {
  let out = '';
  for (let i = 0; i < upTo; i++) {
    const f = stack[i]!;
    out += `/${f.object ? escapeToken(f.key) : String(f.index)}`;
  }
  return out;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function scanJson(text: string, maxDepth: number): { issues: BodyIssue[]; tooDeep: boolean } {
  const issues: BodyIssue[] = [];
  const add = (issue: BodyIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const stack: Frame[] = [];
  let i = 0;
  let tooDeep = false;

  const skipWs = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  /** From an opening quote at i: the index of the closing quote, or -1. */
  const stringEnd = (): number => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) return -1;
      let slashes = 0;
      for (let k = q - 1; k > i && text.charCodeAt(k) === 92; k--) slashes++;
      if (slashes % 2 === 0) return q;
      j = q + 1;
    }
  };
  const readKey = (frame: Frame): boolean => {
    if (text.charCodeAt(i) !== 34) return false;
    const end = stringEnd();
    if (end < 0) return false;
    const raw = text.slice(i + 1, end);
    let key = raw;
    if (raw.includes('\\')) {
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {
        return false;
      }
    }
    i = end + 1;
    skipWs();
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    const keys = frame.keys!;
    if (keys.has(key))
      add({
        kind: 'duplicate-key',
        path: pointer(stack, stack.length - 1),
        detail: `key ${JSON.stringify(key.slice(0, 80))} appears more than once`,
      });
    else keys.add(key);
    frame.key = key;
    if (PROTOTYPE_KEYS.has(key))
      add({ kind: 'prototype-key', path: pointer(stack), detail: `a ${JSON.stringify(key)} key` });
    return true;
  };
  const readNumber = () => {
    const start = i;
    let integer = true;
    if (text.charCodeAt(i) === 45) i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) i++;
      else if (c === 46 || c === 101 || c === 69 || c === 43 || c === 45) {
        integer = false;
        i++;
      } else break;
    }
    const digits = text.slice(start, i);
    if (integer && digits.replace('-', '').length >= 16) {
      try {
        const big = BigInt(digits);
        if (big > MAX_SAFE || big < -MAX_SAFE)
          add({
            kind: 'unsafe-integer',
            path: pointer(stack),
            detail: digits.length > 40 ? `${digits.slice(0, 40)}…` : digits,
          });
      } catch {
        // not a number after all: JSON.parse will say so
      }
    }
  };

  let expectValue = true;
  for (;;) {
    skipWs();
    if (expectValue) {
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        if (stack.length >= maxDepth) {
          tooDeep = true;
          add({ kind: 'too-deep', path: pointer(stack, 8), detail: `nested deeper than ${maxDepth} levels` });
          break;
        }
        i++;
        skipWs();
        if (c === 123) {
          const frame: Frame = { object: true, keys: new Set(), key: '', index: 0 };
          stack.push(frame);
          if (text.charCodeAt(i) === 125) {
            i++;
            stack.pop();
            expectValue = false;
          } else if (!readKey(frame)) break;
        } else {
          stack.push({ object: false, key: '', index: 0 });
          if (text.charCodeAt(i) === 93) {
            i++;
            stack.pop();
            expectValue = false;
          }
        }
        continue;
      }
      if (c === 34) {
        const end = stringEnd();
        if (end < 0) break;
        i = end + 1;
      } else if (c === 45 || (c >= 48 && c <= 57)) readNumber();
      else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else break;
      expectValue = false;
      continue;
    }
    const frame = stack.at(-1);
    if (!frame) break;
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      skipWs();
      if (frame.object) {
        if (!readKey(frame)) break;
      } else frame.index++;
      expectValue = true;
    } else if ((frame.object && c === 125) || (!frame.object && c === 93)) {
      i++;
      stack.pop();
    } else break;
  }
  return { issues, tooDeep };
}

/** The offset of the first byte that is not valid UTF-8 (for the message), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    if (need > 0) {
      if (i + need >= bytes.length) return i;
      for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
      const b1 = bytes[i + 1]!;
      if (b === 0xe0 && b1 < 0xa0) return i;
      if (b === 0xed && b1 > 0x9f) return i;
      if (b === 0xf0 && b1 < 0x90) return i;
      if (b === 0xf4 && b1 > 0x8f) return i;
    }
    i += need + 1;
  }
  return -1;
}
