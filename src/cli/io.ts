import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    if (process.stdin.isTTY)
      throw new UserError('no input on stdin (give a file, or pipe the body into "-")');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** Reads a file or stdin (`-`); any failure is a one-line UserError. */
export async function readInput(path: string, io: CliIo): Promise<Buffer> {
  if (path === '-') return io.readStdin();
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${path} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
}

/** Parses JSON, reporting the position of a syntax error in one line. */
export function parseJson(bytes: Buffer, label: string): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${label} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}
