import { visibleControls } from './visible.ts';

/**
 * Markdown (GitHub-flavoured) escaping: text and code spans that survive tables, HTML and emphasis; control
 * bytes shown as `\u0000`.
 */

/** Plain text: markdown and HTML punctuation backslash-escaped, line breaks flattened. */
export function mdText(text: string): string {
  return visibleControls(text.replace(/\s*\n\s*/g, ' ')).replace(/[\\`*_[\]<>|~&#$]/g, (c) => `\\${c}`);
}

/** An inline code span; pipes escaped (GFM tables split on them even inside code). */
export function mdCode(text: string): string {
  const flat = visibleControls(text.replace(/\s*\n\s*/g, ' '), false).replace(/\|/g, '\\|');
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link when the target is an http(s) URL, a code span for a JSON pointer, plain text otherwise. */
export function mdLink(text: string, href: string): string {
  if (href.startsWith('#/')) return mdCode(href);
  if (!/^https?:\/\/[^\s()<>]+$/.test(href)) return mdText(text || href);
  return `[${mdText(text)}](${href})`;
}

export function mdTable(header: string[], rows: string[][], align: Array<'l' | 'r'> = []): string[] {
  const sep = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}
