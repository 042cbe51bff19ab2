import type { Classification, QuirkRef } from '../model/result.ts';
import type { SchemaFinding, SchemaTarget } from '../validate/validate.ts';
import { validateAgainst } from '../validate/validate.ts';
import { explainingQuirk, nodesAt } from './explain.ts';
import type { QuirkEntry } from './registry.ts';

/** A schema finding with its meaning: explained by a documented quirk, or a violation. */
export interface ClassifiedFinding extends SchemaFinding {
  classification: Exclude<Classification, 'conforms'>;
  quirk?: QuirkRef;
  /** Which reading found it: the strict description, or only the overlaid (quirk-aware) one. */
  reading: 'strict' | 'quirks';
}

export interface QuirkAwareTarget {
  strict: SchemaTarget;
  /** The same response in the overlaid description (absent when the version has no overlay). */
  overlaid?: SchemaTarget & { bundle: Record<string, unknown> };
  quirks: QuirkEntry[];
}

/**
 * Two findings are the same deviation when they are at the same place with the same keyword (the params of a
 * `type` error differ between the readings: `object` vs `object,null`), and, for `required`, the same property.
 */
const key = (f: Pick<SchemaFinding, 'instancePath' | 'keyword' | 'params'>) =>
  `${f.instancePath} ${f.keyword} ${f.keyword === 'required' ? String(f.params.missingProperty) : ''}`;

/**
 * Classifies a body. A strict finding is a known quirk only when the overlaid reading accepts that place and a
 * quirk's action changed the schema that applies there; everything else — including what only the overlaid
 * reading rejects (e.g. 2.10 list items checked against the conversation schema) — is a violation. A quirk
 * therefore never hides a deviation it does not explain.
 */
export function classifyBody(target: QuirkAwareTarget, body: unknown): ClassifiedFinding[] {
  const strict = validateAgainst(target.strict, body);
  if (!target.overlaid) return strict.map((f) => ({ ...f, classification: 'violation', reading: 'strict' }));
  const overlaid = validateAgainst(target.overlaid, body);
  const overlaidKeys = new Set(overlaid.map(key));
  const strictPaths = new Set(strict.map((f) => f.instancePath));
  const out: ClassifiedFinding[] = [];
  for (const f of strict) {
    if (overlaidKeys.has(key(f))) {
      out.push({ ...f, classification: 'violation', reading: 'strict' });
      continue;
    }
    const nodes = nodesAt(target.overlaid.bundle, target.overlaid.media.pointer, f.instancePath);
    const quirk = explainingQuirk(target.quirks, nodes, f.specPointer);
    out.push(
      quirk
        ? {
            ...f,
            classification: 'known-quirk',
            quirk: { id: quirk.id, summary: quirk.summary, source: quirk.source },
            reading: 'strict',
          }
        : { ...f, classification: 'violation', reading: 'strict' },
    );
  }
  for (const f of overlaid) {
    // What only the overlaid reading rejects is a violation too, unless the strict reading already reported that place.
    if (!strictPaths.has(f.instancePath)) out.push({ ...f, classification: 'violation', reading: 'quirks' });
  }
  return out.sort(
    (a, b) =>
      (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0) ||
      a.keyword.localeCompare(b.keyword),
  );
}
