import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.ts';
import { renderJunit } from '../../src/report/index.ts';
import { loadFixture, tempDir } from './helpers.ts';

const XSD = join(import.meta.dirname, 'junit.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Validates with xmllint against tests/report/junit.xsd; returns xmllint's complaint, or '' when valid. */
function xsdProblems(xml: string): string {
  const file = join(tempDir('junit-'), 'junit.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr;
}

describe('junit.xml against the JUnit XML schema (xmllint)', () => {
  // CI installs libxml2-utils: there the validation must run. Locally it may be skipped, saying why.
  const itXsd = hasXmllint || process.env.CI ? it : it.skip;
  if (!hasXmllint && !process.env.CI)
    console.warn('xmllint not found: skipping the JUnit XSD validation (apt-get install libxml2-utils)');

  itXsd.each(['mock-run.json', 'hostile-markup.json', 'shard-2-of-2.json'])(
    '%s renders valid JUnit XML',
    (name) => {
      if (!hasXmllint) throw new Error('xmllint is required in CI (Debian package libxml2-utils)');
      expect(xsdProblems(renderJunit(loadFixture(name)))).toBe('');
    },
  );
  itXsd('an empty run renders valid JUnit XML', () => {
    if (!hasXmllint) throw new Error('xmllint is required in CI (Debian package libxml2-utils)');
    const empty: RunResult = { ...loadFixture('mock-run.json'), results: [], matrix: {} };
    expect(xsdProblems(renderJunit(empty))).toBe('');
  });
  itXsd('the schema is strict enough to refuse a malformed report', () => {
    if (!hasXmllint) throw new Error('xmllint is required in CI (Debian package libxml2-utils)');
    const bad = renderJunit(loadFixture('mock-run.json')).replace('<skipped ', '<skip ');
    expect(xsdProblems(bad)).toContain('skip');
  });
});

describe('junit.xml', () => {
  const xml = renderJunit(loadFixture('mock-run.json'));

  it('has one testsuite per version × operation and one testcase per check', () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(suites).toEqual([
      '2.10 › attachTagToConversation:1',
      '2.10 › identifyAdmin:1',
      '2.10 › listConversations:2',
      '2.10 › retrieveConversation:1',
      '2.11 › attachTagToConversation:1',
      '2.11 › detachTagFromConversation:1',
      '2.11 › identifyAdmin:1',
      '2.11 › listConversations:4',
      '2.11 › retrieveConversation:3',
    ]);
    expect(xml).toMatch(
      /<testsuites name="intercom-conformance" tests="15" failures="2" errors="1" time="12.250">/,
    );
    expect(xml).toContain(
      '<testcase classname="intercom-conformance.2.11.retrieveConversation" name="not-found" time="0.000" status="pass"/>',
    );
  });

  it('maps fail to failure, error to error and skip to skipped with the reason', () => {
    expect(xml).toContain(
      `<failure message="2 violations: (root) must have required property 'has_inbox_seat'" type="violation">`,
    );
    expect(xml).toContain(
      '<error message="GET http://127.0.0.1/conversations/0 timed out after 3 retries (10000 ms each)" type="error">',
    );
    expect(xml).toContain(
      '<skipped message="writes disabled: the target has no sandbox guard (run against a test workspace with --allow-writes)"/>',
    );
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(xml.match(/<skipped /g)).toHaveLength(3);
  });

  it('lists known quirks in system-out, not as failures', () => {
    const listCase = xml.slice(xml.indexOf('name="2.11 › listConversations"'));
    const failure = listCase.slice(listCase.indexOf('<failure'), listCase.indexOf('</failure>'));
    expect(failure).toContain('/conversations/1/state');
    expect(failure).not.toContain('conversation-rating-null');
    const out = listCase.slice(listCase.indexOf('<system-out>'), listCase.indexOf('</system-out>'));
    expect(out).toContain(
      'known quirk [conversation-rating-null] response-schema /conversations/0/conversation_rating',
    );
    expect(out).toContain('known quirk [sla-applied-null]');
  });

  it('gives each testcase its duration and each suite their sum, in seconds', () => {
    const run = loadFixture('mock-run.json');
    run.results.forEach((r, i) => {
      r.durationMs = 1000 + i;
    });
    const timed = renderJunit(run);
    const cases = [...timed.matchAll(/<testcase [^>]*time="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cases).toHaveLength(run.results.length);
    expect(cases.every((t) => t >= 1)).toBe(true);
    expect(timed).toMatch(/<testsuite name="2.11 › listConversations" tests="4" [^>]*time="4\.\d{3}"/);
    expect(timed).toContain('status="violation"');
    expect(timed).toContain('status="known quirk"');
    if (hasXmllint) expect(xsdProblems(timed)).toBe('');
  });

  it('says "1 violation", never "1 violations"', () => {
    const run = loadFixture('mock-run.json');
    const failing = run.results.find((r) => r.outcome === 'fail')!;
    failing.findings = failing.findings.filter((f) => f.classification === 'violation').slice(0, 1);
    expect(renderJunit(run)).toMatch(/<failure message="1 violation: /);
    expect(renderJunit(run)).not.toMatch(/\b1 violations\b/);
  });

  it('escapes markup and shows characters XML cannot carry as escapes', () => {
    const hostile = renderJunit(loadFixture('hostile-markup.json'));
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    const run = loadFixture('mock-run.json');
    run.results[0]!.findings[0]!.message = 'bell \u0007 and nul \u0000 and "quotes"\nnewline';
    const out = renderJunit(run);
    expect(out).not.toMatch(/[\u0000\u0007]/);
    expect(out).toContain('bell \\u0007 and nul \\u0000');
    if (hasXmllint) expect(xsdProblems(out)).toBe('');
  });

  it('is well-formed for xmllint even without the schema', () => {
    if (!hasXmllint) return;
    const file = join(tempDir('junit-'), 'junit.xml');
    writeFileSync(file, xml);
    expect(() => execFileSync('xmllint', ['--noout', file])).not.toThrow();
  });
});
