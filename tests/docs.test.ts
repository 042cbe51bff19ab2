import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateReadme } from '../scripts/docs/sections.ts';
import { packageRoot } from '../src/util/paths.ts';

describe('README.md', () => {
  it('lists the locked versions, checks, quirks (with their version ranges) and diff rules as the lock and registries have them (run npm run docs)', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(updateReadme(readme)).toBe(readme);
    expect(readme).toContain('| `null-statistics` | 2.11.. | 2.11 | 2.12–Preview |');
    expect(readme).toContain('| `list-conversations-schema` | 2.7.. | 2.7–2.10, 2.12 | 2.11, 2.13–Preview |');
    expect(readme).toMatch(
      /\| Preview \| `descriptions\/0\/api\.intercom\.io\.yaml` \| `8889625` \| `[0-9a-f]{12}` \| \d+ \(\d+ resolved\) \|/,
    );
    expect(readme).toContain('| `state-invariants` |');
  });

  it('gives the two set-up commands', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/```sh\nnpm install\nnpm test\n```/);
  });
});
