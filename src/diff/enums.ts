/** Values of `a` that `b` does not have (compared as JSON), in `a`'s order. */
export function enumDifference(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const inB = new Set(b.map((v) => JSON.stringify(v)));
  return a.filter((v) => !inB.has(JSON.stringify(v)));
}
