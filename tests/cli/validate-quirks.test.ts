import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { conformingConversation211 } from '../helpers/conversations.ts';
import { tempDir } from '../helpers/env.ts';

const dir = tempDir();
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(body));
  return p;
};
const base = ['validate', '--api-version', '2.11', '--operation', 'retrieveConversation', '--format', 'json'];

describe('validate --quirks', () => {
  const quirky = file('quirky.json', {
    ...conformingConversation211(),
    statistics: null,
    conversation_rating: null,
  });

  it('on (default): a documented quirk is a known-quirk verdict, exit 0, each finding naming its quirk', async () => {
    const run = await runCli([...base, quirky]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.verdict).toBe('known-quirk');
    expect(
      out.findings.map((f: { instancePath: string; classification: string; quirk: string }) => [
        f.instancePath,
        f.classification,
        f.quirk,
      ]),
    ).toEqual([
      ['/conversation_rating', 'known-quirk', 'null-conversation-rating'],
      ['/statistics', 'known-quirk', 'null-statistics'],
    ]);
  });

  it('off: the strict reading of the foundation, every finding a violation, exit 1', async () => {
    const run = await runCli([...base, '--quirks', 'off', quirky]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.verdict).toBe('violation');
    expect(
      out.findings.every(
        (f: { classification: string; quirk?: string }) =>
          f.classification === 'violation' && f.quirk === undefined,
      ),
    ).toBe(true);
  });

  it('the worst finding decides: a quirk plus an unrelated violation is a violation', async () => {
    const run = await runCli([
      ...base,
      file('mixed.json', { ...conformingConversation211(), statistics: null, open: 'yes' }),
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).verdict).toBe('violation');
  });

  it('rejects a bad --quirks value in one line', async () => {
    const run = await runCli([...base, '--quirks', 'maybe', quirky]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('intercom-conformance validate: unknown --quirks "maybe" (on, off)\n');
  });
});
