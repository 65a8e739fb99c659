// Runs every benchmark in this folder, one after another; each prints its own figures and ratios.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.mjs') && !['lib.mjs', 'run.mjs'].includes(f)).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
