// Terraform overhead: Reign's plan + apply of a 50-resource terraform_data configuration (prepare
// makes and reads back the saved plan, review, then the executor checks the plan's checksum, backs
// up the state and applies, recording everything in a SQLite store) against the bare
// `terraform plan -out` + `terraform apply` of the same files. Each run starts from a fresh copy of
// the files and an empty state; runs alternate so drift in machine speed hits both sides alike.
// Reign runs in-process: Node's start-up is the CLI's cost, not the Terraform domain's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFiles, createScratchArea } from '../dist/clients/files.js';
import { planningFrom } from '../dist/clients/planning.js';
import { createProcessRunner } from '../dist/clients/processes.js';
import { Config } from '../dist/config/schema.js';
import { executePlan } from '../dist/core/executor.js';
import { prepareEffects } from '../dist/flow/plan.js';
import { ActionRegistry } from '../dist/core/registry.js';
import { reviewPlan } from '../dist/safety/policy/review.js';
import { openStore } from '../dist/store/index.js';
import { allActions } from '../dist/tools/index.js';
import { median, planOf } from './lib.mjs';

const RESOURCES = 50;
const RUNS = 7;

const root = mkdtempSync(join(tmpdir(), 'reign-bench-tf-'));
mkdirSync(join(root, 'mirror'));
writeFileSync(join(root, 'terraformrc'), `disable_checkpoint = true\nprovider_installation {\n  filesystem_mirror {\n    path    = "${join(root, 'mirror')}"\n    include = ["*/*/*"]\n  }\n}\n`);
process.env.TF_CLI_CONFIG_FILE = join(root, 'terraformrc');
process.env.TF_IN_AUTOMATION = '1';
process.env.CHECKPOINT_DISABLE = '1';

const config = Array.from({ length: RESOURCES }, (_, i) => `resource "terraform_data" "r${i}" {\n  input = "value-${i}"\n}\n`).join('\n');
let n = 0;
function freshDir() {
  const dir = join(root, `run-${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), config);
  return dir;
}

function terraform(dir, args) {
  const result = spawnSync('terraform', [`-chdir=${dir}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')}: ${result.stderr}`);
}

function bare() {
  const dir = freshDir();
  const start = process.hrtime.bigint();
  terraform(dir, ['plan', '-input=false', '-no-color', '-out=p.tfplan']);
  terraform(dir, ['apply', '-input=false', '-no-color', 'p.tfplan']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const registry = new ActionRegistry(allActions());
const policy = Config.parse({}).policy;
const judge = { judge: () => ({ level: 'read', reasons: [] }) };
const files = createFiles(root);
const clients = {
  processes: createProcessRunner(), files, scratch: createScratchArea(files), judge, images: { resolve: (i) => i },
  clock: { now: () => new Date() }, log: { debug() {}, info() {}, warn() {} }, cwd: root,
};
const planning = planningFrom(clients, []);
const home = mkdtempSync(join(root, 'home-'));
const store = await openStore({ home });

async function reign() {
  const dir = freshDir();
  const start = process.hrtime.bigint();
  const plan = await prepareEffects(planOf([{ id: 'apply', action: 'terraform.apply', input: { dir } }]), { registry, planning });
  const review = reviewPlan({ plan, registry, policy, actor: { name: 'bench', role: 'admin' }, judge });
  const result = await executePlan({ runId: `r-bench-${n}`, plan, review, registry, clients, confirmed: new Set(), actor: 'bench', store });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 'succeeded') throw new Error(`reign run ${result.status}: ${result.error}`);
  return ms;
}

await reign();
bare();
const reignMs = [];
const bareMs = [];
const ratios = [];
for (let i = 0; i < RUNS; i++) {
  const a = await reign();
  const b = bare();
  reignMs.push(a);
  bareMs.push(b);
  ratios.push(a / b);
}
await store.close();
rmSync(root, { recursive: true, force: true });
console.log(
  `terraform, ${RESOURCES} terraform_data resources, plan + apply: reign ${median(reignMs).toFixed(0)} ms vs bare terraform ${median(bareMs).toFixed(0)} ms ` +
    `(median of ${RUNS} alternating pairs) → ratio ${median(ratios).toFixed(2)} (goal ≤ 1.10)`,
);
