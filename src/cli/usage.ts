/**
 * The usage line of each command, apart from the commands themselves: `--help` prints them without loading
 * any command (each one is imported only when it runs).
 */
const DIFF_FLAGS = `[--operations id,…|--all] [--format text|markdown|json] [--fail-on breaking|warning|info|never] [--severity rule-id=level,…]`;
export const DIFF_USAGE = `usage: intercom-conformance diff <old> <new> ${DIFF_FLAGS}`;
export const DRIFT_USAGE = `usage: intercom-conformance drift [--to <commit>] ${DIFF_FLAGS}`;
export const MOCK_USAGE =
  'usage: intercom-conformance mock [--port 4010] [--api-version 2.11] [--scenario conformant|documented|faults] ' +
  '[--fault <id>[,<id>]] [--fault-every 1] [--slow-ms 2000] [--seed 1] [--conversations 200] ' +
  '[--per-page-overflow clamp|reject] [--rate-limit 10000/10] [--token test-token]';
export const REPORT_USAGE = `usage: intercom-conformance report render <conformance.json> [--out <dir>] | report merge <a.json> <b.json> … [--out <dir>]`;
export const RUN_USAGE =
  'usage: intercom-conformance run [--api-version 2.10,2.11] [--target mock|live|replay] [--report-dir reports] [--seed 1] [--scenario conformant|documented|faults] [--conversations 200] [--per-page-overflow clamp|reject] [--record <dir>] [--cassettes <dir>] [--max-requests N] [--max-pages N] [--retrieve-sample N] [--timeout-ms N] [--max-retries N] [--max-wait-ms N] [--backoff-ms N] [--max-body-bytes N] [--concurrency N] [--no-pace] [--cleanup-timeout-ms N] [--no-redact] [--allow-insecure]';
export const VALIDATE_USAGE = `usage: intercom-conformance validate --api-version <v> --operation <operationId> [--status 200] [--quirks on|off] [--format text|json] <file.json | ->`;
export const GENERATE_USAGE =
  'usage: intercom-conformance generate [--lock <specs.lock.json>] [--out <dir>] [--if-stale]';
