// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/, which bin/reign runs: one file
// per subcommand instead of hundreds of modules takes ~150 ms off every start.
// Kept outside the bundle: native and WebAssembly packages (they locate files next to
// themselves), dockerode (loaded on first use), and packages only tests use.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'dockerode', 'web-tree-sitter', 'tree-sitter-bash', '@cdktf/hcl2json', 'vitest', 'ajv', 'ajv-formats'],
  // Bundled CommonJS packages call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as reignCreateRequire } from 'node:module'; const require = reignCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
