import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateReadme } from '../scripts/docs/sections.ts';
import { packageRoot } from '../src/util/paths.ts';

describe('README.md', () => {
  it('lists the checks, quirks and diff rules as their registries have them (run npm run docs)', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(updateReadme(readme)).toBe(readme);
    expect(readme).toContain('| `null-statistics` | 2.11 |');
    expect(readme).toContain('| `state-invariants` |');
  });

  it('gives the two set-up commands', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/```sh\nnpm install\nnpm test\n```/);
  });
});
