import { oneLine, UserError } from '../src/util/errors.ts';

/** Runs a script body; a UserError (or any error) becomes one line on stderr and a non-zero exit. */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(`intercom-conformance: ${oneLine(error)}`);
    process.exitCode = error instanceof UserError ? error.exitCode : 1;
  }
}
