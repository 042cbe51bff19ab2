import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/model/result.ts';
import { secretVariants } from '../../src/report/redact.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

/** The canary access token planted in `fixtures/canary-token.json` (plain, URL-encoded, Bearer, base64). */
export const CANARY_TOKEN = 'canary_tok_7f3c9a1e/b+Q==';

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function loadFixture(name: string): RunResult {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as RunResult;
}

export function tempDir(prefix = 'report-'): string {
  return mkdtempSync(join(tmpdir(), `intercom-conformance-${prefix}`));
}

/** Reverses the keys of an object (not of the values inside). */
function reverseKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).reverse()) as T;
}

/**
 * The same run in another order: every list that is a set (results, findings, defects, coverage, versions)
 * and every object's keys reversed. Free-form data (values, params, observations) is left as it is.
 */
export function shuffled(result: RunResult): RunResult {
  const r = structuredClone(result);
  return reverseKeys({
    ...r,
    run: reverseKeys({ ...r.run, apiVersions: [...r.run.apiVersions].reverse() }),
    specs: reverseKeys(r.specs),
    results: r.results
      .map((c) => reverseKeys({ ...c, findings: c.findings.map((f) => reverseKeys(f)).reverse() }))
      .reverse(),
    specDefects: reverseKeys(
      Object.fromEntries(
        Object.entries(r.specDefects).map(([v, list]) => [
          v,
          list
            .map((d) =>
              reverseKeys({ ...d, ...(d.operations ? { operations: [...d.operations].reverse() } : {}) }),
            )
            .reverse(),
        ]),
      ),
    ),
    coverage: reverseKeys(
      Object.fromEntries(
        Object.entries(r.coverage).map(([v, ops]) => [
          v,
          reverseKeys(
            Object.fromEntries(
              Object.entries(ops).map(([op, c]) => [
                op,
                reverseKeys({
                  ...c,
                  undocumented: [...c.undocumented].reverse(),
                  unobserved: [...c.unobserved].reverse(),
                }),
              ]),
            ),
          ),
        ]),
      ),
    ),
    perPage: reverseKeys(r.perPage),
    matrix: reverseKeys(
      Object.fromEntries(Object.entries(r.matrix).map(([v, ops]) => [v, reverseKeys(ops)])),
    ),
  });
}

/**
 * Every place where a secret shows up, in any of its forms (plain, URL-encoded, base64, Basic credentials,
 * JSON- and HTML-escaped), in the files under `dir` (recursively) and in the extra texts (captured logs, say):
 * `file: form` entries, empty when nothing leaks. For the end-to-end canary test of a live-target run.
 */
export function secretLeaks(dir: string, secret: string, texts: Record<string, string> = {}): string[] {
  const forms = secretVariants(secret);
  const out: string[] = [];
  const check = (label: string, text: string) => {
    for (const form of forms) if (text.includes(form)) out.push(`${label}: ${form}`);
  };
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else check(path, readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  for (const [label, text] of Object.entries(texts)) check(label, text);
  return out;
}
