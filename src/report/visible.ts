/**
 * Control bytes never reach a report or a terminal raw: NUL, the other C0 controls, DEL, the C1 controls and
 * lone surrogates are shown as `\u0000`-style escapes (visible, and valid in XML, HTML, Markdown and logs).
 * Tab and line feed are kept unless `keepLines` is false.
 */

// Lone surrogates are matched on purpose: they cannot be encoded in UTF-8 output.
const CONTROLS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROLS_AND_LINES =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeCode(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function visibleControls(text: string, keepLines = true): string {
  return text.replace(keepLines ? CONTROLS : CONTROLS_AND_LINES, escapeCode);
}

/**
 * A value as a reader wants it: a string in quotes (so that `"123"` and `123` differ) but not JSON-escaped,
 * anything else as compact JSON; controls visible, cut at `max` characters.
 */
export function displayValue(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(visibleControls(text, false));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
