import { mkdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Files } from '../core/context.js';

/** The real filesystem, relative paths taken from `cwd`. */
export function createFiles(cwd: string): Files {
  const at = (path: string) => resolve(cwd, path);
  return {
    async read(path) {
      try {
        return await readFile(at(path), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(path, content, mode) {
      await mkdir(dirname(at(path)), { recursive: true });
      await writeFile(at(path), content, { mode });
      // writeFile's mode applies only when it creates the file.
      if (mode !== undefined) await chmod(at(path), mode);
    },
    async remove(path) {
      await rm(at(path), { force: true });
    },
    async exists(path) {
      try {
        await stat(at(path));
        return true;
      } catch {
        return false;
      }
    },
  };
}
