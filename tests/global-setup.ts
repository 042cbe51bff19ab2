import { generate } from '../src/generate/index.ts';

/** `npx vitest` alone works too: generated/ is (re)built first when the lock or the generator changed. */
export default async function setup(): Promise<void> {
  await generate({ ifStale: true });
}
