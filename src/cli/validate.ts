import { parseArgs } from 'node:util';
import { RESILIENCE_DEFAULTS } from '../client/middleware/index.ts';
import { lockEntry } from '../descriptions/lock.ts';
import { type Classification, verdictOf } from '../model/result.ts';
import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { UserError } from '../util/errors.ts';
import { loadArtifacts } from '../validate/artifacts.ts';
import type { SchemaFinding } from '../validate/validate.ts';
import { type CliIo, parseJson, readInput } from './io.ts';

/** The same limit as a run's (`--max-body-bytes`): a body larger than this is not read. */
const DEFAULT_MAX_BODY_BYTES = RESILIENCE_DEFAULTS.maxBodyBytes;

export const VALIDATE_USAGE = `usage: intercom-conformance validate --api-version <v> --operation <operationId> [--status 200] [--quirks on|off] [--format text|json] [--max-body-bytes N] <file.json | ->`;

export interface ValidateOutput {
  verdict: Classification;
  apiVersion: string;
  operationId: string;
  status: number;
  findings: Array<
    Pick<SchemaFinding, 'instancePath' | 'schemaPath' | 'keyword' | 'params' | 'message'> & {
      specPointer: string;
      classification: Exclude<Classification, 'conforms'>;
      /** The quirk id, for a known quirk. */
      quirk?: string;
    }
  >;
}

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'api-version': { type: 'string' },
      operation: { type: 'string' },
      status: { type: 'string', default: '200' },
      format: { type: 'string', default: 'text' },
      quirks: { type: 'string', default: 'on' },
      'max-body-bytes': { type: 'string' },
    },
    allowPositionals: true,
  });
  const apiVersion = values['api-version'];
  const operationId = values.operation;
  if (!apiVersion || !operationId || positionals.length !== 1) throw new UserError(VALIDATE_USAGE);
  if (values.format !== 'text' && values.format !== 'json')
    throw new UserError(`unknown format "${values.format}" (text, json)`);
  if (!/^[1-5]\d\d$/.test(values.status)) throw new UserError(`invalid status "${values.status}"`);
  if (values.quirks !== 'on' && values.quirks !== 'off')
    throw new UserError(`--quirks takes on or off, not "${values.quirks}"`);
  const status = Number(values.status);
  const maxBytesText =
    values['max-body-bytes'] ??
    process.env.INTERCOM_CONFORMANCE_MAX_BODY_BYTES ??
    String(DEFAULT_MAX_BODY_BYTES);
  if (!/^\d{1,15}$/.test(maxBytesText) || Number(maxBytesText) < 1)
    throw new UserError(
      `--max-body-bytes must be a positive whole number (got ${JSON.stringify(maxBytesText)})`,
    );
  lockEntry(apiVersion);
  const target = quirkAwareResponseTarget(loadArtifacts(apiVersion), operationId, status);
  // --quirks off is the strict reading: the overlaid description is not consulted, every finding is a violation.
  if (values.quirks === 'off') delete target.overlaid;
  const input = positionals[0]!;
  const body = parseJson(await readInput(input, io, Number(maxBytesText)), input === '-' ? 'stdin' : input);

  const findings = classifyBody(target, body);
  const output: ValidateOutput = {
    verdict: verdictOf(findings),
    apiVersion,
    operationId,
    status,
    findings: findings.map(
      ({ instancePath, schemaPath, keyword, params, message, specPointer, classification, quirk }) => ({
        instancePath,
        schemaPath,
        keyword,
        params,
        message,
        specPointer,
        classification,
        ...(quirk ? { quirk: quirk.id } : {}),
      }),
    ),
  };
  io.stdout(values.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : renderText(output));
  return output.verdict === 'violation' ? 1 : 0;
}

function renderText(out: ValidateOutput): string {
  const head = `${out.verdict}: ${out.operationId} ${out.status} (API ${out.apiVersion})`;
  if (out.findings.length === 0) return `${head}\n`;
  const lines = out.findings.map(
    (f) =>
      `  ${f.classification === 'known-quirk' ? `known-quirk ${f.quirk}` : 'violation'}  ${f.instancePath || '(root)'}  ${f.keyword}: ${f.message} ${JSON.stringify(f.params)}  [${f.specPointer}]`,
  );
  return `${head}: ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`;
}
