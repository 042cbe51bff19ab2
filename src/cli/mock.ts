import { parseVersionList } from '../descriptions/lock.ts';
import {
  FAULT_IDS,
  type FaultId,
  type MockOptions,
  type ScenarioId,
  startMockServer,
} from '../mock/index.ts';
import { parseCommandArgs } from '../options/parse.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';

/** Parses the flags into mock options (the option table); any bad flag is a one-line UserError. */
export function mockOptionsFromArgs(argv: string[]): MockOptions {
  const { values, positionals, given } = parseCommandArgs('mock', argv);
  if (positionals.length > 0)
    throw new UserError(
      `unexpected argument "${positionals[0]}" (intercom-conformance mock --help lists the options)`,
    );
  const faults = (values.fault as string[] | undefined) ?? [];
  for (const f of faults) {
    if (!(FAULT_IDS as string[]).includes(f))
      throw new UserError(`unknown fault "${f}" (${FAULT_IDS.join(', ')})`);
  }
  const scenario = (
    given.has('scenario') ? values.scenario : faults.length > 0 ? 'faults' : values.scenario
  ) as ScenarioId;
  if (faults.length > 0 && scenario !== 'faults') throw new UserError('--fault needs --scenario faults');
  const m = /^(\d{1,10})\/(\d{1,6})$/.exec(values.rateLimit as string);
  if (!m)
    throw new UserError(
      `--rate-limit must be <requests>/<seconds>, e.g. 10000/10 (got "${values.rateLimit}")`,
    );
  const options: MockOptions = {
    port: values.port as number,
    scenario,
    seed: values.seed as number,
    conversations: values.conversations as number,
    perPageOverflow: values.perPageOverflow as MockOptions['perPageOverflow'],
    rateLimit: { limit: Number(m[1]), windowSeconds: Number(m[2]) },
    token: values.mockToken as string,
  };
  if (values.defaultVersion !== undefined) {
    const versions = parseVersionList(values.defaultVersion as string);
    if (versions.length !== 1)
      throw new UserError('--api-version takes one version: the default (every locked version is served)');
    options.defaultVersion = versions[0];
  }
  if (faults.length > 0) options.faults = faults as FaultId[];
  if (given.has('faultEvery') || given.has('slowMs'))
    options.faultOptions = { every: values.faultEvery as number, slowMs: values.slowMs as number };
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
export async function mockCommand(argv: string[], io: CliIo, stop?: Promise<unknown>): Promise<number> {
  // The options first: a bad flag must not leave signal listeners behind.
  const options = mockOptionsFromArgs(argv);
  const stopped = stop ?? untilSignal();
  const server = await startMockServer(options);
  const o = server.options;
  const scenario = o.scenario === 'faults' ? `faults ${o.faults.join(',')}` : o.scenario;
  io.stdout(
    `intercom-conformance mock: serving API ${o.apiVersions.join(', ')} (default ${o.defaultVersion}, scenario ${scenario}, seed ${o.seed}) on ${server.url}\n` +
      `  ${o.conversations} conversations; send "Authorization: Bearer ${o.token}"; Ctrl-C to stop\n`,
  );
  await stopped;
  await server.close();
  io.stdout(`intercom-conformance mock: closed after ${server.state.requestCount} requests\n`);
  return 0;
}
