import { parseArgs } from 'node:util';
import { lockEntry } from '../spec/lock.ts';
import { UserError } from '../util/errors.ts';
import { loadArtifacts } from '../validate/artifacts.ts';
import { responseTarget, type SchemaFinding, validateAgainst } from '../validate/validate.ts';
import { type CliIo, parseJson, readInput } from './io.ts';

export const VALIDATE_USAGE = `usage: intercom-conformance validate --api-version <v> --operation <operationId> [--status 200] [--format text|json] <file.json | ->`;

export interface ValidateOutput {
  verdict: 'conforms' | 'violation';
  apiVersion: string;
  operationId: string;
  status: number;
  findings: Array<
    Pick<SchemaFinding, 'instancePath' | 'schemaPath' | 'keyword' | 'params' | 'message'> & {
      specPointer: string;
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
    },
    allowPositionals: true,
  });
  const apiVersion = values['api-version'];
  const operationId = values.operation;
  if (!apiVersion || !operationId || positionals.length !== 1) throw new UserError(VALIDATE_USAGE);
  if (values.format !== 'text' && values.format !== 'json')
    throw new UserError(`unknown format "${values.format}" (text, json)`);
  if (!/^[1-5]\d\d$/.test(values.status)) throw new UserError(`invalid status "${values.status}"`);
  const status = Number(values.status);
  lockEntry(apiVersion);
  const target = responseTarget(loadArtifacts(apiVersion), operationId, status);
  const input = positionals[0]!;
  const body = parseJson(await readInput(input, io), input === '-' ? 'stdin' : input);

  const findings = validateAgainst(target, body);
  const output: ValidateOutput = {
    verdict: findings.length === 0 ? 'conforms' : 'violation',
    apiVersion,
    operationId,
    status,
    findings: findings.map(({ instancePath, schemaPath, keyword, params, message, specPointer }) => ({
      instancePath,
      schemaPath,
      keyword,
      params,
      message,
      specPointer,
    })),
  };
  io.stdout(values.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : renderText(output));
  return output.verdict === 'conforms' ? 0 : 1;
}

function renderText(out: ValidateOutput): string {
  const head = `${out.verdict}: ${out.operationId} ${out.status} (API ${out.apiVersion})`;
  if (out.findings.length === 0) return `${head}\n`;
  const lines = out.findings.map(
    (f) =>
      `  ${f.instancePath || '(root)'}  ${f.keyword}: ${f.message} ${JSON.stringify(f.params)}  [${f.specPointer}]`,
  );
  return `${head}: ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`;
}
