import { parseVersionList } from '../descriptions/lock.ts';
import { type Classification, verdictOf } from '../model/result.ts';
import { commandMeta } from '../options/commands.ts';
import { usageLine } from '../options/help.ts';
import { parseCommandArgs } from '../options/parse.ts';
import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { UserError } from '../util/errors.ts';
import { loadArtifacts } from '../validate/artifacts.ts';
import type { SchemaFinding } from '../validate/validate.ts';
import { type CliIo, parseJson, readInput } from './io.ts';

const VALIDATE_USAGE = usageLine(commandMeta('validate')!);

export interface ValidateOutput {
  verdict: Classification;
  apiVersion: string;
  operationId: string;
  status: number;
  /** Said when the reading could not be quirk-aware: the version has no quirk data. */
  note?: string;
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
  const { values, positionals } = parseCommandArgs('validate', argv);
  const selection = values.apiVersion as string | undefined;
  const operationId = values.operation as string | undefined;
  if (!selection || !operationId || positionals.length !== 1) throw new UserError(VALIDATE_USAGE);
  const status = values.status as number;
  const versions = parseVersionList(selection);
  if (versions.length !== 1)
    throw new UserError(`validate takes one API version, not ${versions.length} (${versions.join(', ')})`);
  const apiVersion = versions[0]!;
  const target = quirkAwareResponseTarget(loadArtifacts(apiVersion), operationId, status);
  // --quirks off is the strict reading: the overlaid description is not consulted, every finding is a violation.
  if (values.quirks === 'off') delete target.overlaid;
  const note =
    values.quirks === 'on' && !target.overlaid
      ? `API ${apiVersion} has no quirk data: the quirk-aware reading equals the strict one`
      : undefined;
  const input = positionals[0]!;
  const body = parseJson(
    await readInput(input, io, values.maxBodyBytes as number),
    input === '-' ? 'stdin' : input,
  );

  const findings = classifyBody(target, body);
  const output: ValidateOutput = {
    verdict: verdictOf(findings),
    apiVersion,
    operationId,
    status,
    ...(note ? { note } : {}),
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
  const note = out.note ? `note: ${out.note}\n` : '';
  if (out.findings.length === 0) return `${head}\n${note}`;
  const lines = out.findings.map(
    (f) =>
      `  ${f.classification === 'known-quirk' ? `known-quirk ${f.quirk}` : 'violation'}  ${f.instancePath || '(root)'}  ${f.keyword}: ${f.message} ${JSON.stringify(f.params)}  [${f.specPointer}]`,
  );
  return `${head}: ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'}\n${lines.join('\n')}\n${note}`;
}
