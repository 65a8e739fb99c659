import { stringify } from 'yaml';
import type { GeneratedFile } from '../terraform/spec.js';
import { pascal, stackSizes, type ClusterStack } from '../terraform/stack.js';

/**
 * A CloudFormation template (YAML) for a VPC, an EKS cluster with a node group and an RDS
 * PostgreSQL instance, one template for every environment: the `Environment` parameter picks the
 * sizes from a mapping, and each environment gets a parameters file for
 * `aws cloudformation create-change-set --parameters file://…`, so the change set shows the effect
 * before it is executed.
 */

type Json = string | number | boolean | Json[] | { [key: string]: Json };

const ref = (name: string) => ({ Ref: name });
const att = (resource: string, attribute: string) => ({ 'Fn::GetAtt': [resource, attribute] });
const sub = (text: string) => ({ 'Fn::Sub': text });
const size = (key: string) => ({ 'Fn::FindInMap': ['Sizes', ref('Environment'), key] });
const tags = (name: string) => [{ Key: 'Name', Value: sub(name) }, { Key: 'environment', Value: ref('Environment') }];

const SUBNETS = [0, 1];
const subnet = (kind: 'Public' | 'Private', index: number) => `${kind}Subnet${index}`;

function role(service: string, policies: string[]): Json {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: policies.map((p) => `arn:aws:iam::aws:policy/${p}`),
    },
  };
}

function subnets(kind: 'Public' | 'Private', offset: number): Record<string, Json> {
  return Object.fromEntries(
    SUBNETS.map((i) => [
      subnet(kind, i),
      {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: ref('Vpc'),
          CidrBlock: { 'Fn::Select': [i + offset, { 'Fn::Cidr': [ref('VpcCidr'), 32, 8] }] },
          AvailabilityZone: { 'Fn::Select': [i, { 'Fn::GetAZs': '' }] },
          ...(kind === 'Public' ? { MapPublicIpOnLaunch: true } : {}),
          Tags: tags(`\${Project}-\${Environment}-${kind.toLowerCase()}-${i}`),
        },
      },
    ]),
  );
}

function routes(kind: 'Public' | 'Private', target: Record<string, Json>, dependsOn?: string): Record<string, Json> {
  return {
    [`${kind}RouteTable`]: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } },
    [`${kind}DefaultRoute`]: {
      Type: 'AWS::EC2::Route',
      ...(dependsOn ? { DependsOn: dependsOn } : {}),
      Properties: { RouteTableId: ref(`${kind}RouteTable`), DestinationCidrBlock: '0.0.0.0/0', ...target },
    },
    ...Object.fromEntries(
      SUBNETS.map((i) => [
        `${subnet(kind, i)}Routes`,
        { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(subnet(kind, i)), RouteTableId: ref(`${kind}RouteTable`) } },
      ]),
    ),
  };
}

