import { readLock, type SpecLock } from '../descriptions/lock.ts';
import { type SpecSource, sourceFromEnv } from '../descriptions/source.ts';
import { planDrift } from '../diff/drift.ts';
import { diffDescriptions } from '../diff/index.ts';
import { type DiffSection, LEVELS, type Level, levelOf } from '../diff/model.ts';
import { registeredQuirkTargets } from '../diff/quirk-targets.ts';
import type { QuirkTarget } from '../diff/quirks.ts';
import { parseSeverityOverrides, readSeverityFile, type SeverityOverrides } from '../diff/registry.ts';
import { renderJson } from '../diff/render/json.ts';
import { renderMarkdown } from '../diff/render/markdown.ts';
import { renderText } from '../diff/render/text.ts';
import { loadSide, parseSideSpec, type SideOptions, type SideSpec } from '../diff/sides.ts';
import { commandMeta } from '../options/commands.ts';
import { usageLine } from '../options/help.ts';
import { type OptionValues, parseCommandArgs } from '../options/parse.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';

const DIFF_USAGE = usageLine(commandMeta('diff')!);
const DRIFT_USAGE = usageLine(commandMeta('drift')!);

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];
type FailOn = Level | 'never';

/** The flags as parseCommon reads them, from the option table's values. */
function flagValues(values: OptionValues) {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return {
    operations: str('operations'),
    all: values.all === true,
    format: str('format'),
    'fail-on': str('failOn'),
    severity: str('severity'),
    'severity-file': str('severityFile'),
  };
}

interface CommonFlags {
  operations?: string[] | 'all';
  format: Format;
  failOn: FailOn;
  overrides: SeverityOverrides;
}

/** What the lead's wiring (and tests) may inject; the CLI itself uses the lock, the environment's source, no quirks. */
export interface DiffCommandOptions {
  lock?: SpecLock;
  source?: SpecSource;
  cacheDir?: string;
  quirkTargets?: readonly QuirkTarget[];
}

function parseCommon(values: {
  operations?: string;
  all?: boolean;
  format?: string;
  'fail-on'?: string;
  severity?: string;
  'severity-file'?: string;
}): CommonFlags {
  if (values.all && values.operations !== undefined)
    throw new UserError('give either --operations or --all, not both');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UserError(`unknown format "${format}" (${FORMATS.join(', ')})`);
  const failOn = values['fail-on'] ?? 'breaking';
  if (failOn !== 'never' && !(LEVELS as readonly string[]).includes(failOn)) {
    throw new UserError(`unknown --fail-on "${failOn}" (${[...LEVELS, 'never'].join(', ')})`);
  }
  let operations: string[] | 'all' | undefined;
  if (values.all) operations = 'all';
  else if (values.operations !== undefined) {
    operations = values.operations
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (operations.length === 0) throw new UserError('--operations needs at least one operationId');
  }
  return {
    ...(operations ? { operations } : {}),
    format: format as Format,
    failOn: failOn as FailOn,
    // The file first, then the flag: `--severity` wins for an id both name.
    overrides: {
      ...(values['severity-file'] ? readSeverityFile(values['severity-file']) : {}),
      ...(values.severity ? parseSeverityOverrides(values.severity) : {}),
    },
  };
}

/**
 * 1 when a change at or above `failOn` was found, else 0. Levels run breaking, warning, info, type-only,
 * artefact: with the default (`breaking`) only wire changes that break running clients fail.
 */
function exitCodeFor(sections: readonly DiffSection[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const limit = LEVELS.indexOf(failOn);
  return sections.some((s) => s.report.changes.some((c) => LEVELS.indexOf(levelOf(c)) <= limit)) ? 1 : 0;
}

function render(sections: readonly DiffSection[], format: Format, asList: boolean): string {
  if (format === 'json') return renderJson(sections, asList);
  return format === 'markdown' ? renderMarkdown(sections) : renderText(sections);
}

async function compare(
  title: string,
  oldSpec: SideSpec,
  newSpec: SideSpec,
  flags: CommonFlags,
  sideOptions: SideOptions,
  quirkTargets: readonly QuirkTarget[] | undefined,
): Promise<DiffSection> {
  const [a, b] = [await loadSide(oldSpec, sideOptions), await loadSide(newSpec, sideOptions)];
  // By default, the quirks registered for each side's API version (openapi/quirks/<version>.yaml).
  const targets = quirkTargets ?? [
    ...registeredQuirkTargets(a.info.version, 'old'),
    ...registeredQuirkTargets(b.info.version, 'new'),
  ];
  const report = diffDescriptions(a.doc, b.doc, {
    ...(flags.operations ? { operations: flags.operations } : {}),
    severityOverrides: flags.overrides,
    quirkTargets: targets,
  });
  if (Array.isArray(flags.operations) && report.scope.missing.length > 0) {
    throw new UserError(
      `operation ${report.scope.missing.join(', ')} is in neither ${a.info.label} nor ${b.info.label}`,
    );
  }
  return { title, old: a.info, new: b.info, report };
}

export async function diffCommand(
  argv: string[],
  io: CliIo,
  options: DiffCommandOptions = {},
): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv);
  if (positionals.length !== 2) throw new UserError(DIFF_USAGE);
  const flags = parseCommon(flagValues(values));
  const lock = options.lock ?? readLock();
  const sideOptions: SideOptions = {
    lock,
    source: options.source ?? sourceFromEnv(),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  };
  const [oldSpec, newSpec] = [parseSideSpec(positionals[0]!, lock), parseSideSpec(positionals[1]!, lock)];
  if (oldSpec.kind !== 'file' && JSON.stringify(oldSpec) === JSON.stringify(newSpec))
    throw new UserError(`${positionals[0]} is on both sides: compare two different versions`);
  const section = await compare('diff', oldSpec, newSpec, flags, sideOptions, options.quirkTargets);
  io.stdout(render([section], flags.format, false));
  return exitCodeFor([section], flags.failOn);
}

export async function driftCommand(
  argv: string[],
  io: CliIo,
  options: DiffCommandOptions = {},
): Promise<number> {
  const { values, positionals } = parseCommandArgs('drift', argv);
  if (positionals.length > 0) throw new UserError(DRIFT_USAGE);
  const flags = parseCommon(flagValues(values));
  const lock = options.lock ?? readLock();
  const source = options.source ?? sourceFromEnv();
  const sideOptions: SideOptions = {
    lock,
    source,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  };
  const plan = await planDrift(lock, source, values.to as string | undefined);
  const how =
    plan.how === 'given'
      ? 'commit given with --to'
      : plan.how === 'readme'
        ? "newest commit in the mirror's README"
        : plan.how === 'upstream'
          ? 'newest upstream commit'
          : 'most recently modified commit in the mirror';
  const sections: DiffSection[] = [];
  for (const c of plan.comparisons) {
    const title = `drift ${c.version} (${how})`;
    sections.push(await compare(title, c.old, c.new, flags, sideOptions, options.quirkTargets));
  }
  io.stdout(render(sections, flags.format, true));
  return exitCodeFor(sections, flags.failOn);
}
