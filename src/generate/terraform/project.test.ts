import { describe, expect, it } from 'vitest';
import { parsedAndChecked, tempDir, terraform, unformatted, writeFiles } from '../../tools/terraform/testing.js';
import { attr, block, renderHcl } from './hcl.js';
import { terraformProject } from './project.js';
import { COMPONENTS, type ProjectSpec } from './spec.js';

const BACKENDS: Record<ProjectSpec['cloud'], ProjectSpec['backend']> = {
  aws: { type: 's3', bucket: 'shop-tfstate', region: 'eu-west-1' },
  azure: { type: 'azurerm', resourceGroup: 'rg-tfstate', storageAccount: 'shoptfstate' },
  gcp: { type: 'gcs', bucket: 'shop-tfstate' },
};
const REGIONS: Record<ProjectSpec['cloud'], string> = { aws: 'eu-west-1', azure: 'westeurope', gcp: 'europe-west1' };

const specFor = (cloud: ProjectSpec['cloud'], components: ProjectSpec['components'] = [...COMPONENTS]): ProjectSpec => ({
  project: 'shop', cloud, region: REGIONS[cloud], components, environments: ['dev', 'staging', 'prod'], backend: BACKENDS[cloud],
});

describe('terraform project generation (provider-backed: checked offline by fmt, HCL parsing and references, never initialised)', () => {
  for (const cloud of ['aws', 'azure', 'gcp'] as const) {
    it(`writes a ${cloud} project with every component that terraform fmt -check accepts unchanged`, () => {
      const dir = writeFiles(tempDir(`gen-${cloud}`), terraformProject(specFor(cloud)));
      expect(unformatted(dir)).toEqual([]);
    });

    it(`writes a ${cloud} project that parses as HCL with every reference, variable and tfvars key declared`, async () => {
      const files = terraformProject(specFor(cloud));
      const { tf, problems } = await parsedAndChecked(files);
      expect(problems).toEqual([]);
      expect(tf.some((f) => f.terraform)).toBe(true);
    });
  }
});

describe('terraform reference checks and the HCL emitter', () => {
  it('reports a reference to an undeclared resource, an unused variable and an undeclared tfvars key', async () => {
    const files = [
      { path: 'main.tf', content: 'variable "unused" {\n  type = string\n}\n\noutput "id" {\n  value = aws_vpc.missing.id\n}\n' },
      { path: 'dev.tfvars', content: 'region = "x"\n' },
    ];
    const { problems } = await parsedAndChecked(files);
    expect(problems).toEqual([
      { at: 'output.id[0].value', reference: 'aws_vpc.missing', problem: 'no resource of that type and name is declared' },
      { at: 'variable.unused', reference: 'var.unused', problem: 'declared but never used' },
      { at: 'tfvars.region', reference: 'var.region', problem: 'set in a tfvars file but not declared' },
    ]);
  });

  it('escapes text so a value never becomes a template or breaks the string (read back by the real terraform)', async () => {
    const motd = 'say "hi" to ${USER} and %{ if } \\ done';
    const text = renderHcl([block('output', ['motd'], [attr('value', motd)])]);
    expect(text).toBe('output "motd" {\n  value = "say \\"hi\\" to $${USER} and %%{ if } \\\\ done"\n}\n');
    const dir = writeFiles(tempDir('escape'), { 'main.tf': text });
    expect(terraform(dir, ['apply', '-auto-approve', '-input=false']).code).toBe(0);
    expect(terraform(dir, ['output', '-raw', 'motd']).stdout).toBe(motd);
  });

  it('writes a local backend when asked, and adds the network that a cluster needs', () => {
    const files = terraformProject({ ...specFor('gcp', ['kubernetes']), backend: { type: 'local' } });
    expect(files.find((f) => f.path === 'versions.tf')!.content).toContain('backend "local" {}');
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['network.tf', 'kubernetes.tf']));
    expect(files.map((f) => f.path)).not.toContain('database.tf');
  });
});
