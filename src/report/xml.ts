import { visibleControls } from './visible.ts';

/**
 * XML 1.0 escaping: characters XML cannot carry (control bytes, lone surrogates) are shown as `\u0000`-style
 * escapes, markup characters escaped.
 */
export function xmlText(text: string): string {
  return visibleControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(text: string | number): string {
  return xmlText(String(text)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, skipping undefined values. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v!)}"`)
    .join('');
}
