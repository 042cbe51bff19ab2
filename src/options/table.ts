/**
 * Every option of every command, defined once: flag, environment variable, type, default, bounds, help line and
 * the commands that take it. The argument parser, the environment reading (the vitest adapter), each command's
 * `--help` and the README's option tables are all generated from this table (see parse.ts and help.ts).
 */

export const COMMAND_NAMES = [
  'run',
  'validate',
  'mock',
  'diff',
  'drift',
  'upgrade',
  'report',
  'generate',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type OptionKind =
  /** A whole number within [min, max]. */
  | 'int'
  /** A non-empty string (a path, an id, a commit). */
  | 'string'
  /** One of `choices`. */
  | 'enum'
  /** A comma-separated list of API versions (checked against the lock by the command). */
  | 'versions'
  /** No value: the flag sets `flagValue`. In the environment: 1/0 (or true/false). */
  | 'flag';

export interface OptionSpec {
  /** The key of the parsed value (camelCase). Unique per command. */
  key: string;
  /** The flag, without `--`; absent for settings read only from the environment (secrets, workspace ids). */
  flag?: string;
  /** The environment variable (read by `run` and by the vitest suites; flags win over variables). */
  env?: string;
  kind: OptionKind;
  choices?: readonly string[];
  /** The default (absent: the option is unset unless given). */
  default?: string | number | boolean;
  /** What the help and README show instead of the default value (e.g. "every locked version"). */
  defaultText?: string;
  min?: number;
  max?: number;
  /** The value's placeholder in the help (`N`, `<dir>`). */
  metavar?: string;
  /** For `flag`: the value the flag sets (true for --allow-insecure, false for --no-pace). */
  flagValue?: boolean;
  /** May be given several times (values are comma-split and concatenated). */
  multiple?: boolean;
  /** The value is a secret: never shown, only its variable is named. */
  secret?: boolean;
  /** Read elsewhere (the description source, the generated folder): documented here, parsed by its module. */
  external?: boolean;
  help: string;
  commands: readonly CommandName[];
  /** A section of the help and README: the resilience settings stand together. */
  group?: 'resilience';
}

const ALL: readonly CommandName[] = COMMAND_NAMES;
const RUN: readonly CommandName[] = ['run'];
const DIFF_DRIFT: readonly CommandName[] = ['diff', 'drift'];
const DIFF_DRIFT_UPGRADE: readonly CommandName[] = ['diff', 'drift', 'upgrade'];
const RUN_UPGRADE: readonly CommandName[] = ['run', 'upgrade'];

const MAX_CONVERSATIONS = 100_000;

export const OPTIONS: readonly OptionSpec[] = [
  // run
  {
    key: 'apiVersions',
    flag: 'api-version',
    env: 'INTERCOM_CONFORMANCE_API_VERSIONS',
    kind: 'versions',
    defaultText: 'every locked version',
    metavar: '<v,…>',
    help: 'API versions to check: a list (2.10,2.11), a range (2.10..2.16, 2.12..), or all',
    commands: RUN,
  },
  {
    key: 'target',
    flag: 'target',
    env: 'INTERCOM_CONFORMANCE_TARGET',
    kind: 'enum',
    choices: ['mock', 'live', 'replay'],
    default: 'mock',
    help: 'what to check: the embedded mock, your workspace, or recorded cassettes',
    commands: RUN_UPGRADE,
  },
  {
    key: 'reportDir',
    flag: 'report-dir',
    env: 'INTERCOM_CONFORMANCE_REPORT_DIR',
    kind: 'string',
    default: 'reports',
    metavar: '<dir>',
    help: 'where conformance.json, junit.xml, summary.md and report.html are written',
    commands: RUN,
  },
  {
    key: 'failOn',
    flag: 'fail-on',
    env: 'INTERCOM_CONFORMANCE_FAIL_ON',
    kind: 'enum',
    choices: ['error', 'violation', 'never'],
    default: 'error',
    help: 'exit 1 on violations, errors and leftovers (error), on violations and leftovers only (violation), or never',
    commands: RUN,
  },
  {
    key: 'scenario',
    flag: 'scenario',
    env: 'INTERCOM_CONFORMANCE_SCENARIO',
    kind: 'enum',
    choices: ['conformant', 'documented', 'faults'],
    default: 'conformant',
    help: 'the mock: every response valid, shaped as documented, or faulty',
    commands: ['run', 'mock', 'upgrade'],
  },
  {
    key: 'seed',
    flag: 'seed',
    env: 'INTERCOM_CONFORMANCE_SEED',
    kind: 'int',
    default: 1,
    min: 0,
    max: 2 ** 32 - 1,
    metavar: 'N',
    help: "the mock workspace's seed (same seed, same requests: byte-identical answers)",
    commands: ['run', 'mock', 'upgrade'],
  },
  {
    key: 'conversations',
    flag: 'conversations',
    env: 'INTERCOM_CONFORMANCE_CONVERSATIONS',
    kind: 'int',
    default: 200,
    min: 1,
    max: MAX_CONVERSATIONS,
    metavar: 'N',
    help: 'conversations in the mock workspace',
    commands: ['run', 'mock', 'upgrade'],
  },
  {
    key: 'perPageOverflow',
    flag: 'per-page-overflow',
    env: 'INTERCOM_CONFORMANCE_PER_PAGE_OVERFLOW',
    kind: 'enum',
    choices: ['clamp', 'reject'],
    default: 'clamp',
    help: 'the mock: per_page above 150 is clamped or rejected (400)',
    commands: ['run', 'mock', 'upgrade'],
  },
  {
    key: 'record',
    flag: 'record',
    env: 'INTERCOM_CONFORMANCE_RECORD',
    kind: 'string',
    metavar: '<dir>',
    help: 'record cassettes of a live run into this folder',
    commands: RUN,
  },
  {
    key: 'cassettes',
    flag: 'cassettes',
    env: 'INTERCOM_CONFORMANCE_CASSETTES',
    kind: 'string',
    metavar: '<dir>',
    help: 'the cassettes a replay reads (an existing folder)',
    commands: RUN_UPGRADE,
  },
  {
    key: 'maxPages',
    flag: 'max-pages',
    env: 'INTERCOM_CONFORMANCE_MAX_PAGES',
    kind: 'int',
    default: 50,
    min: 1,
    max: 100_000,
    metavar: 'N',
    help: 'pages of the per_page=150 walk at most',
    commands: RUN,
  },
  {
    key: 'retrieveSample',
    flag: 'retrieve-sample',
    env: 'INTERCOM_CONFORMANCE_RETRIEVE_SAMPLE',
    kind: 'int',
    default: 25,
    min: 1,
    max: 10_000,
    metavar: 'N',
    help: 'conversations retrieved one by one',
    commands: RUN_UPGRADE,
  },
  {
    key: 'searchQueries',
    flag: 'search-query',
    env: 'INTERCOM_CONFORMANCE_SEARCH_QUERY',
    kind: 'string',
    multiple: true,
    metavar: '<file>',
    help: 'a search of your own, a JSON file (a search body or a bare query): every result must satisfy it; repeatable',
    commands: RUN,
  },
  {
    key: 'snoozeMinutes',
    flag: 'snooze-minutes',
    env: 'INTERCOM_CONFORMANCE_SNOOZE_MINUTES',
    kind: 'int',
    default: 5,
    min: 1,
    max: 1440,
    metavar: 'N',
    help: 'how far ahead the state round trip snoozes its conversation (minutes)',
    commands: RUN,
  },
  {
    key: 'redact',
    flag: 'no-redact',
    env: 'INTERCOM_CONFORMANCE_REDACT',
    kind: 'flag',
    flagValue: false,
    default: true,
    defaultText: 'values redacted',
    help: 'keep the values in reports as received (customer data!)',
    commands: RUN,
  },
  {
    key: 'github',
    flag: 'github',
    kind: 'flag',
    flagValue: true,
    default: false,
    defaultText: 'on when GITHUB_ACTIONS=true',
    help: 'GitHub-native output: workflow annotations for violations and errors, summary.md appended to $GITHUB_STEP_SUMMARY',
    commands: RUN,
  },
  // run: resilience
  {
    key: 'timeoutMs',
    flag: 'timeout-ms',
    env: 'INTERCOM_CONFORMANCE_TIMEOUT_MS',
    kind: 'int',
    default: 30_000,
    min: 1,
    max: 3_600_000,
    metavar: 'N',
    help: 'per attempt, headers and whole body (ms)',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'maxRetries',
    flag: 'max-retries',
    env: 'INTERCOM_CONFORMANCE_MAX_RETRIES',
    kind: 'int',
    default: 3,
    min: 0,
    max: 100,
    metavar: 'N',
    help: 'GET retries; also the verified re-sends of a tag write',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'maxWaitMs',
    flag: 'max-wait-ms',
    env: 'INTERCOM_CONFORMANCE_MAX_WAIT_MS',
    kind: 'int',
    default: 60_000,
    min: 0,
    max: 3_600_000,
    metavar: 'N',
    help: 'longest single wait (Retry-After, reset, backoff, pacing); a server asking for more is a give-up error',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'backoffMs',
    flag: 'backoff-ms',
    env: 'INTERCOM_CONFORMANCE_BACKOFF_MS',
    kind: 'int',
    default: 250,
    min: 0,
    max: 600_000,
    metavar: 'N',
    help: 'first backoff step, doubled per attempt, with jitter (ms)',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'maxBodyBytes',
    flag: 'max-body-bytes',
    env: 'INTERCOM_CONFORMANCE_MAX_BODY_BYTES',
    kind: 'int',
    default: 20 * 1024 * 1024,
    min: 1,
    max: 2 ** 31 - 1,
    metavar: 'N',
    help: 'larger bodies are an error, never held in memory (validate: the body read, stdin included)',
    commands: ['run', 'validate'],
    group: 'resilience',
  },
  {
    key: 'concurrency',
    flag: 'concurrency',
    env: 'INTERCOM_CONFORMANCE_CONCURRENCY',
    kind: 'int',
    default: 4,
    min: 1,
    max: 64,
    metavar: 'N',
    help: 'requests in flight (retrieves run concurrently)',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'pace',
    flag: 'no-pace',
    env: 'INTERCOM_CONFORMANCE_PACE',
    kind: 'flag',
    flagValue: false,
    default: true,
    defaultText: 'pacing on',
    help: 'do not pace from the rate-limit headers',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'cleanupTimeoutMs',
    flag: 'cleanup-timeout-ms',
    env: 'INTERCOM_CONFORMANCE_CLEANUP_TIMEOUT_MS',
    kind: 'int',
    default: 15_000,
    min: 1,
    max: 3_600_000,
    metavar: 'N',
    help: 'time the cleanup of each round trip may take (tag removal, state restoration), also after Ctrl-C (ms)',
    commands: RUN,
    group: 'resilience',
  },
  {
    key: 'maxRequests',
    flag: 'max-requests',
    env: 'INTERCOM_CONFORMANCE_MAX_REQUESTS',
    kind: 'int',
    default: 2000,
    min: 1,
    max: 10_000_000,
    metavar: 'N',
    help: 'the request budget (plus a 20-request reserve for cleanup)',
    commands: RUN_UPGRADE,
    group: 'resilience',
  },
  {
    key: 'allowInsecure',
    flag: 'allow-insecure',
    env: 'INTERCOM_ALLOW_INSECURE',
    kind: 'flag',
    flagValue: true,
    default: false,
    defaultText: 'off',
    help: 'allow plain http to a host other than loopback',
    commands: RUN,
    group: 'resilience',
  },
  // run: the live workspace (environment only)
  {
    key: 'token',
    env: 'INTERCOM_ACCESS_TOKEN',
    kind: 'string',
    secret: true,
    help: "the live target's access token (never printed, logged, reported or recorded)",
    commands: RUN,
  },
  {
    key: 'region',
    env: 'INTERCOM_REGION',
    kind: 'enum',
    choices: ['us', 'eu', 'au'],
    defaultText: 'us',
    help: 'the live target region (or INTERCOM_BASE_URL)',
    commands: RUN,
  },
  {
    key: 'baseUrl',
    env: 'INTERCOM_BASE_URL',
    kind: 'string',
    help: 'the live target as a base URL (without credentials)',
    commands: RUN,
  },
  {
    key: 'allowWrites',
    env: 'INTERCOM_ALLOW_WRITES',
    kind: 'flag',
    default: false,
    defaultText: 'off',
    help: '1 to allow the tag and state round trips on a live target (with the sandbox app id and the admin id below)',
    commands: RUN,
  },
  {
    key: 'sandboxAppId',
    env: 'INTERCOM_SANDBOX_APP_ID',
    kind: 'string',
    help: 'writes run only if GET /me shows this app id_code',
    commands: RUN,
  },
  {
    key: 'testTagId',
    env: 'INTERCOM_TEST_TAG_ID',
    kind: 'string',
    help: 'the tag the tag round trip attaches and detaches (without it, only that trip is skipped)',
    commands: RUN,
  },
  {
    key: 'adminId',
    env: 'INTERCOM_ADMIN_ID',
    kind: 'string',
    help: 'the admin the tag and state round trips act as',
    commands: RUN,
  },
  // validate
  {
    key: 'apiVersion',
    flag: 'api-version',
    kind: 'string',
    metavar: '<v>',
    help: 'the API version the body claims (required)',
    commands: ['validate'],
  },
  {
    key: 'operation',
    flag: 'operation',
    kind: 'string',
    metavar: '<operationId>',
    help: 'the operation that answered (required)',
    commands: ['validate'],
  },
  {
    key: 'status',
    flag: 'status',
    kind: 'int',
    default: 200,
    min: 100,
    max: 599,
    metavar: '<code>',
    help: 'the HTTP status of the response',
    commands: ['validate'],
  },
  {
    key: 'quirks',
    flag: 'quirks',
    kind: 'enum',
    choices: ['on', 'off'],
    default: 'on',
    help: 'off: the strict reading, every finding is a violation',
    commands: ['validate'],
  },
  {
    key: 'format',
    flag: 'format',
    kind: 'enum',
    choices: ['text', 'json'],
    default: 'text',
    help: 'output format',
    commands: ['validate'],
  },
  // mock
  {
    key: 'port',
    flag: 'port',
    kind: 'int',
    default: 4010,
    min: 0,
    max: 65_535,
    metavar: 'N',
    help: 'port on 127.0.0.1 (0: any free port)',
    commands: ['mock'],
  },
  {
    key: 'defaultVersion',
    flag: 'api-version',
    kind: 'string',
    defaultText: '2.11 if locked, else the newest locked version',
    metavar: '<v>',
    help: 'the version served without an Intercom-Version header (every locked version is served)',
    commands: ['mock'],
  },
  {
    key: 'fault',
    flag: 'fault',
    kind: 'string',
    multiple: true,
    metavar: '<id,…>',
    help: 'faults to produce (implies --scenario faults); may be repeated',
    commands: ['mock'],
  },
  {
    key: 'faultEvery',
    flag: 'fault-every',
    kind: 'int',
    default: 1,
    min: 1,
    max: 1_000_000,
    metavar: 'N',
    help: 'fault every Nth request (1: always)',
    commands: ['mock'],
  },
  {
    key: 'slowMs',
    flag: 'slow-ms',
    kind: 'int',
    default: 2000,
    min: 0,
    max: 600_000,
    metavar: 'N',
    help: 'delay of the slow fault (ms)',
    commands: ['mock'],
  },
  {
    key: 'rateLimit',
    flag: 'rate-limit',
    kind: 'string',
    default: '10000/10',
    metavar: '<requests>/<seconds>',
    help: 'the rate limit the mock enforces',
    commands: ['mock'],
  },
  {
    key: 'mockToken',
    flag: 'token',
    kind: 'string',
    default: 'test-token',
    metavar: '<token>',
    help: 'the bearer token the mock accepts',
    commands: ['mock'],
  },
  // diff and drift
  {
    key: 'operations',
    flag: 'operations',
    kind: 'string',
    defaultText: 'the covered operations',
    metavar: '<id,…>',
    help: 'operationIds to compare',
    commands: DIFF_DRIFT,
  },
  {
    key: 'all',
    flag: 'all',
    kind: 'flag',
    flagValue: true,
    default: false,
    defaultText: 'off',
    help: 'compare every operation',
    commands: DIFF_DRIFT,
  },
  {
    key: 'format',
    flag: 'format',
    kind: 'enum',
    choices: ['text', 'markdown', 'json'],
    default: 'text',
    help: 'output format',
    commands: DIFF_DRIFT,
  },
  {
    key: 'failOn',
    flag: 'fail-on',
    kind: 'enum',
    choices: ['breaking', 'warning', 'info', 'type-only', 'artefact', 'never'],
    default: 'breaking',
    help: 'exit 1 when a change at or above this level is found (breaking, warning, info, type-only, artefact)',
    commands: DIFF_DRIFT_UPGRADE,
  },
  {
    key: 'severity',
    flag: 'severity',
    kind: 'string',
    metavar: '<rule-id=level,…>',
    help: 'override the level of rules (breaking, warning, info, type-only, artefact)',
    commands: DIFF_DRIFT_UPGRADE,
  },
  {
    key: 'severityFile',
    flag: 'severity-file',
    kind: 'string',
    metavar: '<file>',
    help: 'overrides from a file: one `rule-id level` per line (the flag wins for an id both name)',
    commands: DIFF_DRIFT_UPGRADE,
  },
  {
    key: 'to',
    flag: 'to',
    kind: 'string',
    defaultText: "the mirror's newest commit",
    metavar: '<commit>',
    help: 'the upstream commit to compare the lock with',
    commands: ['drift'],
  },
  // upgrade
  {
    key: 'from',
    flag: 'from',
    kind: 'string',
    metavar: '<version>',
    help: 'the locked API version you are on',
    commands: ['upgrade'],
  },
  {
    key: 'to',
    flag: 'to',
    kind: 'string',
    metavar: '<version>',
    help: 'the locked API version you are moving to',
    commands: ['upgrade'],
  },
  {
    key: 'format',
    flag: 'format',
    kind: 'enum',
    choices: ['text', 'markdown', 'json', 'html'],
    default: 'text',
    help: 'output format of the upgrade guide on stdout',
    commands: ['upgrade'],
  },
  {
    key: 'out',
    flag: 'out',
    kind: 'string',
    metavar: '<dir>',
    help: 'also write upgrade-<from>-<to>.md, .html and .json there',
    commands: ['upgrade'],
  },
  // report
  {
    key: 'out',
    flag: 'out',
    kind: 'string',
    defaultText: 'render: the folder of the JSON; merge: reports',
    metavar: '<dir>',
    help: 'where the reports are written',
    commands: ['report'],
  },
  // read by their own modules, documented here
  {
    key: 'mirror',
    env: 'INTERCOM_OPENAPI_MIRROR',
    kind: 'string',
    external: true,
    help: 'a directory or URL laid out like <commit>/descriptions/<version>/api.intercom.io.yaml, used instead of GitHub',
    commands: ALL,
  },
  {
    key: 'cache',
    env: 'INTERCOM_CONFORMANCE_CACHE',
    kind: 'string',
    external: true,
    defaultText: '.cache/intercom-openapi (installed: the user cache)',
    help: 'the spec cache',
    commands: ALL,
  },
  {
    key: 'generated',
    env: 'INTERCOM_CONFORMANCE_GENERATED',
    kind: 'string',
    external: true,
    defaultText: 'generated/ (installed, re-pinned: the user cache)',
    help: 'where generated artifacts are read and written',
    commands: ALL,
  },
  {
    key: 'githubApi',
    env: 'INTERCOM_OPENAPI_GITHUB_API',
    kind: 'string',
    external: true,
    defaultText: 'https://api.github.com',
    help: 'the GitHub API drift asks for the newest upstream commit',
    commands: ['drift'],
  },
  {
    key: 'lockFile',
    env: 'INTERCOM_CONFORMANCE_LOCK',
    kind: 'string',
    external: true,
    defaultText: 'openapi/specs.lock.json',
    help: "a spec lock of your own instead of the package's (re-pinning; see generate)",
    commands: ALL,
  },
  {
    key: 'xdgCache',
    env: 'XDG_CACHE_HOME',
    kind: 'string',
    external: true,
    defaultText: '~/.cache',
    help: 'the installed package keeps fetched descriptions and re-pinned artifacts in $XDG_CACHE_HOME/intercom-conformance/',
    commands: ALL,
  },
  // generate
  {
    key: 'lock',
    flag: 'lock',
    kind: 'string',
    metavar: '<specs.lock.json>',
    help: "generate for this lock (re-pinning) instead of the package's own",
    commands: ['generate'],
  },
  {
    key: 'out',
    flag: 'out',
    kind: 'string',
    metavar: '<dir>',
    help: 'where to write (default: INTERCOM_CONFORMANCE_GENERATED, the user cache when installed, generated/ in a checkout)',
    commands: ['generate'],
  },
  {
    key: 'ifStale',
    flag: 'if-stale',
    kind: 'flag',
    flagValue: true,
    default: false,
    defaultText: 'off',
    help: 'only when the lock or the generator changed',
    commands: ['generate'],
  },
];

/** The commands that read the options' environment variables (the others take flags only). */
export const READS_ENVIRONMENT: readonly CommandName[] = ['run'];

/** The options a command takes, in table order. */
export function optionsOf(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command));
}

/** The defaults of a command's options, by key. */
export function defaultsOf(command: CommandName): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const o of optionsOf(command)) if (o.default !== undefined) out[o.key] = o.default;
  return out;
}
