import type { RunResult } from '../model/result.ts';
import { finish, prepare, type RenderOptions } from './prepare.ts';

/** `conformance.json`: the canonical RunResult, two-space indented, newline-terminated. */
export function renderJson(result: RunResult, options: RenderOptions = {}): string {
  return finish(`${JSON.stringify(prepare(result, options), null, 2)}\n`, options);
}
