import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { writeReports } from '../../src/report/index.ts';
import { CANARY_TOKEN, fixturePath, loadFixture, secretLeaks, tempDir } from './helpers.ts';

const leaks = (dir: string) => secretLeaks(dir, CANARY_TOKEN);

/**
 * The renderer-level canary: a run whose values, messages, URLs, error reasons and keys carry the access token
 * (plain, URL-encoded, as a Bearer and a Basic credential). No file written may contain it in any form.
 */
describe('the access token never reaches a report', () => {
  it('the fixture really carries the token in every form', async () => {
    const dir = tempDir('canary-control-');
    await writeReports(loadFixture('canary-token.json'), dir, { schemaExcerpt: false });
    const found = leaks(dir).join('\n');
    expect(found).toContain(CANARY_TOKEN);
    expect(found).toContain(encodeURIComponent(CANARY_TOKEN));
    expect(found).toContain(Buffer.from(`${CANARY_TOKEN}:`).toString('base64'));
    expect(found).toContain(Buffer.from(CANARY_TOKEN).toString('base64'));
  });

  it('writeReports scrubs it from every file', async () => {
    const dir = tempDir('canary-');
    const written = await writeReports(loadFixture('canary-token.json'), dir, { secrets: [CANARY_TOKEN] });
    expect(written).toHaveLength(4);
    expect(leaks(dir)).toEqual([]);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('Authorization: Bearer \\[REDACTED\\]');
    expect(readFileSync(join(dir, 'conformance.json'), 'utf8')).toContain(
      '"authorization": "Bearer [REDACTED]"',
    );
  });

  it('report render scrubs the token given in the environment', async () => {
    const dir = tempDir('canary-cli-');
    const saved = process.env.INTERCOM_ACCESS_TOKEN;
    process.env.INTERCOM_ACCESS_TOKEN = CANARY_TOKEN;
    const io = {
      stdout: (_: string) => {},
      stderr: (_: string) => {},
      readStdin: async () => Buffer.alloc(0),
    };
    try {
      expect(await main(['report', 'render', fixturePath('canary-token.json'), '--out', dir], io)).toBe(0);
      expect(
        await main(['report', 'merge', fixturePath('canary-token.json'), '--out', join(dir, 'merged')], io),
      ).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.INTERCOM_ACCESS_TOKEN;
      else process.env.INTERCOM_ACCESS_TOKEN = saved;
    }
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'merged', 'report.html', 'summary.md']);
    expect(leaks(dir)).toEqual([]);
  });
});
