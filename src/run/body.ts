import { type BodyIssue, firstInvalidUtf8, scanJson } from './json-scan.ts';

/** Deeper than this, a body is not parsed: the code that reads bodies afterwards is recursive. */
const MAX_JSON_DEPTH = 512;

export interface ReadBody {
  bodyText: string;
  body?: unknown;
  parseError?: string;
  /** Set when the body is not JSON: why, for the exchange's `error` (HTML error page, not JSON, …). */
  notJson?: string;
  issues: BodyIssue[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function isHtml(contentType: string | undefined, text: string): boolean {
  return /\bhtml\b/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

/**
 * The bytes of a body as the checks read them: decoded as UTF-8 (invalid bytes are an issue, decoded
 * leniently), scanned for what JSON.parse hides (duplicate keys, unsafe integers, prototype keys, nesting),
 * then parsed — unless nested too deep. A `__proto__` key stays an own property (JSON.parse never pollutes).
 */
export function readBody(bytes: Uint8Array, contentType: string | undefined): ReadBody {
  const issues: BodyIssue[] = [];
  let bodyText: string;
  try {
    bodyText = strict.decode(bytes);
  } catch {
    bodyText = lenient.decode(bytes);
    issues.push({
      kind: 'invalid-utf8',
      path: '',
      detail: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`,
    });
  }
  const scan = scanJson(bodyText, MAX_JSON_DEPTH);
  issues.push(...scan.issues);
  const out: ReadBody = { bodyText, issues };
  if (scan.tooDeep) {
    out.parseError = `nested deeper than ${MAX_JSON_DEPTH} levels (not parsed)`;
  } else {
    try {
      out.body = JSON.parse(bodyText);
      return out;
    } catch (error) {
      out.parseError = (error as Error).message.split('\n')[0]!.slice(0, 200);
    }
  }
  out.notJson = scan.tooDeep
    ? `JSON nested deeper than ${MAX_JSON_DEPTH} levels (not parsed)`
    : bodyText.trim() === ''
      ? 'empty body instead of JSON'
      : isHtml(contentType, bodyText)
        ? `HTML error page (${contentType || 'no content-type'}) instead of JSON`
        : `not JSON (${out.parseError})`;
  return out;
}
