import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { renderJson, renderJunit } from '../../src/report/index.ts';
import { fixturePath, loadFixture, tempDir } from './helpers.ts';

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: (text: string) => void out.push(text),
    stderr: (text: string) => void err.push(text),
    readStdin: async () => Buffer.alloc(0),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('intercom-conformance report render', () => {
  it('re-renders junit.xml, summary.md and report.html next to the JSON', async () => {
    const dir = tempDir('render-');
    const json = join(dir, 'conformance.json');
    writeFileSync(json, renderJson(loadFixture('mock-run.json')));
    const { io, stdout } = cli();
    expect(await main(['report', 'render', json], io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['conformance.json', 'junit.xml', 'report.html', 'summary.md']);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toBe(renderJunit(loadFixture('mock-run.json')));
    expect(stdout()).toContain(join(dir, 'summary.md'));
    expect(stdout()).toContain('15 results: 3 violations, 3 known quirks');
  });

  it('writes into --out', async () => {
    const out = join(tempDir('render-out-'), 'nested', 'reports');
    const { io } = cli();
    expect(await main(['report', 'render', fixturePath('mock-run.json'), '--out', out], io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.html', 'summary.md']);
  });
});

describe('intercom-conformance report merge', () => {
  it('writes the merged run and its three renderings', async () => {
    const out = tempDir('merge-');
    const { io, stdout } = cli();
    const code = await main(
      ['report', 'merge', fixturePath('shard-1-of-2.json'), fixturePath('shard-2-of-2.json'), '--out', out],
      io,
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['conformance.json', 'junit.xml', 'report.html', 'summary.md']);
    const merged = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    expect(merged.run.shards).toBe(2);
    expect(stdout()).toContain('merged 2 shards: 15 results: 3 violations, 3 known quirks');
  });
});

describe('bad input: one line on stderr, exit 2, nothing written', () => {
  const dir = tempDir('bad-');
  writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1,');
  writeFileSync(
    join(dir, 'defects.json'),
    readFileSync(join(import.meta.dirname, '../../generated/2.11/spec-defects.json')),
  );
  const otherLock = loadFixture('shard-2-of-2.json');
  otherLock.specs['2.10']!.commit = 'abcdef0123456789abcdef0123456789abcdef01';
  writeFileSync(join(dir, 'other-lock.json'), JSON.stringify(otherLock));
  const out = join(dir, 'out');

  it.each([
    {
      given: 'a missing file',
      argv: ['render', join(dir, 'nope.json')],
      want: `cannot read ${join(dir, 'nope.json')} (no such file)`,
    },
    { given: 'a directory', argv: ['render', dir], want: `cannot read ${dir} (is a directory)` },
    {
      given: 'invalid JSON',
      argv: ['render', join(dir, 'broken.json')],
      want: `${join(dir, 'broken.json')} is not valid JSON (`,
    },
    {
      given: 'a JSON that is not a run result',
      argv: ['render', join(dir, 'defects.json')],
      want: `${join(dir, 'defects.json')} is not a conformance run result: (root) must have required property 'schemaVersion'`,
    },
    {
      given: 'two files to render',
      argv: ['render', fixturePath('mock-run.json'), fixturePath('mock-run.json')],
      want: 'report render takes one conformance.json',
    },
    {
      given: 'runs against different spec locks',
      argv: ['merge', fixturePath('shard-1-of-2.json'), join(dir, 'other-lock.json'), '--out', out],
      want: 'cannot merge runs made against different spec locks: API 2.10 is commit 8889625a7b93',
    },
    {
      given: 'nothing to merge',
      argv: ['merge', '--out', out],
      want: 'report merge takes the conformance.json of each shard',
    },
    {
      given: 'an unknown subcommand',
      argv: ['show', fixturePath('mock-run.json')],
      want: 'unknown report subcommand "show" (render, merge)',
    },
    { given: 'no subcommand', argv: [], want: 'usage: intercom-conformance report render' },
    {
      given: 'an unknown flag',
      argv: ['render', '--format', 'pdf', fixturePath('mock-run.json')],
      want: "Unknown option '--format'",
    },
  ])('$given', async ({ argv, want }) => {
    const { io, stderr, stdout } = cli();
    expect(await main(['report', ...argv], io)).toBe(2);
    expect(stderr()).toContain(want);
    expect(stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/^intercom-conformance report: /);
    expect(stdout()).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('lists report in the usage', async () => {
    const { io, stdout } = cli();
    await main(['--help'], io);
    expect(stdout()).toContain('report render <conformance.json> [--out <dir>]');
  });
});
