import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  escapeCommandData,
  escapeCommandProperty,
  githubAnnotations,
  githubEnabled,
  renderMarkdown,
  writeGithubOutput,
} from '../../src/report/index.ts';
import { loadFixture, tempDir } from './helpers.ts';

/** GitHub-native output: workflow annotations (escaped per the workflow-command rules) and the step summary. */
describe('GitHub annotations', () => {
  const run = loadFixture('mock-run.json');
  const lines = githubAnnotations(run);

  it('give one ::error per group of violations and one ::warning per check that could not be made', () => {
    expect(lines.filter((l) => l.startsWith('::error title=')).length).toBe(3);
    expect(lines.filter((l) => l.startsWith('::warning title=')).length).toBe(1);
    expect(lines.every((l) => /^::(error|warning) title=[^:]*::\S/.test(l))).toBe(true);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    const warning = lines.find((l) => l.startsWith('::warning'))!;
    expect(warning).toContain('title=error%3A ');
    expect(warning).toContain('could not be checked: GET http://127.0.0.1/conversations/0 timed out');
  });

  it('escape %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeCommandData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeCommandProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    const run2 = loadFixture('mock-run.json');
    const v = run2.results
      .find((r) => r.outcome === 'fail')!
      .findings.find((f) => f.classification === 'violation')!;
    v.message = 'line one\nline two: 50%, done';
    v.checkId = 'check:with,punctuation';
    const line = githubAnnotations(run2).find((l) => l.includes('check%3Awith%2Cpunctuation'))!;
    expect(line).toBeDefined();
    expect(line).toContain('::line one\\u000aline two: 50%25, done%0Aversions 2.11');
  });

  it('are on with --github or GITHUB_ACTIONS=true, off otherwise', () => {
    expect(githubEnabled(true, {})).toBe(true);
    expect(githubEnabled(false, { GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(githubEnabled(undefined, {})).toBe(false);
    expect(githubEnabled(false, { GITHUB_ACTIONS: 'false' })).toBe(false);
  });
});

describe('$GITHUB_STEP_SUMMARY', () => {
  it('gets summary.md appended, after what the step already wrote', () => {
    const file = join(tempDir('gh-'), 'step-summary.md');
    writeFileSync(file, '# an earlier step\n');
    const printed: string[] = [];
    const run = loadFixture('mock-run.json');
    const to = writeGithubOutput(run, { env: { GITHUB_STEP_SUMMARY: file }, write: (t) => printed.push(t) });
    expect(to).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(`# an earlier step\n${renderMarkdown(run)}\n`);
    expect(printed.join('')).toMatch(/^::error title=/);
    expect(printed.every((t) => t.endsWith('\n'))).toBe(true);
  });

  it('is left alone without GITHUB_STEP_SUMMARY; an unwritable one is a one-line error', () => {
    const printed: string[] = [];
    expect(writeGithubOutput(loadFixture('mock-run.json'), { env: {}, write: (t) => printed.push(t) })).toBe(
      undefined,
    );
    expect(printed.length).toBe(4);
    const dir = tempDir('gh-');
    expect(() =>
      writeGithubOutput(loadFixture('mock-run.json'), { env: { GITHUB_STEP_SUMMARY: dir }, write: () => {} }),
    ).toThrow(/^cannot append to GITHUB_STEP_SUMMARY .* \(EISDIR\)$/);
  });

  it('never carries the token', () => {
    const file = join(tempDir('gh-'), 'step-summary.md');
    const run = loadFixture('mock-run.json');
    const secret = 'tok_secret_0123456789';
    run.results.find((r) => r.outcome === 'fail')!.findings[0]!.message = `echoed ${secret}`;
    const printed: string[] = [];
    writeGithubOutput(run, {
      env: { GITHUB_STEP_SUMMARY: file },
      secrets: [secret],
      write: (t) => printed.push(t),
    });
    expect(readFileSync(file, 'utf8')).not.toContain(secret);
    expect(printed.join('')).not.toContain(secret);
  });
});
