import { isAbsolute, resolve } from 'node:path';
import type { Intent, Interpretation } from '../../core/interpretation.js';
import { armFiles } from '../../generate/arm/template.js';
import { bicepFiles } from '../../generate/bicep/template.js';
import { cloudFormationFiles } from '../../generate/cloudformation/template.js';
import { terraformProject } from '../../generate/terraform/project.js';
import type { Backend, Cloud, Component, EnvironmentName, GeneratedFile, ProjectSpec } from '../../generate/terraform/spec.js';
import { ADDRESS } from './cli.js';
import { first, termsOf, wordsOf, type Missing, type Recipe, type RecipeContext, type StepDraft } from '../../core/recipe.js';

/**
 * Infrastructure as code: Terraform projects and their lifecycle, and CloudFormation, ARM and
 * Bicep templates. What the understanding stage leaves implicit (which parts, which backend,
 * which Terraform operation) is read from the request's words with the tables below.
 */

/** Words that ask for a part of an environment. */
const COMPONENT_WORDS: [Component, string[]][] = [
  ['network', ['vpc', 'vnet', 'network', 'networking', 'subnet', 'subnets']],
  ['kubernetes', ['eks', 'aks', 'gke', 'kubernetes', 'k8s', 'cluster']],
  ['database', ['rds', 'postgres', 'postgresql', 'database', 'db', 'sql']],
  ['registry', ['ecr', 'acr', 'registry', 'artifact']],
  ['storage', ['s3', 'bucket', 'buckets', 'gcs', 'storage', 'blob']],
  ['iam', ['iam', 'role', 'roles']],
];

/** "Set up dev, staging and prod on AWS" names no parts: the usual stack of an environment. */
const DEFAULT_COMPONENTS: Component[] = ['network', 'kubernetes', 'database'];

const CLOUD_WORDS: [Cloud, string[]][] = [
  ['aws', ['aws', 'amazon', 'eks', 'rds', 'ecr', 's3']],
  ['azure', ['azure', 'aks', 'acr']],
  ['gcp', ['gcp', 'google', 'gke', 'gcs']],
];

const DEFAULT_REGIONS: Record<Cloud, string> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

