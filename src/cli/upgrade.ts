import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLock, type SpecLock } from '../descriptions/lock.ts';
import { type SpecSource, sourceFromEnv } from '../descriptions/source.ts';
import { diffDescriptions } from '../diff/index.ts';
import { LEVELS, type Level, levelOf } from '../diff/model.ts';
import { registeredQuirkTargets } from '../diff/quirk-targets.ts';
import { parseSeverityOverrides, readSeverityFile } from '../diff/registry.ts';
import { loadSide, parseSideSpec } from '../diff/sides.ts';
import { commandMeta } from '../options/commands.ts';
import { usageLine } from '../options/help.ts';
import { parseCommandArgs } from '../options/parse.ts';
import { checkConfig, configFromEnv, type RunConfig, type TargetKind } from '../run/config.ts';
import { buildGuide, type UpgradeGuide } from '../upgrade/guide.ts';
import { type ObserveHooks, observe } from '../upgrade/observe.ts';
import { renderGuideHtml, renderGuideJson, renderGuideMarkdown, renderGuideText } from '../upgrade/render.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';

const UPGRADE_USAGE = usageLine(commandMeta('upgrade')!);

type Format = 'text' | 'markdown' | 'json' | 'html';

export interface UpgradeCommandOptions {
  lock?: SpecLock;
  source?: SpecSource;
  env?: NodeJS.ProcessEnv;
  hooks?: ObserveHooks;
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
  const { values, positionals } = parseCommandArgs('upgrade', argv);
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const [fromArg, toArg] = [str('from'), str('to')];
  if (positionals.length > 0 || !fromArg || !toArg) throw new UserError(UPGRADE_USAGE);
  const format = values.format as Format;
  const failOn = values.failOn as string;
  const lock = options.lock ?? readLock();
  const [from, to] = [fromArg.trim(), toArg.trim()];
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
  const target = values.target as TargetKind;
  const config: RunConfig = {
    ...base,
    apiVersions: [from, to],
    target,
    ...(str('cassettes') ? { cassettes: str('cassettes')! } : {}),
    scenario: values.scenario as RunConfig['scenario'],
    perPageOverflow: values.perPageOverflow as RunConfig['perPageOverflow'],
    seed: values.seed as number,
    conversations: values.conversations as number,
    maxRequests: values.maxRequests as number,
    retrieveSample: values.retrieveSample as number,
  };
  checkConfig(config); // a live target without a token: the same one-line error as `run`
  const overrides = {
    ...(str('severityFile') ? readSeverityFile(str('severityFile')!) : {}),
    ...(str('severity') ? parseSeverityOverrides(str('severity')!) : {}),
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

  const out = str('out');
  if (out) {
    mkdirSync(out, { recursive: true });
    const stem = join(out, `upgrade-${from}-${to}`);
    writeFileSync(`${stem}.md`, renderGuideMarkdown(guide));
    writeFileSync(`${stem}.html`, renderGuideHtml(guide));
    writeFileSync(`${stem}.json`, renderGuideJson(guide));
  }
  io.stdout(render(guide, format as Format));
  if (failOn === 'never') return 0;
  const limit = LEVELS.indexOf(failOn as Level);
  return report.changes.some((c) => LEVELS.indexOf(levelOf(c)) <= limit) ? 1 : 0;
}
