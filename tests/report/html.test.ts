import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { artifactSchemaExcerpt, renderHtml } from '../../src/report/index.ts';
import { loadFixture, tempDir } from './helpers.ts';

const excerpt = artifactSchemaExcerpt();

describe('report.html (static)', () => {
  const html = renderHtml(loadFixture('hostile-markup.json'), { schemaExcerpt: excerpt });

  it('carries exactly one script, the kit’s own, allowed by its hash in the CSP, and one inert data block', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((s) => s[1])).toEqual([' type="application/json" id="instances"', '']);
    const hash = createHash('sha256').update(scripts[1]![2]!, 'utf8').digest('base64');
    expect(html).toContain(`script-src &#39;sha256-${hash}&#39;`);
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it('escapes every piece of data', () => {
    expect(html).not.toMatch(/<(script|img|iframe|b)\b[^>]*pwned/i);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt; must be string');
    expect(html).toContain(
      '&lt;iframe src=&quot;https://example.invalid/&quot;&gt;&lt;/iframe&gt; &amp; &lt;/script&gt;',
    );
  });

  it('links quirk sources only when they are http(s) URLs', () => {
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:window.__pwned=6');
    const hrefs = [...html.matchAll(/\b(href|src)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(hrefs).toContain('href=data:,');
    expect(hrefs.filter((h) => h !== 'href=data:,').every((h) => /^href=https:\/\//.test(h))).toBe(true);
  });

  it('shows the schema excerpt a finding broke', () => {
    const article = html.slice(html.indexOf('/conversations/1/state'));
    const pre = article.slice(
      article.indexOf('<pre class="excerpt">'),
      article.indexOf('</pre>', article.indexOf('<pre class="excerpt">')),
    );
    expect(pre).toContain('&quot;enum&quot;: [');
    expect(pre).toContain('&quot;snoozed&quot;');
  });

  it('renders without generated artifacts, showing no excerpt', () => {
    const bare = renderHtml(loadFixture('mock-run.json'), {
      schemaExcerpt: artifactSchemaExcerpt(tempDir('no-artifacts-')),
    });
    expect(bare).not.toContain('<pre class="excerpt">');
    expect(bare).toContain('not available (no generated artifacts for this version or pointer)');
    expect(renderHtml(loadFixture('mock-run.json'))).not.toContain('<pre class="excerpt">');
  });

  it('warns when values are not redacted', () => {
    const raw = loadFixture('mock-run.json');
    raw.run.redacted = false;
    expect(renderHtml(raw)).toContain('Values are NOT redacted (--no-redact)');
    expect(renderHtml(loadFixture('mock-run.json'))).not.toContain('NOT redacted');
  });
});
