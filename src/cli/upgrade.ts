import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readLock, type SpecLock } from '../descriptions/lock.ts';
import { type SpecSource, sourceFromEnv } from '../descriptions/source.ts';
import { diffDescriptions } from '../diff/index.ts';
import { LEVELS, type Level, levelOf } from '../diff/model.ts';
import { registeredQuirkTargets } from '../diff/quirk-targets.ts';
import { parseSeverityOverrides, readSeverityFile } from '../diff/registry.ts';
import { loadSide, parseSideSpec } from '../diff/sides.ts';
import { checkConfig, configFromEnv, type RunConfig, type TargetKind } from '../run/config.ts';
import { buildGuide, type UpgradeGuide } from '../upgrade/guide.ts';
import { type ObserveHooks, observe } from '../upgrade/observe.ts';
import { renderGuideHtml, renderGuideJson, renderGuideMarkdown, renderGuideText } from '../upgrade/render.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';

export const UPGRADE_USAGE =
  'usage: intercom-conformance upgrade --from <version> --to <version> [--target mock|live|replay] [--format text|markdown|json|html] [--out <dir>] [--fail-on breaking|warning|info|type-only|artefact|never] [--severity rule-id=level,…] [--severity-file <file>] [--cassettes <dir>] [--seed N] [--conversations N] [--max-requests N] [--retrieve-sample N]';

const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];
const TARGETS: readonly TargetKind[] = ['mock', 'live', 'replay'];

/** Kept small and self-contained so it can move onto the shared option table. */
const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  target: { type: 'string' },
  format: { type: 'string', default: 'text' },
  out: { type: 'string' },
  'fail-on': { type: 'string', default: 'breaking' },
  severity: { type: 'string' },
  'severity-file': { type: 'string' },
  cassettes: { type: 'string' },
  seed: { type: 'string' },
  conversations: { type: 'string' },
  'max-requests': { type: 'string' },
  'retrieve-sample': { type: 'string' },
} as const;

export interface UpgradeCommandOptions {
  lock?: SpecLock;
  source?: SpecSource;
  env?: NodeJS.ProcessEnv;
  hooks?: ObserveHooks;
}

function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UserError(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

function render(guide: UpgradeGuide, format: Format): string {
  switch (format) {
    case 'json':
      return renderGuideJson(guide);
    case 'markdown':
      return renderGuideMarkdown(guide);
    case 'html':
      return renderGuideHtml(guide);
    default:
      return renderGuideText(guide);
  }
}

/**
 * `upgrade --from A --to B`: the static diff of the two locked descriptions (classified, quirks annotated)
 * and what the same workspace returns under both versions, side by side. Exit codes as `diff`.
 */
export async function upgradeCommand(
  argv: string[],
  io: CliIo,
  options: UpgradeCommandOptions = {},
): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  if (positionals.length > 0 || !values.from || !values.to) throw new UserError(UPGRADE_USAGE);
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UserError(`unknown format "${format}" (${FORMATS.join(', ')})`);
  const failOn = values['fail-on'] ?? 'breaking';
  if (failOn !== 'never' && !(LEVELS as readonly string[]).includes(failOn))
    throw new UserError(`unknown --fail-on "${failOn}" (${[...LEVELS, 'never'].join(', ')})`);
  const lock = options.lock ?? readLock();
  const [from, to] = [values.from.trim(), values.to.trim()];
  for (const v of [from, to]) {
    const spec = parseSideSpec(v, lock);
    if (spec.kind !== 'locked')
      throw new UserError(
        `upgrade compares locked versions (${Object.keys(lock.versions).join(', ')}), not "${v}"`,
      );
  }
  if (from === to) throw new UserError(`${from} is on both sides: compare two different versions`);

  const env = options.env ?? process.env;
  const base = configFromEnv(env);
  const target = values.target ?? (env.INTERCOM_CONFORMANCE_TARGET || 'mock');
  if (!(TARGETS as readonly string[]).includes(target))
    throw new UserError(`unknown target "${target}" (${TARGETS.join(', ')})`);
  const config: RunConfig = {
    ...base,
    apiVersions: [from, to],
    target: target as TargetKind,
    ...(values.cassettes ? { cassettes: values.cassettes } : {}),
    ...(count(values.seed, 'seed', 0) !== undefined ? { seed: count(values.seed, 'seed', 0)! } : {}),
    ...(count(values.conversations, 'conversations', 1) !== undefined
      ? { conversations: count(values.conversations, 'conversations', 1)! }
      : {}),
    ...(count(values['max-requests'], 'max-requests', 1) !== undefined
      ? { maxRequests: count(values['max-requests'], 'max-requests', 1)! }
      : {}),
    ...(count(values['retrieve-sample'], 'retrieve-sample', 0) !== undefined
      ? { retrieveSample: count(values['retrieve-sample'], 'retrieve-sample', 0)! }
      : {}),
  };
  checkConfig(config); // a live target without a token: the same one-line error as `run`
  const overrides = {
    ...(values['severity-file'] ? readSeverityFile(values['severity-file']) : {}),
    ...(values.severity ? parseSeverityOverrides(values.severity) : {}),
  };

  const sideOptions = { lock, source: options.source ?? sourceFromEnv() };
  const [a, b] = [
    await loadSide({ kind: 'locked', version: from }, sideOptions),
    await loadSide({ kind: 'locked', version: to }, sideOptions),
  ];
  const report = diffDescriptions(a.doc, b.doc, {
    severityOverrides: overrides,
    quirkTargets: [...registeredQuirkTargets(from, 'old'), ...registeredQuirkTargets(to, 'new')],
  });
  const observed = await observe(config, options.hooks);
  const guide = buildGuide({ from, to, target }, report.changes, observed);

  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    const stem = join(values.out, `upgrade-${from}-${to}`);
    writeFileSync(`${stem}.md`, renderGuideMarkdown(guide));
    writeFileSync(`${stem}.html`, renderGuideHtml(guide));
    writeFileSync(`${stem}.json`, renderGuideJson(guide));
  }
  io.stdout(render(guide, format as Format));
  if (failOn === 'never') return 0;
  const limit = LEVELS.indexOf(failOn as Level);
  return report.changes.some((c) => LEVELS.indexOf(levelOf(c)) <= limit) ? 1 : 0;
}
