import { generate } from '../generate/index.ts';
import { writeSuiteFiles } from './files.ts';

/** Contract suites need generated validators: build them first when the lock or the generator changed. */
export default async function setup(): Promise<void> {
  await generate({ ifStale: true });
  writeSuiteFiles();
}