/** Region names as each cloud spells them: `eu-west-1`, `europe-west1`, `westeurope`. */
const REGION_PATTERNS: Record<Cloud, RegExp> = {
  aws: /\b([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/,
  gcp: /\b((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d)\b/,
  azure: /\b((?:east|west|north|south|central)(?:us\d?|europe)|(?:uk|france|germany|switzerland|norway|sweden|japan|korea|australia|canada|brazil)(?:south|north|east|west|central)\w*)\b/,
};

/** Which Terraform operation a monitor request is about; the first row whose word appears wins. */
const MONITOR_WORDS: [string, string[]][] = [
  ['drift', ['drift', 'drifted', 'drifting']],
  ['output', ['output', 'outputs']],
  ['state', ['state', 'resources', 'tracked', 'managed']],
  ['workspaces', ['workspace', 'workspaces']],
];

const pick = <T extends string>(table: [T, string[]][], words: ReadonlySet<string>): T | undefined => table.find(([, cues]) => cues.some((c) => words.has(c)))?.[0];

/** The working directory: a path the request names, else where generated files go. */
function directoryOf(i: Interpretation, ctx: RecipeContext): string {
  const path = i.details.path;
  if (path) return isAbsolute(path) ? path : resolve(ctx.cwd, path);
  return resolve(ctx.cwd, ctx.outputDir);
}

function environmentsOf(i: Interpretation): EnvironmentName[] {
  return i.entities.environments ?? [];
}

/** Where commands run per environment: its workspace and its tfvars file, as generated projects lay out. */
function perEnvironment(i: Interpretation, ctx: RecipeContext): { suffix: string; where: Record<string, unknown> }[] {
  const dir = directoryOf(i, ctx);
  const envs = environmentsOf(i);
  if (envs.length === 0) return [{ suffix: '', where: { dir } }];
  return envs.map((env) => ({ suffix: `-${env}`, where: { dir, workspace: env, varFiles: [`environments/${env}.tfvars`] } }));
}

/** One step per environment, each after the previous, so dev goes before prod as the request lists them. */
function stepsPerEnvironment(i: Interpretation, ctx: RecipeContext, make: (where: Record<string, unknown>, suffix: string) => Omit<StepDraft, 'dependsOn'>): StepDraft[] {
  const drafts: StepDraft[] = [];
  for (const { suffix, where } of perEnvironment(i, ctx)) {
    const draft = make(where, suffix);
    drafts.push({ ...draft, ...(drafts.length ? { dependsOn: [drafts.at(-1)!.id] } : {}) });
  }
  return drafts;
}

function projectName(i: Interpretation): string {
  const named = first(i.entities.name)?.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return named && /^[a-z]/.test(named) ? named.slice(0, 20) : 'app';
}

function cloudOf(i: Interpretation, words: ReadonlySet<string>): Cloud | undefined {
  return first(i.entities.cloud) ?? pick(CLOUD_WORDS, words);
}

function backendFor(cloud: Cloud, project: string, region: string, words: ReadonlySet<string>): Backend {
  if (words.has('local')) return { type: 'local' };
  switch (cloud) {
    case 'aws':
      return { type: 's3', bucket: `${project}-tfstate`, region };
    case 'azure':
      return { type: 'azurerm', resourceGroup: `rg-${project}-tfstate`, storageAccount: `${project.replace(/-/g, '')}tfstate`.slice(0, 24) };
    case 'gcp':
      return { type: 'gcs', bucket: `${project}-tfstate` };
  }
}

/** The project a create request describes, or the question to ask when the cloud is not said. */
function projectSpecOf(i: Interpretation, words: ReadonlySet<string>): ProjectSpec | Missing {
  const cloud = cloudOf(i, words);
  if (!cloud) return { question: 'Which cloud should the Terraform project target: aws, azure or gcp? e.g. "set up a VPC and an EKS cluster on AWS".' };
  const project = projectName(i);
  const asked = COMPONENT_WORDS.filter(([, cues]) => cues.some((c) => words.has(c))).map(([component]) => component);
  const services = (i.entities.services ?? []).some((s) => s === 'postgres' || s === 'postgresql') ? (['database'] as Component[]) : [];
  const components = [...new Set([...asked, ...services])];
  const region = wordsOf(i).join(' ').toLowerCase().match(REGION_PATTERNS[cloud])?.[1] ?? DEFAULT_REGIONS[cloud];
  return {
    project,
    cloud,
    region,
    components: components.length ? components : DEFAULT_COMPONENTS,
    environments: environmentsOf(i).length ? environmentsOf(i) : ['dev'],
    backend: backendFor(cloud, project, region, words),
  };
}

/** A `files.write` step per generated file, at absolute paths under the output directory. */
function writeSteps(files: GeneratedFile[], ctx: RecipeContext): StepDraft[] {
  const root = resolve(ctx.cwd, ctx.outputDir);
  return files.map((file) => ({
    id: `write-${file.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-+|-+$/g, '')}`,
    action: 'files.write',
    title: `Write ${file.path}`,
    input: { path: resolve(root, file.path), content: file.content },
  }));
}

function createProject(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const spec = projectSpecOf(i, termsOf(i));
  if ('question' in spec) return spec;
  const writes = writeSteps(terraformProject(spec), ctx);
  const dir = resolve(ctx.cwd, ctx.outputDir);
  const after = writes.map((w) => w.id);
  const checks: StepDraft[] = [{ id: 'fmt-check', action: 'terraform.fmt', title: 'Check the generated files are formatted', input: { dir, check: true }, dependsOn: after }];
  if (['init', 'initialise', 'initialize', 'validate', 'validated'].some((w) => termsOf(i).has(w))) {
    // No backend yet: the state bucket may not exist, and validating needs only the providers.
    checks.push(
      { id: 'init', action: 'terraform.init', title: 'Initialise the providers (no backend)', input: { dir, backend: false }, dependsOn: after },
      { id: 'validate', action: 'terraform.validate', title: 'Validate the configuration', input: { dir }, dependsOn: ['init'] },
    );
  }
  return [...writes, ...checks];
}

function convertContainers(_i: Interpretation, ctx: RecipeContext): StepDraft[] {
  return [{ id: 'convert-containers', action: 'terraform.docker.convert', title: 'Write Terraform for the running containers, with import blocks', input: { dir: resolve(ctx.cwd, ctx.outputDir) } }];
}

/** The first resource address in the text and the word after it: "import aws_s3_bucket.logs my-logs". */
function addressesIn(i: Interpretation): string[] {
  return wordsOf(i).map((w) => w.replace(/[,;]+$/, '')).filter((w) => ADDRESS.test(w) && !/^\d/.test(w));
}

function importExisting(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const words = wordsOf(i);
  const at = words.findIndex((w) => ADDRESS.test(w));
  const id = words.slice(at + 1).find((w) => !['into', 'as', 'with', 'id', 'to', 'terraform', 'the', 'state'].includes(w.toLowerCase()));
  if (at < 0 || !id) return { question: 'What should I import, and what is its id? e.g. "import aws_s3_bucket.logs my-logs-bucket into terraform".' };
  return stepsPerEnvironment(i, ctx, (where, suffix) => ({ id: `import${suffix}`, action: 'terraform.import', title: `Import ${id} as ${words[at]}`, input: { ...where, address: words[at], id } }));
}

function apply(i: Interpretation, ctx: RecipeContext): StepDraft[] {
  return stepsPerEnvironment(i, ctx, (where, suffix) => ({ id: `apply${suffix}`, action: 'terraform.apply', title: `Apply the saved plan${suffix ? ` in ${suffix.slice(1)}` : ''}`, input: where, timeoutMs: 3600_000 }));
}

const MONITOR_STEPS: Record<string, { action: string; title: string; input?: (where: Record<string, unknown>) => Record<string, unknown> }> = {
  drift: { action: 'terraform.drift', title: 'Detect drift' },
  output: { action: 'terraform.output', title: 'Show the outputs', input: ({ dir, workspace }) => ({ dir, workspace }) },
  state: { action: 'terraform.state.list', title: 'List the resources in the state', input: ({ dir, workspace }) => ({ dir, workspace }) },
  workspaces: { action: 'terraform.workspace.list', title: 'List the workspaces', input: ({ dir }) => ({ dir }) },
  plan: { action: 'terraform.plan', title: 'Plan: what would change' },
};

function monitor(i: Interpretation, ctx: RecipeContext): StepDraft[] {
  const kind = pick(MONITOR_WORDS, termsOf(i)) ?? 'plan';
  const step = MONITOR_STEPS[kind]!;
  if (kind === 'workspaces') return [{ id: 'workspaces', action: step.action, title: step.title, input: { dir: directoryOf(i, ctx) } }];
  return stepsPerEnvironment(i, ctx, (where, suffix) => ({ id: `${kind}${suffix}`, action: step.action, title: `${step.title}${suffix ? ` in ${suffix.slice(1)}` : ''}`, input: step.input?.(where) ?? where }));
}

function update(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const dir = directoryOf(i, ctx);
  if (termsOf(i).has('import')) return importExisting(i, ctx);
  if (termsOf(i).has('workspace')) {
    const name = environmentsOf(i)[0] ?? first(i.entities.name);
    if (!name) return { question: 'Which workspace should I select? e.g. "switch to the prod workspace".' };
    return [{ id: `select-${name}`, action: 'terraform.workspace.select', title: `Select workspace ${name}`, input: { dir, name } }];
  }
  const addresses = addressesIn(i);
  if (['move', 'mv', 'rename'].some((w) => termsOf(i).has(w)) && addresses.length >= 2) {
    return [{ id: 'state-mv', action: 'terraform.state.mv', title: `Move ${addresses[0]} to ${addresses[1]} in the state`, input: { dir, from: addresses[0], to: addresses[1] } }];
  }
  return apply(i, ctx);
}

function destroy(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const dir = directoryOf(i, ctx);
  const addresses = addressesIn(i);
  if (['forget', 'rm', 'state'].some((w) => termsOf(i).has(w)) && addresses.length) {
    return stepsPerEnvironment(i, ctx, ({ dir: d, workspace }, suffix) => ({ id: `state-rm${suffix}`, action: 'terraform.state.rm', title: `Forget ${addresses.join(', ')}`, input: { dir: d, workspace, addresses } }));
  }
  if (termsOf(i).has('workspace')) {
    const name = environmentsOf(i)[0] ?? first(i.entities.name);
    if (!name) return { question: 'Which workspace should I delete? e.g. "delete the staging workspace".' };
    return [{ id: `delete-${name}`, action: 'terraform.workspace.delete', title: `Delete workspace ${name}`, input: { dir, name, switchTo: 'default' } }];
  }
  return stepsPerEnvironment(i, ctx, (where, suffix) => ({
    id: `destroy${suffix}`, action: 'terraform.destroy', title: `Destroy${suffix ? ` ${suffix.slice(1)}` : ''} from a saved destroy plan`, input: { ...where, targets: addresses }, timeoutMs: 3600_000,
  }));
}

function backup(i: Interpretation, ctx: RecipeContext): StepDraft[] {
  return stepsPerEnvironment(i, ctx, ({ dir, workspace }, suffix) => ({ id: `backup-state${suffix}`, action: 'terraform.state.backup', title: `Back up the state${suffix ? ` of ${suffix.slice(1)}` : ''}`, input: { dir, workspace } }));
}

function restore(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const path = i.details.path;
  if (!path || !path.endsWith('.tfstate')) return { question: 'Which state backup should I restore? Name the .tfstate file, e.g. "restore the terraform state from .reign/state-prod-backup-….tfstate".' };
  const dir = resolve(ctx.cwd, ctx.outputDir);
  const workspace = environmentsOf(i)[0];
  return [{ id: 'restore-state', action: 'terraform.state.restore', title: `Restore the state from ${path}`, input: { dir, ...(workspace ? { workspace } : {}), backup: { path: resolve(ctx.cwd, path) } } }];
}

/** A create request picks the project, the conversion of running containers, or an import. */
function create(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  if (termsOf(i).has('docker') && (termsOf(i).has('containers') || termsOf(i).has('container'))) return convertContainers(i, ctx);
  if (termsOf(i).has('import') && addressesIn(i).length) return importExisting(i, ctx);
  return createProject(i, ctx);
}

function templateOf(generate: (stack: { project: string; environments: EnvironmentName[] }) => GeneratedFile[]) {
  return (i: Interpretation, ctx: RecipeContext) => writeSteps(generate({ project: projectName(i), environments: environmentsOf(i).length ? environmentsOf(i) : ['dev'] }), ctx);
}

const row = (intent: Intent, build: Recipe['build'], does: string, example: string): Recipe => ({ id: `terraform.${intent}`, intent, domain: 'terraform', does, example, build });

export const IAC_RECIPES: Recipe[] = [
  row('create', create, 'write a Terraform project (network, Kubernetes, database, registry, storage, IAM) per environment, or Terraform for running containers', 'set up a VPC, an EKS cluster and a Postgres database on AWS for dev, staging and prod'),
  row('deploy', apply, 'apply a saved Terraform plan, shown and judged before it runs', 'apply it'),
  row('monitor', monitor, 'show what would change, drift, outputs, state or workspaces', 'did anything drift in prod'),
  row('update', update, 'apply changes, select a workspace, move state or import an existing object', 'update the staging infrastructure'),
  row('destroy', destroy, 'destroy from a saved destroy plan, forget resources, delete a workspace', 'destroy the staging environment'),
  row('backup', backup, 'back up the Terraform state to a checksummed file', 'back up the terraform state of prod'),
  row('restore', restore, 'restore the Terraform state from a backup', 'restore the terraform state from .reign/state-prod-backup.tfstate'),
  { id: 'cloudformation.create', intent: 'create', domain: 'cloudformation', does: 'write a CloudFormation template: VPC, EKS and RDS PostgreSQL, sized per environment', example: 'write a cloudformation template for a VPC, EKS and Postgres', build: templateOf(cloudFormationFiles) },
  { id: 'arm.create', intent: 'create', domain: 'arm', does: 'write an ARM template: VNet, AKS and PostgreSQL flexible server, sized per environment', example: 'generate an ARM template for AKS and Postgres', build: templateOf(armFiles) },
  { id: 'bicep.create', intent: 'create', domain: 'bicep', does: 'write Bicep: VNet, AKS and PostgreSQL flexible server, sized per environment', example: 'write bicep for an AKS cluster with a Postgres database', build: templateOf(bicepFiles) },
];
