/**
 * Defects of a description itself (not of the API): found while generating, listed in
 * `generated/<version>/spec-defects.json`, and reported in their own section, never blamed on the API.
 */
export type SpecDefectKind =
  | 'dangling-ref'
  | 'unsupported-ref'
  | 'required-undefined'
  | 'nullable-beside-ref'
  | 'ref-siblings-ignored'
  | 'nullable-around-allof'
  | 'nullable-without-type'
  | 'example-fails-schema'
  | 'example-undocumented-property'
  | 'vacuous-schema';

export interface SpecDefect {
  kind: SpecDefectKind;
  /** JSON pointer (URI fragment form) of the place in the description. */
  pointer: string;
  message: string;
  /** Covered operations whose schemas reach this place (filled in by generation). */
  operations?: string[];
  details?: Record<string, unknown>;
}

export class DefectLog {
  private readonly byKey = new Map<string, SpecDefect>();

  add(defect: SpecDefect): void {
    const key = `${defect.kind} ${defect.pointer} ${JSON.stringify(defect.details ?? {})}`;
    if (!this.byKey.has(key)) this.byKey.set(key, defect);
  }

  tagOperation(pointerPrefixes: Iterable<string>, operationId: string): void {
    const prefixes = [...pointerPrefixes];
    for (const defect of this.byKey.values()) {
      if (prefixes.some((p) => defect.pointer === p || defect.pointer.startsWith(`${p}/`))) {
        const ops = new Set(defect.operations ?? []);
        ops.add(operationId);
        defect.operations = [...ops].sort();
      }
    }
  }

  /** Sorted by kind, then pointer: stable output. */
  list(): SpecDefect[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.pointer.localeCompare(b.pointer) ||
        JSON.stringify(a.details ?? {}).localeCompare(JSON.stringify(b.details ?? {})),
    );
  }
}