/** The template as data, before it is written as YAML. */
export function cloudFormationTemplate(stack: ClusterStack): Record<string, Json> {
  const mapping = Object.fromEntries(
    stack.environments.map((env) => [env, Object.fromEntries(Object.entries(stackSizes('aws', env)).map(([k, v]) => [pascal(k), String(v)]))]),
  );
  for (const env of stack.environments) mapping[env]!.NodeMaxCount = String(Number(mapping[env]!.NodeCount) + 2);
  const privateSubnets = SUBNETS.map((i) => ref(subnet('Private', i)));
  const publicSubnets = SUBNETS.map((i) => ref(subnet('Public', i)));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${stack.project}: VPC, EKS cluster and PostgreSQL database`,
    Parameters: {
      Project: { Type: 'String', Default: stack.project, AllowedPattern: '[a-z][a-z0-9-]*' },
      Environment: { Type: 'String', AllowedValues: stack.environments },
      VpcCidr: { Type: 'String', Default: '10.0.0.0/16' },
      KubernetesVersion: { Type: 'String', Default: '1.30' },
      PostgresVersion: { Type: 'String', Default: '16' },
    },
    Mappings: { Sizes: mapping },
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: ref('VpcCidr'), EnableDnsSupport: true, EnableDnsHostnames: true, Tags: tags('${Project}-${Environment}') } },
      InternetGateway: { Type: 'AWS::EC2::InternetGateway' },
      GatewayAttachment: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('Vpc'), InternetGatewayId: ref('InternetGateway') } },
      ...subnets('Public', 0),
      ...subnets('Private', 10),
      NatAddress: { Type: 'AWS::EC2::EIP', DependsOn: 'GatewayAttachment', Properties: { Domain: 'vpc' } },
      NatGateway: { Type: 'AWS::EC2::NatGateway', Properties: { AllocationId: att('NatAddress', 'AllocationId'), SubnetId: ref(subnet('Public', 0)) } },
      ...routes('Public', { GatewayId: ref('InternetGateway') }, 'GatewayAttachment'),
      ...routes('Private', { NatGatewayId: ref('NatGateway') }),
      ClusterRole: role('eks.amazonaws.com', ['AmazonEKSClusterPolicy']),
      Cluster: {
        Type: 'AWS::EKS::Cluster',
        Properties: {
          Name: sub('${Project}-${Environment}'),
          Version: ref('KubernetesVersion'),
          RoleArn: att('ClusterRole', 'Arn'),
          ResourcesVpcConfig: { SubnetIds: [...privateSubnets, ...publicSubnets] },
        },
      },
      NodeRole: role('ec2.amazonaws.com', ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly']),
      NodeGroup: {
        Type: 'AWS::EKS::Nodegroup',
        Properties: {
          ClusterName: ref('Cluster'),
          NodeRole: att('NodeRole', 'Arn'),
          Subnets: privateSubnets,
          InstanceTypes: [size('NodeInstanceType')],
          ScalingConfig: { DesiredSize: size('NodeCount'), MinSize: size('NodeCount'), MaxSize: size('NodeMaxCount') },
        },
      },
      DatabaseSubnets: { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: sub('${Project}-${Environment} database subnets'), SubnetIds: privateSubnets } },
      DatabaseSecurityGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'PostgreSQL from inside the VPC',
          VpcId: ref('Vpc'),
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: ref('VpcCidr') }],
        },
      },
      Database: {
        Type: 'AWS::RDS::DBInstance',
        // A replaced or deleted database leaves a snapshot behind instead of nothing.
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          DBInstanceIdentifier: sub('${Project}-${Environment}'),
          Engine: 'postgres',
          EngineVersion: ref('PostgresVersion'),
          DBInstanceClass: size('DbInstanceClass'),
          AllocatedStorage: size('DbStorageGb'),
          StorageEncrypted: true,
          DBName: 'app',
          MasterUsername: 'app',
          ManageMasterUserPassword: true,
          DBSubnetGroupName: ref('DatabaseSubnets'),
          VPCSecurityGroups: [att('DatabaseSecurityGroup', 'GroupId')],
          MultiAZ: size('DbMultiAz'),
          BackupRetentionPeriod: size('DbBackupDays'),
          DeletionProtection: size('DeletionProtection'),
        },
      },
    },
    Outputs: {
      VpcId: { Value: ref('Vpc') },
      ClusterName: { Value: ref('Cluster') },
      ClusterEndpoint: { Value: att('Cluster', 'Endpoint') },
      DatabaseEndpoint: { Value: att('Database', 'Endpoint.Address') },
    },
  };
}

/** The template and one parameters file per environment. */
export function cloudFormationFiles(stack: ClusterStack): GeneratedFile[] {
  return [
    { path: 'cloudformation/template.yaml', content: stringify(cloudFormationTemplate(stack), { lineWidth: 0 }) },
    ...stack.environments.map((env) => ({
      path: `cloudformation/${env}.parameters.json`,
      content: `${JSON.stringify([{ ParameterKey: 'Environment', ParameterValue: env }], null, 2)}\n`,
    })),
  ];
}

const PSEUDO_PARAMETERS = /^AWS::/;

/** Every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable, `Fn::FindInMap` and `DependsOn` names something declared. */
export function cloudFormationProblems(template: Record<string, unknown>): string[] {
  const resources = new Set(Object.keys((template.Resources ?? {}) as object));
  const parameters = new Set(Object.keys((template.Parameters ?? {}) as object));
  const mappings = new Set(Object.keys((template.Mappings ?? {}) as object));
  const problems: string[] = [];
  const known = (name: string) => resources.has(name) || parameters.has(name) || PSEUDO_PARAMETERS.test(name);
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'Ref' && typeof child === 'string' && !known(child)) problems.push(`${at}: Ref ${child} names nothing declared`);
      if (key === 'Fn::GetAtt' && Array.isArray(child) && !resources.has(String(child[0]))) problems.push(`${at}: GetAtt ${child[0]} names no resource`);
      if (key === 'Fn::FindInMap' && Array.isArray(child) && !mappings.has(String(child[0]))) problems.push(`${at}: FindInMap ${child[0]} names no mapping`);
      if (key === 'Fn::Sub' && typeof child === 'string') {
        for (const [, name] of child.matchAll(/\$\{([^}!]+)\}/g)) if (!known(name!.split('.')[0]!)) problems.push(`${at}: Sub \${${name}} names nothing declared`);
      }
      if (key === 'DependsOn') for (const d of [child].flat()) if (!resources.has(String(d))) problems.push(`${at}: DependsOn ${d} names no resource`);
      walk(child, `${at}.${key}`);
    }
  };
  walk(template.Resources, 'Resources');
  walk(template.Outputs, 'Outputs');
  return problems;
}
