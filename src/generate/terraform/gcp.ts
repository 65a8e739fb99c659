import { attr, attrs, block, expr } from './hcl.js';
import { SIZE_BY_ENVIRONMENT, type CloudTable } from './spec.js';

export const GCP: CloudTable = {
  provider: {
    name: 'google',
    source: 'hashicorp/google',
    version: '~> 6.0',
    config: attrs({ project: expr('var.gcp_project'), region: expr('var.region') }),
  },
  variables: [
    { name: 'gcp_project', type: 'string', description: 'Google Cloud project ID' },
    { name: 'region', type: 'string', description: 'Google Cloud region to deploy into' },
  ],
  components: {
    network: {
      requires: [],
      variables: [
        { name: 'subnet_cidr', type: 'string', description: 'Primary range of the subnet', default: '10.0.0.0/20' },
        { name: 'pods_cidr', type: 'string', description: 'Secondary range for Kubernetes pods', default: '10.16.0.0/14' },
        { name: 'services_cidr', type: 'string', description: 'Secondary range for Kubernetes services', default: '10.20.0.0/20' },
      ],
      blocks: [
        block('resource', ['google_compute_network', 'main'], attrs({ name: expr('local.name'), auto_create_subnetworks: false })),
        block('resource', ['google_compute_subnetwork', 'main'], [
          ...attrs({
            name: expr('local.name'),
            region: expr('var.region'),
            network: expr('google_compute_network.main.id'),
            ip_cidr_range: expr('var.subnet_cidr'),
            private_ip_google_access: true,
          }),
          block('secondary_ip_range', [], attrs({ range_name: 'pods', ip_cidr_range: expr('var.pods_cidr') })),
          block('secondary_ip_range', [], attrs({ range_name: 'services', ip_cidr_range: expr('var.services_cidr') })),
        ]),
      ],
      outputs: [
        { name: 'network_id', description: 'ID of the VPC network', value: 'google_compute_network.main.id' },
        { name: 'subnetwork_id', description: 'ID of the subnet', value: 'google_compute_subnetwork.main.id' },
      ],
    },
    kubernetes: {
      requires: ['network'],
      variables: [
        { name: 'node_machine_type', type: 'string', description: 'Machine type of the nodes', perEnvironment: { dev: 'e2-standard-2', test: 'e2-standard-2', staging: 'e2-standard-4', prod: 'n2-standard-4' } },
        { name: 'node_count', type: 'number', description: 'Nodes per zone', perEnvironment: SIZE_BY_ENVIRONMENT.small },
        { name: 'deletion_protection', type: 'bool', description: 'Refuse to delete the cluster and the database', perEnvironment: SIZE_BY_ENVIRONMENT.protect },
      ],
      blocks: [
        block('resource', ['google_container_cluster', 'main'], [
          ...attrs({
            name: expr('local.name'),
            location: expr('var.region'),
            network: expr('google_compute_network.main.id'),
            subnetwork: expr('google_compute_subnetwork.main.id'),
            // The default pool cannot be configured; a separate pool can be changed without a new cluster.
            remove_default_node_pool: true,
            initial_node_count: 1,
            deletion_protection: expr('var.deletion_protection'),
            resource_labels: expr('local.tags'),
          }),
          block('ip_allocation_policy', [], attrs({ cluster_secondary_range_name: 'pods', services_secondary_range_name: 'services' })),
        ]),
        block('resource', ['google_container_node_pool', 'main'], [
          ...attrs({ name: 'default', cluster: expr('google_container_cluster.main.id'), node_count: expr('var.node_count') }),
          block('node_config', [], attrs({ machine_type: expr('var.node_machine_type'), oauth_scopes: ['https://www.googleapis.com/auth/cloud-platform'] })),
        ]),
      ],
      outputs: [
        { name: 'cluster_name', description: 'Name of the GKE cluster', value: 'google_container_cluster.main.name' },
        { name: 'cluster_endpoint', description: 'API server address of the GKE cluster', value: 'google_container_cluster.main.endpoint', sensitive: true },
      ],
    },
    database: {
      requires: ['network'],
      variables: [
        { name: 'postgres_version', type: 'string', description: 'PostgreSQL major version', default: '16' },
        { name: 'db_tier', type: 'string', description: 'Cloud SQL machine tier', perEnvironment: { dev: 'db-f1-micro', test: 'db-f1-micro', staging: 'db-custom-2-7680', prod: 'db-custom-4-15360' } },
        { name: 'db_high_availability', type: 'bool', description: 'Regional (standby in a second zone) rather than zonal', perEnvironment: SIZE_BY_ENVIRONMENT.protect },
        { name: 'db_name', type: 'string', description: 'Name of the first database', default: 'app' },
        { name: 'database_deletion_protection', type: 'bool', description: 'Refuse to delete the Cloud SQL instance', perEnvironment: SIZE_BY_ENVIRONMENT.protect },
      ],
      blocks: [
        // Cloud SQL gets a private address through a peering with Google's service network.
        block('resource', ['google_compute_global_address', 'private_services'], attrs({
          name: expr('"${local.name}-private-services"'),
          purpose: 'VPC_PEERING',
          address_type: 'INTERNAL',
          prefix_length: 16,
          network: expr('google_compute_network.main.id'),
        })),
        block('resource', ['google_service_networking_connection', 'private_services'], attrs({
          network: expr('google_compute_network.main.id'),
          service: 'servicenetworking.googleapis.com',
          reserved_peering_ranges: [expr('google_compute_global_address.private_services.name')],
        })),
        block('resource', ['google_sql_database_instance', 'main'], [
          ...attrs({
            name: expr('local.name'),
            region: expr('var.region'),
            database_version: expr('"POSTGRES_${var.postgres_version}"'),
            deletion_protection: expr('var.database_deletion_protection'),
          }),
          block('settings', [], [
            ...attrs({ tier: expr('var.db_tier'), availability_type: expr('var.db_high_availability ? "REGIONAL" : "ZONAL"'), user_labels: expr('local.tags') }),
            block('ip_configuration', [], attrs({ ipv4_enabled: false, private_network: expr('google_compute_network.main.id') })),
            block('backup_configuration', [], attrs({ enabled: true, point_in_time_recovery_enabled: true })),
          ]),
          attr('depends_on', [expr('google_service_networking_connection.private_services')]),
        ]),
        block('resource', ['google_sql_database', 'main'], attrs({ name: expr('var.db_name'), instance: expr('google_sql_database_instance.main.name') })),
      ],
      outputs: [{ name: 'database_connection_name', description: 'Connection name for the Cloud SQL proxy', value: 'google_sql_database_instance.main.connection_name' }],
    },
    registry: {
      requires: [],
      variables: [],
      blocks: [
        block('resource', ['google_artifact_registry_repository', 'main'], attrs({
          location: expr('var.region'),
          repository_id: expr('local.name'),
          format: 'DOCKER',
          labels: expr('local.tags'),
        })),
      ],
      outputs: [{ name: 'repository_id', description: 'Artifact Registry repository', value: 'google_artifact_registry_repository.main.id' }],
    },
    storage: {
      requires: [],
      variables: [],
      blocks: [
        block('resource', ['google_storage_bucket', 'main'], [
          ...attrs({
            name: expr('"${var.gcp_project}-${local.name}"'),
            location: expr('var.region'),
            uniform_bucket_level_access: true,
            labels: expr('local.tags'),
          }),
          block('versioning', [], [attr('enabled', true)]),
        ]),
      ],
      outputs: [{ name: 'bucket_name', description: 'Name of the storage bucket', value: 'google_storage_bucket.main.name' }],
    },
    iam: {
      requires: [],
      variables: [],
      blocks: [
        block('resource', ['google_service_account', 'deployer'], attrs({ account_id: expr('"${local.name}-deployer"'), display_name: expr('"Deploys ${local.name}"') })),
        block('resource', ['google_project_iam_member', 'deployer'], attrs({
          project: expr('var.gcp_project'),
          role: 'roles/editor',
          member: expr('"serviceAccount:${google_service_account.deployer.email}"'),
        })),
      ],
      outputs: [{ name: 'deployer_email', description: 'Service account CI deploys with', value: 'google_service_account.deployer.email' }],
    },
  },
};
