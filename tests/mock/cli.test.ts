import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { mockCommand, mockOptionsFromArgs } from '../../src/cli/mock.ts';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { call } from './helpers.ts';

const BIN = resolve(import.meta.dirname, '../../bin/intercom-conformance.mjs');

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => Buffer.alloc(0),
  };
}

describe('mock command', () => {
  it('serves in a child process until SIGINT, then exits 0', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'mock', '--port', '0', '--seed', '3', '--token', 'cli-token'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let stdout = '';
      const url = await new Promise<string>((resolveUrl, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
          if (m) resolveUrl(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${stdout}`)));
      });
      expect(stdout).toContain(
        `serving API ${lockedVersions().join(', ')} (default 2.11, scenario conformant, seed 3)`,
      );
      expect((await call(url, '/me', { token: 'cli-token' })).status).toBe(200);
      expect((await call(url, '/me')).status).toBe(401);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout).toContain('closed after 2 requests');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serves in process until told to stop', async () => {
    const io = captureIo();
    let stop!: () => void;
    const done = mockCommand(
      ['--port', '0', '--scenario', 'faults', '--fault', '500'],
      io,
      new Promise<void>((r) => {
        stop = r;
      }),
    );
    while (io.out.length === 0) await new Promise((r) => setTimeout(r, 5));
    const url = /on (http:\/\/\S+)/.exec(io.out[0]!)![1]!;
    expect(io.out[0]).toContain('scenario faults 500');
    expect((await call(url, '/conversations')).status).toBe(500);
    stop();
    expect(await done).toBe(0);
  });

  it('maps flags onto options', () => {
    expect(
      mockOptionsFromArgs([
        '--port',
        '0',
        '--api-version',
        '2.10',
        '--fault',
        '429,slow',
        '--fault',
        'reset',
        '--fault-every',
        '2',
        '--slow-ms',
        '5000',
        '--per-page-overflow',
        'reject',
        '--rate-limit',
        '100/10',
        '--conversations',
        '1000',
      ]),
    ).toMatchObject({
      port: 0,
      defaultVersion: '2.10',
      scenario: 'faults',
      faults: ['429', 'slow', 'reset'],
      faultOptions: { every: 2, slowMs: 5000 },
      perPageOverflow: 'reject',
      rateLimit: { limit: 100, windowSeconds: 10 },
      conversations: 1000,
    });
  });

  it.each([
    [['--fault', 'boom'], 'unknown fault "boom"'],
    [['--scenario', 'chaos'], 'unknown --scenario "chaos" (conformant, documented, faults)'],
    [['--scenario', 'documented', '--fault', '500'], '--fault needs --scenario faults'],
    [['--port', 'http'], '--port must be a whole number from 0 to 65535 (got "http")'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535 (got "70000")'],
    [['--api-version', '1.0'], 'unknown API version "1.0"'],
    [['--rate-limit', 'lots'], '--rate-limit must be <requests>/<seconds>'],
    [['--conversations', '100001'], '--conversations must be a whole number from 1 to 100000 (got "100001")'],
    [['--per-page-overflow', 'wrap'], 'unknown --per-page-overflow "wrap" (clamp, reject)'],
    [['--bogus'], "Unknown option '--bogus' (intercom-conformance mock --help lists the options)"],
    [['--seed'], '--seed needs a value'],
    [['--seed', '1', '--seed', '2'], '--seed is given twice'],
  ])('%j is a one-line error, exit 2', async (argv, message) => {
    const io = captureIo();
    expect(await main(['mock', ...argv], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain(message);
    expect(io.err[0]!.trim().split('\n')).toHaveLength(1);
  });
});
