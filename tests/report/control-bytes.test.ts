import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.ts';
import {
  finalLine,
  githubAnnotations,
  renderHtml,
  renderJunit,
  renderMarkdown,
} from '../../src/report/index.ts';
import { readBody } from '../../src/run/body.ts';
import { loadFixture } from './helpers.ts';

/**
 * Issue 12 item 10: a binary body with every control byte never reaches summary.md, report.html, JUnit, the
 * annotations or the terminal raw; each byte is shown as a visible `\u0000`-style escape.
 */
const CONTROL_CODES = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
];
const BODY = String.fromCharCode(...CONTROL_CODES);
// Raw control characters a renderer may legitimately emit: tab and line feed (layout), nothing else.
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** A run whose finding carries the body everywhere a body or its pieces can go. */
function runWithBinaryBody(): RunResult {
  const run = loadFixture('mock-run.json');
  const failing = run.results.find((r) => r.outcome === 'fail')!;
  // The body as the kit reads it off the wire (not JSON: kept as text).
  const read = readBody(new TextEncoder().encode(BODY), 'application/json');
  expect(read.bodyText).toBe(BODY);
  failing.findings[0]!.value = read.bodyText;
  failing.findings[0]!.message = `body is not JSON: ${read.bodyText}`;
  failing.findings[0]!.instancePath = `/a${BODY}`;
  failing.findings[0]!.request = { method: 'GET', url: `/conversations/${BODY}`, status: 200 };
  failing.reason = `reason ${BODY}`;
  const erroring = run.results.find((r) => r.outcome === 'error')!;
  erroring.reason = `timed out ${BODY}`;
  return run;
}

describe('control bytes of a binary body', () => {
  const run = runWithBinaryBody();
  const outputs: Record<string, string> = {
    'summary.md': renderMarkdown(run),
    'report.html': renderHtml(run),
    'junit.xml': renderJunit(run),
  };

  it.each(Object.keys(outputs))('never reach %s raw, and show there as \\u0000 escapes', (name) => {
    const text = outputs[name]!;
    expect(text).not.toMatch(RAW);
    for (const code of [0x00, 0x07, 0x1b, 0x7f, 0x9b])
      expect(text, `U+${code.toString(16)}`).toContain(`u${code.toString(16).padStart(4, '0')}`);
  });

  it('never reach the terminal: annotations and the final line carry no control byte at all', () => {
    const lines = [...githubAnnotations(run), finalLine(run)];
    expect(lines.join('')).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    expect(lines.some((l) => l.includes('\\u001b'))).toBe(true);
  });

  it('are shown in report.html once instances are expanded (the data block holds the escapes)', () => {
    const html = outputs['report.html']!;
    const data = html.slice(
      html.indexOf('id="instances">'),
      html.indexOf('</script>', html.indexOf('id="instances">')),
    );
    const instances = JSON.parse(data.slice('id="instances">'.length)) as string[][][];
    const all = instances.flat(2).join('\n');
    expect(all).not.toMatch(RAW);
    expect(all).toContain('\\u0000');
  });
});
