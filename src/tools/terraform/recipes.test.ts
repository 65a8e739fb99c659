import { describe, expect, it } from 'vitest';
import { createReadFiles } from '../../clients/files.js';
import { Interpretation } from '../../core/interpretation.js';
import { wordDetails } from '../../understand/index.js';
import { ActionRegistry } from '../../core/registry.js';
import { allActions } from '../index.js';
import { isMissing, type StepDraft } from '../../core/recipe.js';
import { IAC_RECIPES } from './recipes.js';

const registry = new ActionRegistry(allActions());
const read = (text: string, fields: Partial<Interpretation>): Interpretation =>
  Interpretation.parse({ text, confidence: 0.9, question: null, entities: {}, domains: ['terraform'], ...fields, details: { ...wordDetails(text), ...fields.details } });

/** Builds with the first IaC recipe for the intent and domain, and proves every input valid for its action. */
function plan(i: Interpretation, outputDir = '/work/infra'): StepDraft[] {
  const recipe = IAC_RECIPES.find((r) => r.intent === i.intent && i.domains.includes(r.domain));
  if (!recipe) throw new Error(`no recipe for ${i.intent}`);
  const built = recipe.build(i, { cwd: '/work', outputDir, files: createReadFiles('/work') });
  if (isMissing(built)) throw new Error(built.question);
  for (const step of built) registry.get(step.action).input.parse(step.input);
  return built;
}

