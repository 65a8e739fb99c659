import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The evaluation files that sit beside a checkout in `../shared` (labelled sets, real-world
 * prompts, schemas) are not part of the repository. A test that reads them runs when its folders
 * are there; when one is absent it is skipped with a message naming the folder, and when `CI` is
 * set it fails instead, so CI never passes without them.
 */
export type SharedFolder = 'evals' | 'realworld' | 'schemas';

const SHARED = new URL('../../../shared/', import.meta.url);

/** A file in one of the shared folders. */
export function sharedFile(folder: SharedFolder, name: string): URL {
  return new URL(`${folder}/${name}`, SHARED);
}

/**
 * A describe block whose tests read shared folders. Read the files inside the tests (or hooks),
 * not in the block's body: a skipped block's body still runs to list its tests.
 */
export function describeSharedData(name: string, folders: SharedFolder[], body: () => void): void {
  const missing = folders.filter((folder) => !existsSync(new URL(`${folder}/`, SHARED))).map((folder) => `../shared/${folder}`);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const named = missing.join(' and ');
  if (process.env.CI) {
    describe(name, () => {
      it(`needs ${named} (CI is set)`, () => {
        throw new Error(`${named} is not beside this checkout (looked in ${fileURLToPath(SHARED)}); CI runs every test that reads the shared evaluation files`);
      });
    });
    return;
  }
  console.warn(`${name}: skipped: ${named} is not beside this checkout; set CI to fail instead`);
  describe.skip(`${name} — skipped: ${named} is not beside this checkout`, body);
}
