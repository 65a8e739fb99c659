import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Files, ReadFiles, ScratchArea } from '../core/context.js';

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

/** The filesystem read synchronously, for planning: nothing here writes. */
export function createReadFiles(cwd: string): ReadFiles {
  const at = (path: string) => resolve(cwd, path);
  return {
    read: (path) => (existsSync(at(path)) && !statSync(at(path)).isDirectory() ? readFileSync(at(path), 'utf8') : undefined),
    exists: (path) => existsSync(at(path)),
    isDirectory: (path) => existsSync(at(path)) && statSync(at(path)).isDirectory(),
    list: (directory) => (existsSync(at(directory)) && statSync(at(directory)).isDirectory() ? readdirSync(at(directory)) : []),
  };
}

/** `<dir>/.reign`: a tool's own preview files, ignored by git because they hold secret values. */
export function createScratchArea(files: Pick<Files, 'exists' | 'write'>): ScratchArea {
  return {
    async folderFor(dir) {
      const folder = `${dir}/.reign`;
      if (!(await files.exists(`${folder}/.gitignore`))) await files.write(`${folder}/.gitignore`, '*\n');
      return folder;
    },
  };
}
