import { COMMANDS, type CommandMeta, commandMeta } from './commands.ts';
import { type CommandName, OPTIONS, type OptionSpec, optionsOf, READS_ENVIRONMENT } from './table.ts';

/** The placeholder of an option's value in a usage line. */
function placeholderOf(o: OptionSpec): string {
  if (o.kind === 'flag') return '';
  if (o.kind === 'enum') return ` ${o.choices!.join('|')}`;
  return ` ${o.metavar ?? '<value>'}`;
}

/** `--flag VALUE` (or the variable, for settings read only from the environment). */
export function synopsisOf(o: OptionSpec): string {
  return o.flag ? `--${o.flag}${placeholderOf(o)}` : o.env!;
}

/** The default as the help and the README show it. */
export function defaultOf(o: OptionSpec): string {
  if (o.defaultText) return o.defaultText;
  if (o.default === undefined) return '';
  if (typeof o.default === 'boolean') return o.default ? 'on' : 'off';
  return String(o.default);
}

/** A range worth showing: an int option with bounds. */
function boundsOf(o: OptionSpec): string {
  return o.kind === 'int' && o.max !== undefined ? `${o.min ?? 0}–${o.max}` : '';
}

/** `intercom-conformance <command> <args>` */
export function usageLine(meta: CommandMeta): string {
  return `usage: intercom-conformance ${meta.name} ${meta.args}`;
}

function pad(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.min(34, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) =>
    a.length > width
      ? `${indent}${a}\n${indent}${' '.repeat(width + 2)}${b}`
      : `${indent}${a.padEnd(width)}  ${b}`,
  );
}

/** `intercom-conformance <command> --help`: usage, what it does, every option with default and variable, examples. */
export function helpFor(name: CommandName): string {
  const meta = commandMeta(name)!;
  const options = optionsOf(name).filter((o) => !o.external);
  const row = (o: OptionSpec): [string, string] => {
    const facts = [
      defaultOf(o) ? `default ${defaultOf(o)}` : '',
      boundsOf(o) ? `range ${boundsOf(o)}` : '',
      o.flag && o.env && READS_ENVIRONMENT.includes(name) ? `env ${o.env}` : '',
    ].filter(Boolean);
    return [synopsisOf(o), `${o.help}${facts.length ? ` (${facts.join('; ')})` : ''}`];
  };
  const flags = options.filter((o) => o.flag);
  const envOnly = options.filter((o) => !o.flag && READS_ENVIRONMENT.includes(name));
  const lines = [usageLine(meta), '', meta.summary, ''];
  if (meta.details) lines.push(...meta.details.split('\n'), '');
  lines.push('options:', ...pad([...flags.map(row), ['-h, --help', 'this help']]));
  if (envOnly.length) lines.push('', 'environment only:', ...pad(envOnly.map(row)));
  const external = OPTIONS.filter((o) => o.external && o.commands.includes(name));
  if (external.length) lines.push('', 'also read:', ...pad(external.map(row)));
  lines.push('', meta.examples.length > 1 ? 'examples:' : 'example:', ...meta.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** The top-level usage: every command, one line each. */
export function mainUsage(): string {
  const rows = COMMANDS.map((c): [string, string] => [c.name, c.summary]);
  return [
    'usage: intercom-conformance <command> [options]',
    '       intercom-conformance <command> --help',
    '       intercom-conformance --version',
    '',
    'commands:',
    ...pad(rows),
    '',
    ...COMMANDS.map((c) => `  ${usageLine(c).replace(/^usage: /, '')}`),
    '',
  ].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table of one command's flags (and their variables). */
export function optionsTable(name: CommandName, group?: OptionSpec['group']): string {
  const rows = optionsOf(name)
    .filter((o) => o.flag && !o.external && o.group === group)
    .map((o) => {
      const bounds = boundsOf(o);
      const def = [defaultOf(o), bounds ? `(${bounds})` : ''].filter(Boolean).join(' ');
      const env = o.env && READS_ENVIRONMENT.includes(name) ? `\`${o.env}\`` : '';
      return `| \`${cell(synopsisOf(o))}\` | ${env} | ${cell(def)} | ${cell(o.help)} |`;
    });
  return ['| flag | environment variable | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README table of every environment variable. */
export function environmentTable(): string {
  const rows = OPTIONS.filter((o) => o.env).map((o) => {
    const readers = o.external ? o.commands : o.commands.filter((c) => READS_ENVIRONMENT.includes(c));
    const flag = o.flag ? `\`--${o.flag}\` (${readers.join(', ')})` : '';
    return `| \`${o.env}\` | ${flag} | ${cell(defaultOf(o))} | ${cell(o.help)} |`;
  });
  return ['| variable | flag | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
