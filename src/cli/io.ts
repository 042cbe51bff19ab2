import { createReadStream } from 'node:fs';
import { UserError } from '../util/errors.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads stdin; past `maxBytes` it stops reading and throws a one-line UserError. */
  readStdin: (maxBytes?: number) => Promise<Buffer>;
}

/** Reads a stream up to `maxBytes`: past it, it stops reading (nothing more is buffered) and throws. */
async function readBounded(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
  label: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    // leaving the loop destroys the stream: nothing past the limit is read
    if (size > maxBytes) throw new UserError(`${label} is larger than ${maxBytes} bytes (--max-body-bytes)`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async (maxBytes = Number.POSITIVE_INFINITY) => {
    if (process.stdin.isTTY)
      throw new UserError('no input on stdin (give a file, or pipe the body into "-")');
    return readBounded(process.stdin, maxBytes, 'stdin');
  },
};

/** Reads a file or stdin (`-`), at most `maxBytes`; any failure is a one-line UserError. */
export async function readInput(
  path: string,
  io: CliIo,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  if (path === '-') return io.readStdin(maxBytes);
  try {
    return await readBounded(createReadStream(path, { highWaterMark: 64 * 1024 }), maxBytes, path);
  } catch (error) {
    if (error instanceof UserError) throw error;
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
