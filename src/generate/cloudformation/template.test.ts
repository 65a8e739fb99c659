import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cloudFormationFiles, cloudFormationProblems, cloudFormationTemplate } from './template.js';

const stack = { project: 'shop', environments: ['dev', 'staging', 'prod'] as const };

describe('CloudFormation generation (no AWS here: checked by parsing the YAML back and by references)', () => {
  it('writes YAML that parses back to the same template, with every Ref, GetAtt, Sub, FindInMap and DependsOn declared', () => {
    const files = cloudFormationFiles({ ...stack, environments: [...stack.environments] });
    const template = parse(files.find((f) => f.path === 'cloudformation/template.yaml')!.content);
    expect(template).toEqual(cloudFormationTemplate({ ...stack, environments: [...stack.environments] }));
    expect(cloudFormationProblems(template)).toEqual([]);
    expect(Object.values(template.Resources).map((r) => (r as { Type: string }).Type)).toEqual(
      expect.arrayContaining(['AWS::EC2::VPC', 'AWS::EKS::Cluster', 'AWS::EKS::Nodegroup', 'AWS::RDS::DBInstance']),
    );
  });

  it('sizes prod larger than dev through the Environment mapping, and writes a parameters file per environment', () => {
    const template = cloudFormationTemplate({ ...stack, environments: [...stack.environments] });
    const sizes = (template.Mappings as { Sizes: Record<string, Record<string, string>> }).Sizes;
    expect(sizes.dev).toMatchObject({ NodeCount: '1', DbMultiAz: 'false', DeletionProtection: 'false' });
    expect(sizes.prod).toMatchObject({ NodeCount: '3', DbMultiAz: 'true', DeletionProtection: 'true' });
    const files = cloudFormationFiles({ ...stack, environments: [...stack.environments] });
    expect(JSON.parse(files.find((f) => f.path === 'cloudformation/prod.parameters.json')!.content)).toEqual([{ ParameterKey: 'Environment', ParameterValue: 'prod' }]);
  });

  it('reports a Ref to a resource that does not exist', () => {
    const template = cloudFormationTemplate({ ...stack, environments: [...stack.environments] });
    const resources = template.Resources as Record<string, unknown>;
    delete resources.NatGateway;
    expect(cloudFormationProblems(template)).toEqual(['Resources.PrivateDefaultRoute.Properties.NatGatewayId: Ref NatGateway names nothing declared']);
  });
});
