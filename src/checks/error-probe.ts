import type { Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { prop } from './read.ts';
import { finding, requestOf } from './types.ts';

/** What an error probe must get: the status, and an error.list body (its schema is checked by `schema`). */
export function expectError(checkId: string, e: Exchange, status: number): Finding[] {
  const out: Finding[] = [];
  if (e.status !== status)
    out.push(finding(checkId, 'violation', `expected ${status}, got ${e.status}`, { request: requestOf(e) }));
  const type = prop(e.body, 'type');
  if (type !== 'error.list')
    out.push(
      finding(
        checkId,
        'violation',
        `the error body's type is ${JSON.stringify(type ?? null)}, not "error.list"`,
        {
          request: requestOf(e),
        },
      ),
    );
  return out;
}
