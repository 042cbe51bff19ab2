import { parseVersionList } from '../descriptions/lock.ts';
import { UserError } from '../util/errors.ts';
import { type CommandName, type OptionSpec, optionsOf } from './table.ts';

export type OptionValue = string | number | boolean | string[];
export type OptionValues = Record<string, OptionValue | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
  /** The keys given by a flag or a variable (not defaulted). */
  given: Set<string>;
}

/** `--help` or `-h` anywhere before `--`. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

function describeBounds(o: OptionSpec): string {
  return `from ${o.min ?? 0} to ${o.max ?? Number.MAX_SAFE_INTEGER}`;
}

/** Converts one raw value (from a flag or a variable, named by `label`) to the option's type; one-line errors. */
function convertValue(o: OptionSpec, raw: string, label: string): OptionValue {
  switch (o.kind) {
    case 'int': {
      const min = o.min ?? 0;
      const max = o.max ?? Number.MAX_SAFE_INTEGER;
      if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max)
        throw new UserError(`${label} must be a whole number ${describeBounds(o)} (got "${raw}")`);
      return Number(raw);
    }
    case 'enum':
      if (!o.choices!.includes(raw))
        throw new UserError(`unknown ${label} "${raw}" (${o.choices!.join(', ')})`);
      return raw;
    case 'versions':
      if (raw.trim() === '') throw new UserError(`${label} needs at least one API version`);
      return parseVersionList(raw);
    case 'flag': {
      const v = raw.trim().toLowerCase();
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      throw new UserError(`${label} must be 1 or 0 (got "${raw}")`);
    }
    case 'string':
      if (raw === '') throw new UserError(`${label} needs a value`);
      return raw;
  }
}

function usageHint(command: CommandName): string {
  return `intercom-conformance ${command} --help lists the options`;
}

/**
 * Parses a command's arguments from the option table: `--flag value`, `--flag=value`, boolean flags, `--` ends
 * the options. With `env`, the options' variables fill what no flag gave (flags win), then the defaults.
 * Every problem is a one-line UserError (exit 2) naming the flag or the variable.
 */
export function parseCommandArgs(
  command: CommandName,
  argv: readonly string[],
  env?: NodeJS.ProcessEnv,
): ParsedArgs {
  const specs = optionsOf(command).filter((o) => !o.external);
  const byFlag = new Map(specs.filter((o) => o.flag).map((o) => [o.flag!, o]));
  const values: OptionValues = {};
  const given = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : '';
    const spec = byFlag.get(name);
    if (!spec) {
      const shown = eq > 0 ? arg.slice(0, eq) : arg;
      throw new UserError(`Unknown option '${shown}' (${usageHint(command)})`);
    }
    const label = `--${spec.flag}`;
    let raw: string;
    if (spec.kind === 'flag') {
      if (eq > 0) throw new UserError(`${label} takes no value`);
      values[spec.key] = spec.flagValue ?? true;
      given.add(spec.key);
      continue;
    }
    if (eq > 0) raw = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UserError(`${label} needs a value`);
      raw = next;
      i++;
    }
    const value = convertValue(spec, raw, label);
    if (spec.multiple) {
      const parts = String(value)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      values[spec.key] = [...((values[spec.key] as string[] | undefined) ?? []), ...parts];
    } else {
      if (given.has(spec.key)) throw new UserError(`${label} is given twice`);
      values[spec.key] = value;
    }
    given.add(spec.key);
  }
  if (env) {
    for (const spec of specs) {
      if (given.has(spec.key) || !spec.env) continue;
      const raw = env[spec.env];
      if (raw === undefined || raw === '') continue;
      // A secret is taken as it is: its value must never appear in a message.
      values[spec.key] = spec.secret ? raw : convertValue(spec, raw, spec.env);
      given.add(spec.key);
    }
  }
  for (const spec of specs)
    if (!given.has(spec.key) && spec.default !== undefined) values[spec.key] = spec.default;
  return { values, positionals, given };
}
