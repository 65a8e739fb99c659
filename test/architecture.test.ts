import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../src/tools/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

/** The code that ships: no tests and no test helpers. */
const shipped = filesUnder(src, (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('/testing.ts') && !p.includes('/src/testing/'));

/** Every module a file imports, statically or with `import()`, as a path (relative ones) or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^import|^export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/gm)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.js$/, '.ts') : spec;
  });
}

const folderOf = (path: string) => relative(src, path).split('/')[0]!;

function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the shape of the code', () => {
  it('core imports nothing above it: no other folder of src, and no package but zod', () => {
    const outside = shipped
      .filter((f) => folderOf(f) === 'core')
      .flatMap((f) => importsOf(f).filter((i) => (i.startsWith('/') ? folderOf(i) !== 'core' : !i.startsWith('node:') && i !== 'zod')).map((i) => `${relative(src, f)} → ${i.startsWith('/') ? relative(src, i) : i}`));
    expect(outside).toEqual([]);
  });

  it('has no import cycle between folders of src', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of shipped) {
      for (const target of importsOf(file).filter((i) => i.startsWith('/'))) {
        if (folderOf(file) !== folderOf(target)) (edges.get(folderOf(file)) ?? edges.set(folderOf(file), new Set()).get(folderOf(file))!).add(folderOf(target));
      }
    }
    expect(cycles(edges).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const edges = new Map(shipped.map((f) => [f, new Set(importsOf(f).filter((i) => i.startsWith('/') && existsSync(i)))]));
    expect(cycles(edges).map((c) => c.map((f) => relative(src, f)).join(' → '))).toEqual([]);
  });

  it('ships no test helper: nothing the build emits imports vitest', () => {
    const dist = join(root, 'dist');
    expect(existsSync(join(dist, 'cli', 'main.js')), 'npm test builds dist first').toBe(true);
    const importing = filesUnder(dist, (p) => p.endsWith('.js')).filter((f) => /from ['"]vitest['"]|import\(['"]vitest['"]\)/.test(readFileSync(f, 'utf8')));
    expect(importing.map((f) => relative(root, f))).toEqual([]);
  });

  it('declares every folder under tools/ as one domain in the domain list', () => {
    const folders = readdirSync(join(src, 'tools')).filter((name) => statSync(join(src, 'tools', name)).isDirectory()).sort();
    expect(DOMAINS.map((d) => d.name).sort()).toEqual(folders);
    const ids = DOMAINS.flatMap((d) => d.actions.map((a) => [d.name, a.id.split('.')[0]]));
    expect(ids.filter(([domain, prefix]) => domain !== prefix)).toEqual([]);
  });
});
