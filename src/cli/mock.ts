import { parseArgs } from 'node:util';
import { parseVersionList } from '../descriptions/lock.ts';
import {
  FAULT_IDS,
  type FaultId,
  type MockOptions,
  SCENARIO_IDS,
  type ScenarioId,
  startMockServer,
} from '../mock/index.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';
import { MOCK_USAGE } from './usage.ts';

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value))
    throw new UserError(`--${name} must be a non-negative integer (got "${value}")`);
  return Number(value);
}

/** Parses the flags into mock options; any bad flag is a one-line UserError. */
export function mockOptionsFromArgs(argv: string[]): MockOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4010' },
      'api-version': { type: 'string' },
      scenario: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'fault-every': { type: 'string' },
      'slow-ms': { type: 'string' },
      seed: { type: 'string' },
      conversations: { type: 'string' },
      'per-page-overflow': { type: 'string' },
      'rate-limit': { type: 'string' },
      token: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UserError(`unexpected argument "${positionals[0]}" (${MOCK_USAGE})`);
  const faults = (values.fault ?? [])
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of faults) {
    if (!(FAULT_IDS as string[]).includes(f))
      throw new UserError(`unknown fault "${f}" (${FAULT_IDS.join(', ')})`);
  }
  const scenario = values.scenario ?? (faults.length > 0 ? 'faults' : 'conformant');
  if (!(SCENARIO_IDS as readonly string[]).includes(scenario)) {
    throw new UserError(`unknown scenario "${scenario}" (${SCENARIO_IDS.join(', ')})`);
  }
  if (faults.length > 0 && scenario !== 'faults') throw new UserError('--fault needs --scenario faults');
  const overflow = values['per-page-overflow'];
  if (overflow !== undefined && overflow !== 'clamp' && overflow !== 'reject') {
    throw new UserError(`--per-page-overflow must be clamp or reject (got "${overflow}")`);
  }
  let rateLimit: MockOptions['rateLimit'];
  if (values['rate-limit'] !== undefined) {
    const m = /^(\d{1,10})\/(\d{1,6})$/.exec(values['rate-limit']);
    if (!m)
      throw new UserError(
        `--rate-limit must be <requests>/<seconds>, e.g. 10000/10 (got "${values['rate-limit']}")`,
      );
    rateLimit = { limit: Number(m[1]), windowSeconds: Number(m[2]) };
  }
  const options: MockOptions = {
    port: integer('port', values.port),
    scenario: scenario as ScenarioId,
    seed: integer('seed', values.seed),
    conversations: integer('conversations', values.conversations),
    perPageOverflow: overflow as MockOptions['perPageOverflow'],
    rateLimit,
    token: values.token,
  };
  if (values['api-version'] !== undefined) {
    const versions = parseVersionList(values['api-version']);
    if (versions.length !== 1)
      throw new UserError('--api-version takes one version: the default (every locked version is served)');
    options.defaultVersion = versions[0];
  }
  if (faults.length > 0) options.faults = faults as FaultId[];
  const every = integer('fault-every', values['fault-every']);
  const slowMs = integer('slow-ms', values['slow-ms']);
  if (every !== undefined || slowMs !== undefined) options.faultOptions = { every, slowMs };
  return options;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** `mock`: serves the mock until SIGINT/SIGTERM (or `stop`, for tests), then closes it and exits 0. */
export async function mockCommand(
  argv: string[],
  io: CliIo,
  stop: Promise<unknown> = untilSignal(),
): Promise<number> {
  const server = await startMockServer(mockOptionsFromArgs(argv));
  const o = server.options;
  const scenario = o.scenario === 'faults' ? `faults ${o.faults.join(',')}` : o.scenario;
  io.stdout(
    `intercom-conformance mock: serving API ${o.apiVersions.join(', ')} (default ${o.defaultVersion}, scenario ${scenario}, seed ${o.seed}) on ${server.url}\n` +
      `  ${o.conversations} conversations; send "Authorization: Bearer ${o.token}"; Ctrl-C to stop\n`,
  );
  await stop;
  await server.close();
  io.stdout(`intercom-conformance mock: closed after ${server.state.requestCount} requests\n`);
  return 0;
}
