import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.ts';

/**
 * `validate` reads at most --max-body-bytes, from stdin or a file: past it, it stops reading (it never
 * buffers the rest) and fails with one line, exit 2. `validate - < /dev/zero` used to grow without bound.
 */
const ARGS = ['validate', '--api-version', '2.11', '--operation', 'retrieveConversation'];

function validate(argv: string[], feed?: { chunk: Buffer; maxBytes: number }) {
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'intercom-conformance.mjs'), ...argv], {
    stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  let stdout = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  let written = 0;
  if (feed) {
    const stdin = child.stdin!;
    stdin.on('error', () => {});
    // an endless input, bounded here: write until the child stops reading (or the bound is reached)
    const pump = () => {
      while (written < feed.maxBytes && !stdin.destroyed) {
        written += feed.chunk.length;
        if (!stdin.write(feed.chunk)) return void stdin.once('drain', pump);
      }
      if (!stdin.destroyed) stdin.end();
    };
    pump();
  }
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string; written: number }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, written });
    }),
  );
}

describe('validate --max-body-bytes', () => {
  it('stdin larger than the limit (zeros, as from /dev/zero): one line, exit 2, reading stopped', async () => {
    const out = await validate([...ARGS, '--max-body-bytes', '100000', '-'], {
      chunk: Buffer.alloc(64 * 1024),
      maxBytes: 512 * 1024 * 1024,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'intercom-conformance validate: stdin is larger than 100000 bytes (--max-body-bytes)\n',
    );
    expect(out.stdout).toBe('');
    // the writer was stopped by the child going away, far below what it would have written
    expect(out.written).toBeLessThan(64 * 1024 * 1024);
  }, 90_000);

  it('a file larger than the limit (/dev/zero itself): one line, exit 2', async () => {
    const out = await validate([...ARGS, '--max-body-bytes', '1000', '/dev/zero']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'intercom-conformance validate: /dev/zero is larger than 1000 bytes (--max-body-bytes)\n',
    );
  }, 90_000);

  it('a bad limit is one line, exit 2', async () => {
    const out = await validate([...ARGS, '--max-body-bytes', 'lots', '/dev/null']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'intercom-conformance validate: --max-body-bytes must be a whole number from 1 to 2147483647 (got "lots")\n',
    );
  }, 90_000);
});
