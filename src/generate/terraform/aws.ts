import { attr, attrs, block, expr, type Body } from './hcl.js';
import { SIZE_BY_ENVIRONMENT, type CloudTable } from './spec.js';

/** A role that an AWS service assumes, from an IAM policy document. */
function serviceRole(name: string, service: string, policyArns: string[]): Body {
  return [
    block('data', ['aws_iam_policy_document', `${name}_assume`], [
      block('statement', [], [
        attr('actions', ['sts:AssumeRole']),
        block('principals', [], attrs({ type: 'Service', identifiers: [service] })),
      ]),
    ]),
    block('resource', ['aws_iam_role', name], attrs({
      name: expr(`"\${local.name}-${name}"`),
      assume_role_policy: expr(`data.aws_iam_policy_document.${name}_assume.json`),
    })),
    block('resource', ['aws_iam_role_policy_attachment', name], attrs({
      for_each: expr(`toset([${policyArns.map((arn) => `"${arn}"`).join(', ')}])`),
      role: expr(`aws_iam_role.${name}.name`),
      policy_arn: expr('each.value'),
    })),
  ];
}

/** Two subnets of each kind, one per availability zone. */
const SUBNETS_PER_KIND = 2;

export const AWS: CloudTable = {
  provider: {
    name: 'aws',
    source: 'hashicorp/aws',
    version: '~> 5.60',
    config: [
      attr('region', expr('var.region')),
      block('default_tags', [], [attr('tags', expr('local.tags'))]),
    ],
  },
  variables: [
    { name: 'region', type: 'string', description: 'AWS region to deploy into' },
  ],
  components: {
    network: {
      requires: [],
      variables: [{ name: 'vpc_cidr', type: 'string', description: 'Address range of the VPC', default: '10.0.0.0/16' }],
      blocks: [
        block('data', ['aws_availability_zones', 'available'], [attr('state', 'available')]),
        block('resource', ['aws_vpc', 'main'], attrs({
          cidr_block: expr('var.vpc_cidr'),
          enable_dns_support: true,
          enable_dns_hostnames: true,
          tags: { Name: expr('local.name') },
        })),
        block('resource', ['aws_subnet', 'public'], attrs({
          count: SUBNETS_PER_KIND,
          vpc_id: expr('aws_vpc.main.id'),
          cidr_block: expr('cidrsubnet(var.vpc_cidr, 8, count.index)'),
          availability_zone: expr('data.aws_availability_zones.available.names[count.index]'),
          map_public_ip_on_launch: true,
          tags: { Name: expr('"${local.name}-public-${count.index}"'), 'kubernetes.io/role/elb': '1' },
        })),
        block('resource', ['aws_subnet', 'private'], attrs({
          count: SUBNETS_PER_KIND,
          vpc_id: expr('aws_vpc.main.id'),
          cidr_block: expr('cidrsubnet(var.vpc_cidr, 8, count.index + 10)'),
          availability_zone: expr('data.aws_availability_zones.available.names[count.index]'),
          tags: { Name: expr('"${local.name}-private-${count.index}"'), 'kubernetes.io/role/internal-elb': '1' },
        })),
        block('resource', ['aws_internet_gateway', 'main'], attrs({ vpc_id: expr('aws_vpc.main.id') })),
        block('resource', ['aws_eip', 'nat'], attrs({ domain: 'vpc' })),
        block('resource', ['aws_nat_gateway', 'main'], attrs({
          allocation_id: expr('aws_eip.nat.id'),
          subnet_id: expr('aws_subnet.public[0].id'),
          depends_on: [expr('aws_internet_gateway.main')],
        })),
        block('resource', ['aws_route_table', 'public'], [
          attr('vpc_id', expr('aws_vpc.main.id')),
          block('route', [], attrs({ cidr_block: '0.0.0.0/0', gateway_id: expr('aws_internet_gateway.main.id') })),
        ]),
        block('resource', ['aws_route_table_association', 'public'], attrs({
          count: SUBNETS_PER_KIND,
          subnet_id: expr('aws_subnet.public[count.index].id'),
          route_table_id: expr('aws_route_table.public.id'),
        })),
        block('resource', ['aws_route_table', 'private'], [
          attr('vpc_id', expr('aws_vpc.main.id')),
          block('route', [], attrs({ cidr_block: '0.0.0.0/0', nat_gateway_id: expr('aws_nat_gateway.main.id') })),
        ]),
        block('resource', ['aws_route_table_association', 'private'], attrs({
          count: SUBNETS_PER_KIND,
          subnet_id: expr('aws_subnet.private[count.index].id'),
          route_table_id: expr('aws_route_table.private.id'),
        })),
      ],
      outputs: [
        { name: 'vpc_id', description: 'ID of the VPC', value: 'aws_vpc.main.id' },
        { name: 'private_subnet_ids', description: 'Private subnets, one per availability zone', value: 'aws_subnet.private[*].id' },
        { name: 'public_subnet_ids', description: 'Public subnets, one per availability zone', value: 'aws_subnet.public[*].id' },
      ],
    },
    kubernetes: {
      requires: ['network'],
      variables: [
        { name: 'kubernetes_version', type: 'string', description: 'EKS Kubernetes version', default: '1.30' },
        { name: 'node_instance_type', type: 'string', description: 'EC2 instance type of the worker nodes', perEnvironment: { dev: 't3.medium', test: 't3.medium', staging: 'm6i.large', prod: 'm6i.xlarge' } },
        { name: 'node_count', type: 'number', description: 'Number of worker nodes', perEnvironment: SIZE_BY_ENVIRONMENT.small },
      ],
      blocks: [
        ...serviceRole('cluster', 'eks.amazonaws.com', ['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy']),
        ...serviceRole('node', 'ec2.amazonaws.com', [
          'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
          'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
          'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
        ]),
        block('resource', ['aws_eks_cluster', 'main'], [
          ...attrs({ name: expr('local.name'), version: expr('var.kubernetes_version'), role_arn: expr('aws_iam_role.cluster.arn') }),
          block('vpc_config', [], [attr('subnet_ids', expr('concat(aws_subnet.private[*].id, aws_subnet.public[*].id)'))]),
          attr('depends_on', [expr('aws_iam_role_policy_attachment.cluster')]),
        ]),
        block('resource', ['aws_eks_node_group', 'main'], [
          ...attrs({
            cluster_name: expr('aws_eks_cluster.main.name'),
            node_group_name: expr('"${local.name}-nodes"'),
            node_role_arn: expr('aws_iam_role.node.arn'),
            subnet_ids: expr('aws_subnet.private[*].id'),
            instance_types: [expr('var.node_instance_type')],
          }),
          block('scaling_config', [], attrs({ desired_size: expr('var.node_count'), min_size: expr('var.node_count'), max_size: expr('var.node_count + 2') })),
          attr('depends_on', [expr('aws_iam_role_policy_attachment.node')]),
        ]),
      ],
      outputs: [
        { name: 'cluster_name', description: 'Name of the EKS cluster', value: 'aws_eks_cluster.main.name' },
        { name: 'cluster_endpoint', description: 'API server endpoint of the EKS cluster', value: 'aws_eks_cluster.main.endpoint' },
      ],
    },
    database: {
      requires: ['network'],
      variables: [
        { name: 'postgres_version', type: 'string', description: 'PostgreSQL major version', default: '16' },
        { name: 'db_instance_class', type: 'string', description: 'RDS instance class', perEnvironment: { dev: 'db.t4g.micro', test: 'db.t4g.micro', staging: 'db.t4g.medium', prod: 'db.r6g.large' } },
        { name: 'db_storage_gb', type: 'number', description: 'Allocated storage in GB', perEnvironment: { dev: 20, test: 20, staging: 50, prod: 200 } },
        { name: 'db_name', type: 'string', description: 'Name of the first database', default: 'app' },
        { name: 'db_username', type: 'string', description: 'Master user name; its password is generated and kept in Secrets Manager', default: 'app' },
        { name: 'db_multi_az', type: 'bool', description: 'Keep a standby in a second availability zone', perEnvironment: SIZE_BY_ENVIRONMENT.protect },
        { name: 'db_backup_days', type: 'number', description: 'Days automated backups are kept', perEnvironment: SIZE_BY_ENVIRONMENT.backupDays },
        { name: 'deletion_protection', type: 'bool', description: 'Refuse to delete the database (and take a final snapshot)', perEnvironment: SIZE_BY_ENVIRONMENT.protect },
      ],
      blocks: [
        block('resource', ['aws_db_subnet_group', 'main'], attrs({ name: expr('local.name'), subnet_ids: expr('aws_subnet.private[*].id') })),
        block('resource', ['aws_security_group', 'database'], [
          ...attrs({ name: expr('"${local.name}-database"'), description: 'PostgreSQL from inside the VPC', vpc_id: expr('aws_vpc.main.id') }),
          block('ingress', [], attrs({ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: [expr('var.vpc_cidr')] })),
        ]),
        block('resource', ['aws_db_instance', 'main'], attrs({
          identifier: expr('local.name'),
          engine: 'postgres',
          engine_version: expr('var.postgres_version'),
          instance_class: expr('var.db_instance_class'),
          allocated_storage: expr('var.db_storage_gb'),
          storage_encrypted: true,
          db_name: expr('var.db_name'),
          username: expr('var.db_username'),
          // The password never appears in the configuration or in a variable.
          manage_master_user_password: true,
          db_subnet_group_name: expr('aws_db_subnet_group.main.name'),
          vpc_security_group_ids: [expr('aws_security_group.database.id')],
          multi_az: expr('var.db_multi_az'),
          backup_retention_period: expr('var.db_backup_days'),
          deletion_protection: expr('var.deletion_protection'),
          skip_final_snapshot: expr('!var.deletion_protection'),
          final_snapshot_identifier: expr('"${local.name}-final"'),
        })),
      ],
      outputs: [
        { name: 'database_endpoint', description: 'Host and port of the PostgreSQL instance', value: 'aws_db_instance.main.endpoint' },
        { name: 'database_secret_arn', description: 'Secrets Manager secret holding the master password', value: 'aws_db_instance.main.master_user_secret[0].secret_arn' },
      ],
    },
    registry: {
      requires: [],
      variables: [],
      blocks: [
        block('resource', ['aws_ecr_repository', 'main'], [
          ...attrs({ name: expr('local.name'), image_tag_mutability: 'IMMUTABLE' }),
          block('image_scanning_configuration', [], [attr('scan_on_push', true)]),
        ]),
      ],
      outputs: [{ name: 'repository_url', description: 'URL to push images to', value: 'aws_ecr_repository.main.repository_url' }],
    },
    storage: {
      requires: [],
      variables: [],
      blocks: [
        block('resource', ['aws_s3_bucket', 'main'], attrs({ bucket_prefix: expr('"${local.name}-"') })),
        block('resource', ['aws_s3_bucket_versioning', 'main'], [
          attr('bucket', expr('aws_s3_bucket.main.id')),
          block('versioning_configuration', [], [attr('status', 'Enabled')]),
        ]),
        block('resource', ['aws_s3_bucket_public_access_block', 'main'], attrs({
          bucket: expr('aws_s3_bucket.main.id'),
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        })),
      ],
      outputs: [{ name: 'bucket_name', description: 'Name of the S3 bucket', value: 'aws_s3_bucket.main.bucket' }],
    },
    iam: {
      requires: [],
      variables: [
        { name: 'deployer_policy_arn', type: 'string', description: 'Managed policy the deploy role gets', default: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      ],
      blocks: [
        block('data', ['aws_caller_identity', 'current'], []),
        block('data', ['aws_iam_policy_document', 'deployer_assume'], [
          block('statement', [], [
            attr('actions', ['sts:AssumeRole']),
            block('principals', [], attrs({ type: 'AWS', identifiers: [expr('"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"')] })),
          ]),
        ]),
        block('resource', ['aws_iam_role', 'deployer'], attrs({
          name: expr('"${local.name}-deployer"'),
          assume_role_policy: expr('data.aws_iam_policy_document.deployer_assume.json'),
        })),
        block('resource', ['aws_iam_role_policy_attachment', 'deployer'], attrs({
          role: expr('aws_iam_role.deployer.name'),
          policy_arn: expr('var.deployer_policy_arn'),
        })),
      ],
      outputs: [{ name: 'deployer_role_arn', description: 'Role that CI assumes to deploy', value: 'aws_iam_role.deployer.arn' }],
    },
  },
};
