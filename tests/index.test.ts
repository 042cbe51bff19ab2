import { describe, expect, it } from 'vitest';
import * as kit from '../src/index.ts';

describe('the public surface (src/index.ts)', () => {
  it('exports the client, validation, mock, runs, reports and diff', () => {
    for (const name of [
      'createIntercomClient',
      'loadArtifacts',
      'responseTarget',
      'validateAgainst',
      'classifyBody',
      'quirkAwareResponseTarget',
      'startMockServer',
      'runConformance',
      'configFromEnv',
      'writeReports',
      'mergeResults',
      'diffDescriptions',
      'comparePayloads',
      'readLock',
      'parseVersionSelection',
      'intercomVersionHeader',
      'compareVersions',
    ]) {
      expect(typeof (kit as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(kit.CHECKS.length).toBeGreaterThan(10);
    expect(kit.RULES.length).toBeGreaterThan(20);
  });
});
