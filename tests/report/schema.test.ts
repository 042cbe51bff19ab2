import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SpecDefectKind } from '../../src/descriptions/defects.ts';
import type { Classification, Outcome, RunResult, Severity } from '../../src/model/result.ts';
import { mergeResults, parseRunResult, resultSchema } from '../../src/report/index.ts';
import { UserError } from '../../src/util/errors.ts';
import { fixturePath, loadFixture } from './helpers.ts';

const FIXTURES = [
  'mock-run.json',
  'shard-1-of-2.json',
  'shard-2-of-2.json',
  'hostile-markup.json',
  'canary-token.json',
];

function problemOf(text: string): string {
  try {
    parseRunResult(text, 'conformance.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected parseRunResult to refuse the input');
}

describe('conformance.schema.json', () => {
  it.each(FIXTURES)('accepts the fixture %s', (name) => {
    expect(() => parseRunResult(readFileSync(fixturePath(name), 'utf8'), name)).not.toThrow();
  });

  it('accepts the merge of the shards', () => {
    const merged = mergeResults([loadFixture('shard-1-of-2.json'), loadFixture('shard-2-of-2.json')]);
    expect(() => parseRunResult(JSON.stringify(merged), 'merged')).not.toThrow();
  });

  const cases: Array<{ given: string; change: (r: RunResult) => void; want: string }> = [
    {
      given: 'no run.redacted',
      change: (r) => delete (r.run as Partial<RunResult['run']>).redacted,
      want: "/run must have required property 'redacted'",
    },
    {
      given: 'no results',
      change: (r) => delete (r as Partial<RunResult>).results,
      want: "(root) must have required property 'results'",
    },
    {
      given: 'no spec sha256',
      change: (r) => delete (r.specs['2.11'] as { sha256?: string }).sha256,
      want: "/specs/2.11 must have required property 'sha256'",
    },
    {
      given: 'an unknown outcome',
      change: (r) => ((r.results[0] as { outcome: string }).outcome = 'flaky'),
      want: '/results/0/outcome must be equal to one of the allowed values (pass, fail, error, skip)',
    },
    {
      given: 'a skip without reason',
      change: (r) => delete r.results.find((x) => x.outcome === 'skip')!.reason,
      want: "must have required property 'reason'",
    },
    {
      given: 'an unknown field',
      change: (r) => ((r.run as unknown as Record<string, unknown>).token = 'x'),
      want: '/run must NOT have additional properties ("token")',
    },
    {
      given: 'a negative count',
      change: (r) => (r.run.requestCount = -1),
      want: '/run/requestCount must be >= 0',
    },
    {
      given: 'another schema version',
      change: (r) => ((r as { schemaVersion: number }).schemaVersion = 0),
      want: '/schemaVersion must be equal to constant (1)',
    },
  ];
  it.each(cases)('refuses a run result with $given', ({ change, want }) => {
    const result = loadFixture('mock-run.json');
    change(result);
    const message = problemOf(JSON.stringify(result));
    expect(message).toContain('conformance.json is not a conformance run result: ');
    expect(message).toContain(want);
    expect(message).not.toContain('\n');
  });

  it.each([
    { given: 'invalid JSON', text: '{"schemaVersion": 1,', want: 'conformance.json is not valid JSON (' },
    {
      given: 'an array',
      text: '[]',
      want: 'conformance.json is not a conformance run result (expected a JSON object)',
    },
    {
      given: 'a newer schema version',
      text: '{"schemaVersion": 2}',
      want: 'written by a newer intercom-conformance (schemaVersion 2; this one reads 1)',
    },
    {
      given: 'a spec-defects file',
      text: readFileSync(fixturePath('mock-run.json'), 'utf8').replace(
        '"schemaVersion": 1',
        '"apiVersion": "2.11"',
      ),
      want: "(root) must have required property 'schemaVersion'",
    },
  ])('refuses $given with one line', ({ text, want }) => {
    const message = problemOf(text);
    expect(message).toContain(want);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('lists exactly the model’s enumerations', () => {
    const schema = resultSchema() as {
      definitions: Record<string, { properties: Record<string, { enum?: unknown[] }> }>;
    };
    const d = schema.definitions;
    // Records keyed by the TypeScript unions: tsc fails when a member is added to the model and not here.
    const outcomes: Record<Outcome, true> = { pass: true, fail: true, error: true, skip: true };
    const classes: Record<Classification, true> = { conforms: true, 'known-quirk': true, violation: true };
    const severities: Record<Severity, true> = { error: true, warning: true, info: true };
    const kinds: Record<SpecDefectKind, true> = {
      'dangling-ref': true,
      'unsupported-ref': true,
      'required-undefined': true,
      'nullable-beside-ref': true,
      'ref-siblings-ignored': true,
      'nullable-around-allof': true,
      'nullable-without-type': true,
      'example-fails-schema': true,
      'example-undocumented-property': true,
      'vacuous-schema': true,
    };
    expect(d.checkResult!.properties.outcome!.enum).toEqual(Object.keys(outcomes));
    expect(d.finding!.properties.classification!.enum).toEqual(Object.keys(classes));
    expect(d.finding!.properties.severity!.enum).toEqual(Object.keys(severities));
    expect(d.specDefect!.properties.kind!.enum).toEqual(Object.keys(kinds));
  });
});