describe('infrastructure-as-code recipes', () => {
  it('writes an AWS project with VPC, EKS and RDS for dev, staging and prod as absolute files.write steps, then checks formatting', () => {
    const steps = plan(read('set up a VPC, an EKS cluster and a Postgres database on AWS for dev, staging and prod', {
      intent: 'create', entities: { cloud: 'aws', environments: ['dev', 'staging', 'prod'], services: ['postgres'] },
    }));
    const paths = steps.filter((s) => s.action === 'files.write').map((s) => (s.input as { path: string }).path);
    expect(paths).toEqual([
      '/work/infra/versions.tf', '/work/infra/providers.tf', '/work/infra/variables.tf', '/work/infra/locals.tf',
      '/work/infra/network.tf', '/work/infra/kubernetes.tf', '/work/infra/database.tf', '/work/infra/outputs.tf',
      '/work/infra/environments/dev.tfvars', '/work/infra/environments/staging.tfvars', '/work/infra/environments/prod.tfvars', '/work/infra/.gitignore',
    ]);
    expect(steps.at(-1)).toMatchObject({ action: 'terraform.fmt', input: { dir: '/work/infra', check: true } });
    const versions = (steps[0]!.input as { content: string }).content;
    expect(versions).toContain('backend "s3" {');
  });

  it('sets up dev, staging and prod on AWS with the usual network, cluster and database when no parts are named', () => {
    const steps = plan(read('set up dev, staging and prod on AWS', { intent: 'create', entities: { cloud: 'aws', environments: ['dev', 'staging', 'prod'] } }));
    expect(steps.map((s) => s.id)).toEqual(expect.arrayContaining(['write-network-tf', 'write-kubernetes-tf', 'write-database-tf', 'write-environments-prod-tfvars']));
    expect(steps.map((s) => s.id)).not.toContain('write-registry-tf');
  });

  it('asks which cloud when the request names none', () => {
    const recipe = IAC_RECIPES.find((r) => r.intent === 'create' && r.domain === 'terraform')!;
    const built = recipe.build(read('set up a database for dev', { intent: 'create' }), { cwd: '/work', outputDir: '/work', files: createReadFiles('/work') });
    expect(built).toEqual({ question: expect.stringContaining('Which cloud') });
  });

  it('plans "what would change if I apply" as a saved plan, and "apply it" as an apply of a plan made while planning', () => {
    expect(plan(read('what would change if I apply', { intent: 'monitor' }))).toEqual([
      { id: 'plan', action: 'terraform.plan', title: 'Plan: what would change', input: { dir: '/work/infra' } },
    ]);
    expect(plan(read('apply it', { intent: 'deploy' }))).toMatchObject([{ id: 'apply', action: 'terraform.apply', input: { dir: '/work/infra' } }]);
  });

  it('checks drift in prod in the prod workspace with its tfvars file', () => {
    expect(plan(read('did anything drift in prod', { intent: 'monitor', entities: { environments: ['prod'] } }))).toEqual([
      { id: 'drift-prod', action: 'terraform.drift', title: 'Detect drift in prod', input: { dir: '/work/infra', workspace: 'prod', varFiles: ['environments/prod.tfvars'] } },
    ]);
  });

  it('applies to several environments one after another, in the order the request names them', () => {
    const steps = plan(read('apply it to dev and prod', { intent: 'deploy', entities: { environments: ['dev', 'prod'] } }));
    expect(steps.map((s) => [s.id, s.dependsOn ?? []])).toEqual([['apply-dev', []], ['apply-prod', ['apply-dev']]]);
  });

  it('converts running Docker containers to Terraform with one step that inspects the engine while planning', () => {
    expect(plan(read('convert my running Docker containers to Terraform', { intent: 'create', domains: ['terraform', 'docker'] }))).toEqual([
      { id: 'convert-containers', action: 'terraform.docker.convert', title: 'Write Terraform for the running containers, with import blocks', input: { dir: '/work/infra' } },
    ]);
  });

  it('reads state operations from the words: backup, restore, forget, move, import', () => {
    expect(plan(read('back up the terraform state of prod', { intent: 'backup', entities: { environments: ['prod'] } }))[0]).toMatchObject({ action: 'terraform.state.backup', input: { workspace: 'prod' } });
    expect(plan(read('restore the terraform state from backups/prod.tfstate', { intent: 'restore', details: { path: 'backups/prod.tfstate' } }))[0]).toMatchObject({
      action: 'terraform.state.restore', input: { backup: { path: '/work/backups/prod.tfstate' } },
    });
    expect(plan(read('forget aws_s3_bucket.logs from the terraform state', { intent: 'destroy' }))[0]).toMatchObject({ action: 'terraform.state.rm', input: { addresses: ['aws_s3_bucket.logs'] } });
    expect(plan(read('move aws_s3_bucket.logs to aws_s3_bucket.audit in the state', { intent: 'update' }))[0]).toMatchObject({ action: 'terraform.state.mv', input: { from: 'aws_s3_bucket.logs', to: 'aws_s3_bucket.audit' } });
    expect(plan(read('import aws_s3_bucket.logs my-logs-bucket into terraform', { intent: 'create' }))[0]).toMatchObject({ action: 'terraform.import', input: { address: 'aws_s3_bucket.logs', id: 'my-logs-bucket' } });
  });

  it('writes CloudFormation, ARM and Bicep for the same network, cluster and database stack', () => {
    const paths = (domain: 'cloudformation' | 'arm' | 'bicep') =>
      plan(read('network, kubernetes cluster and database for dev and prod', { intent: 'create', domains: [domain], entities: { environments: ['dev', 'prod'] } })).map((s) => (s.input as { path: string }).path);
    expect(paths('cloudformation')).toEqual(['/work/infra/cloudformation/template.yaml', '/work/infra/cloudformation/dev.parameters.json', '/work/infra/cloudformation/prod.parameters.json']);
    expect(paths('arm')).toEqual(['/work/infra/arm/azuredeploy.json', '/work/infra/arm/azuredeploy.parameters.dev.json', '/work/infra/arm/azuredeploy.parameters.prod.json']);
    expect(paths('bicep')).toEqual(['/work/infra/bicep/main.bicep', '/work/infra/bicep/dev.bicepparam', '/work/infra/bicep/prod.bicepparam']);
  });
});
