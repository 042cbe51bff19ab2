import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256 } from '../util/hash.ts';
import { isCheckout, packageRoot } from '../util/paths.ts';

/** Inputs whose change makes generated/ stale: the lock, the quirk overlays and the generator's own code. */
const SOURCES = ['openapi', 'src/generate', 'src/descriptions', 'src/quirks', 'src/validate/formats.cjs'];
/** In the installed package the generator is the built JavaScript in dist/ (and there is no package-lock). */
const INPUTS = isCheckout
  ? [...SOURCES, 'package-lock.json']
  : SOURCES.map((s) => s.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'));

function files(path: string): string[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function generatorFingerprint(root = packageRoot): string {
  const parts: string[] = [];
  for (const input of INPUTS) {
    for (const file of files(join(root, input)))
      parts.push(`${relative(root, file)}:${sha256(readFileSync(file))}`);
  }
  return sha256(parts.join('\n'));
}
