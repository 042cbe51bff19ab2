import { describe, expect, it } from 'vitest';
import { htmlToPlaintext } from '../../src/mock/render/plaintext.ts';

describe('htmlToPlaintext', () => {
  it.each([
    ['<p>Hi</p>', 'Hi'],
    ['<p>Thanks &amp; regards</p>', 'Thanks & regards'],
    ['<p>One</p><p>Two</p>', 'One\nTwo'],
    ['Line<br>break<br/>twice', 'Line\nbreak\ntwice'],
    ['<p>I&#39;d &#x27;quote&#x27; &quot;this&quot;</p>', `I'd 'quote' "this"`],
    ['<a href="https://example.com">Settings &gt; Billing</a>', 'Settings > Billing'],
    ['wait&hellip; &mdash; done &#128578;', 'wait… — done 🙂'],
    ['&unknown; &#99999999;', '&unknown; &#99999999;'],
    ['plain text', 'plain text'],
  ])('%j → %j', (html, text) => {
    expect(htmlToPlaintext(html)).toBe(text);
  });
});
