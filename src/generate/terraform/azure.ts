import { attr, attrs, block, expr } from './hcl.js';
import { SIZE_BY_ENVIRONMENT, type CloudTable } from './spec.js';

const RESOURCE_GROUP = {
  resource_group_name: expr('azurerm_resource_group.main.name'),
  location: expr('azurerm_resource_group.main.location'),
};

/**
 * Azure resources live in a resource group, so the `network` component carries it and every other
 * component requires `network`. Storage and registry names allow only lower-case letters and
 * digits, hence the `replace` of dashes.
 */
export const AZURE: CloudTable = {
  provider: {
    name: 'azurerm',
    source: 'hashicorp/azurerm',
    version: '~> 4.0',
    config: [block('features', [], [])],
  },
  variables: [{ name: 'region', type: 'string', description: 'Azure location to deploy into' }],
  components: {
    network: {
      requires: [],
      variables: [{ name: 'vnet_cidr', type: 'string', description: 'Address range of the virtual network', default: '10.0.0.0/16' }],
      blocks: [
        block('resource', ['azurerm_resource_group', 'main'], attrs({ name: expr('"rg-${local.name}"'), location: expr('var.region'), tags: expr('local.tags') })),
        block('resource', ['azurerm_virtual_network', 'main'], attrs({
          name: expr('"vnet-${local.name}"'),
          ...RESOURCE_GROUP,
          address_space: [expr('var.vnet_cidr')],
          tags: expr('local.tags'),
        })),
        block('resource', ['azurerm_subnet', 'cluster'], attrs({
          name: 'cluster',
          resource_group_name: expr('azurerm_resource_group.main.name'),
          virtual_network_name: expr('azurerm_virtual_network.main.name'),
          address_prefixes: [expr('cidrsubnet(var.vnet_cidr, 4, 0)')],
        })),
      ],
      outputs: [
        { name: 'resource_group_name', description: 'Resource group holding everything', value: 'azurerm_resource_group.main.name' },
        { name: 'vnet_id', description: 'ID of the virtual network', value: 'azurerm_virtual_network.main.id' },
      ],
    },
    kubernetes: {
      requires: ['network'],
      variables: [
        { name: 'kubernetes_version', type: 'string', description: 'AKS Kubernetes version', default: '1.30' },
        { name: 'node_vm_size', type: 'string', description: 'VM size of the system node pool', perEnvironment: { dev: 'Standard_B2s', test: 'Standard_B2s', staging: 'Standard_D2s_v5', prod: 'Standard_D4s_v5' } },
        { name: 'node_count', type: 'number', description: 'Number of nodes', perEnvironment: SIZE_BY_ENVIRONMENT.small },
      ],
      blocks: [
        block('resource', ['azurerm_kubernetes_cluster', 'main'], [
          ...attrs({ name: expr('"aks-${local.name}"'), ...RESOURCE_GROUP, dns_prefix: expr('local.name'), kubernetes_version: expr('var.kubernetes_version'), tags: expr('local.tags') }),
          block('default_node_pool', [], attrs({ name: 'system', node_count: expr('var.node_count'), vm_size: expr('var.node_vm_size'), vnet_subnet_id: expr('azurerm_subnet.cluster.id') })),
          block('identity', [], [attr('type', 'SystemAssigned')]),
          block('network_profile', [], attrs({ network_plugin: 'azure', service_cidr: '172.16.0.0/16', dns_service_ip: '172.16.0.10' })),
        ]),
      ],
      outputs: [
        { name: 'cluster_name', description: 'Name of the AKS cluster', value: 'azurerm_kubernetes_cluster.main.name' },
        { name: 'cluster_fqdn', description: 'API server address of the AKS cluster', value: 'azurerm_kubernetes_cluster.main.fqdn' },
      ],
    },
    database: {
      requires: ['network'],
      variables: [
        { name: 'postgres_version', type: 'string', description: 'PostgreSQL major version', default: '16' },
        { name: 'db_sku', type: 'string', description: 'Flexible server SKU', perEnvironment: { dev: 'B_Standard_B1ms', test: 'B_Standard_B1ms', staging: 'GP_Standard_D2s_v3', prod: 'GP_Standard_D4s_v3' } },
        { name: 'db_storage_mb', type: 'number', description: 'Storage in MB', perEnvironment: { dev: 32768, test: 32768, staging: 65536, prod: 262144 } },
        { name: 'db_backup_days', type: 'number', description: 'Days backups are kept (7 to 35)', perEnvironment: { dev: 7, test: 7, staging: 7, prod: 30 } },
      ],
      blocks: [
        block('data', ['azurerm_client_config', 'current'], []),
        block('resource', ['azurerm_subnet', 'database'], [
          ...attrs({
            name: 'database',
            resource_group_name: expr('azurerm_resource_group.main.name'),
            virtual_network_name: expr('azurerm_virtual_network.main.name'),
            address_prefixes: [expr('cidrsubnet(var.vnet_cidr, 4, 1)')],
          }),
          block('delegation', [], [
            attr('name', 'postgres'),
            block('service_delegation', [], attrs({ name: 'Microsoft.DBforPostgreSQL/flexibleServers', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] })),
          ]),
        ]),
        block('resource', ['azurerm_private_dns_zone', 'postgres'], attrs({ name: expr('"${local.name}.postgres.database.azure.com"'), resource_group_name: expr('azurerm_resource_group.main.name') })),
        block('resource', ['azurerm_private_dns_zone_virtual_network_link', 'postgres'], attrs({
          name: 'postgres',
          resource_group_name: expr('azurerm_resource_group.main.name'),
          private_dns_zone_name: expr('azurerm_private_dns_zone.postgres.name'),
          virtual_network_id: expr('azurerm_virtual_network.main.id'),
        })),
        block('resource', ['azurerm_postgresql_flexible_server', 'main'], [
          ...attrs({
            name: expr('"psql-${local.name}"'),
            ...RESOURCE_GROUP,
            version: expr('var.postgres_version'),
            sku_name: expr('var.db_sku'),
            storage_mb: expr('var.db_storage_mb'),
            backup_retention_days: expr('var.db_backup_days'),
            delegated_subnet_id: expr('azurerm_subnet.database.id'),
            private_dns_zone_id: expr('azurerm_private_dns_zone.postgres.id'),
            public_network_access_enabled: false,
            zone: '1',
            tags: expr('local.tags'),
          }),
          // Entra ID sign-in only: no password exists to leak.
          block('authentication', [], attrs({ active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: expr('data.azurerm_client_config.current.tenant_id') })),
          attr('depends_on', [expr('azurerm_private_dns_zone_virtual_network_link.postgres')]),
        ]),
      ],
      outputs: [{ name: 'database_fqdn', description: 'Host name of the PostgreSQL server', value: 'azurerm_postgresql_flexible_server.main.fqdn' }],
    },
    registry: {
      requires: ['network'],
      variables: [{ name: 'acr_sku', type: 'string', description: 'Container registry SKU', perEnvironment: { dev: 'Basic', test: 'Basic', staging: 'Standard', prod: 'Premium' } }],
      blocks: [
        block('resource', ['azurerm_container_registry', 'main'], attrs({
          name: expr('replace("acr${local.name}", "-", "")'),
          ...RESOURCE_GROUP,
          sku: expr('var.acr_sku'),
          admin_enabled: false,
          tags: expr('local.tags'),
        })),
      ],
      outputs: [{ name: 'registry_login_server', description: 'Address to push images to', value: 'azurerm_container_registry.main.login_server' }],
    },
    storage: {
      requires: ['network'],
      variables: [{ name: 'storage_replication', type: 'string', description: 'Storage account replication', perEnvironment: { dev: 'LRS', test: 'LRS', staging: 'ZRS', prod: 'GZRS' } }],
      blocks: [
        block('resource', ['azurerm_storage_account', 'main'], attrs({
          name: expr('substr(replace("st${local.name}", "-", ""), 0, 24)'),
          ...RESOURCE_GROUP,
          account_tier: 'Standard',
          account_replication_type: expr('var.storage_replication'),
          min_tls_version: 'TLS1_2',
          allow_nested_items_to_be_public: false,
          tags: expr('local.tags'),
        })),
      ],
      outputs: [{ name: 'storage_account_name', description: 'Name of the storage account', value: 'azurerm_storage_account.main.name' }],
    },
    iam: {
      requires: ['network'],
      variables: [],
      blocks: [
        block('resource', ['azurerm_user_assigned_identity', 'deployer'], attrs({ name: expr('"id-${local.name}-deployer"'), ...RESOURCE_GROUP, tags: expr('local.tags') })),
        block('resource', ['azurerm_role_assignment', 'deployer'], attrs({
          scope: expr('azurerm_resource_group.main.id'),
          role_definition_name: 'Contributor',
          principal_id: expr('azurerm_user_assigned_identity.deployer.principal_id'),
        })),
      ],
      outputs: [{ name: 'deployer_client_id', description: 'Client ID of the identity CI deploys with', value: 'azurerm_user_assigned_identity.deployer.client_id' }],
    },
  },
};
