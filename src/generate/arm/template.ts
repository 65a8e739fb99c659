import type { GeneratedFile } from '../terraform/spec.js';
import { camel, stackSizes, type ClusterStack } from '../terraform/stack.js';

/**
 * An ARM template (JSON) for a virtual network, an AKS cluster and a PostgreSQL flexible server
 * reachable only inside the network, one template for every environment: the `environment`
 * parameter picks the sizes. `az deployment group what-if` shows its effect before it is deployed.
 */

export const API_VERSIONS = {
  vnet: '2023-09-01',
  dnsZone: '2020-06-01',
  cluster: '2024-02-01',
  postgres: '2022-12-01',
} as const;

/** Flexible server tiers by the first part of the SKU name. */
const POSTGRES_TIERS: Record<string, string> = { B: 'Burstable', GP: 'GeneralPurpose', MO: 'MemoryOptimized' };

/** Sizes per environment as ARM and Bicep name them, with the flexible server tier spelled out. */
export function azureSizes(stack: ClusterStack): Record<string, Record<string, string | number | boolean>> {
  return Object.fromEntries(
    stack.environments.map((env) => {
      const sizes = Object.fromEntries(Object.entries(stackSizes('azure', env)).map(([k, v]) => [camel(k), v]));
      const sku = String(sizes.dbSku);
      return [env, { ...sizes, dbTier: POSTGRES_TIERS[sku.split('_')[0]!] ?? 'GeneralPurpose', dbStorageGb: Number(sizes.dbStorageMb) / 1024 }];
    }),
  );
}

const p = (name: string) => `parameters('${name}')`;
const v = (name: string) => `variables('${name}')`;
const subnetId = (subnet: string) => `[resourceId('Microsoft.Network/virtualNetworks/subnets', ${v('vnetName')}, '${subnet}')]`;
const vnetId = `[resourceId('Microsoft.Network/virtualNetworks', ${v('vnetName')})]`;
const zoneId = `[resourceId('Microsoft.Network/privateDnsZones', ${v('dnsZoneName')})]`;
const linkId = `[resourceId('Microsoft.Network/privateDnsZones/virtualNetworkLinks', ${v('dnsZoneName')}, 'postgres')]`;

export function armTemplate(stack: ClusterStack): Record<string, unknown> {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      project: { type: 'string', defaultValue: stack.project },
      environment: { type: 'string', allowedValues: stack.environments },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      vnetCidr: { type: 'string', defaultValue: '10.0.0.0/16' },
      kubernetesVersion: { type: 'string', defaultValue: '1.30' },
      postgresVersion: { type: 'string', defaultValue: '16' },
    },
    variables: {
      name: `[format('{0}-{1}', ${p('project')}, ${p('environment')})]`,
      vnetName: `[format('vnet-{0}', ${v('name')})]`,
      clusterName: `[format('aks-{0}', ${v('name')})]`,
      serverName: `[format('psql-{0}', ${v('name')})]`,
      dnsZoneName: `[format('{0}.postgres.database.azure.com', ${v('name')})]`,
      sizes: azureSizes(stack),
      size: `[${v('sizes')}[${p('environment')}]]`,
      tags: { project: `[${p('project')}]`, environment: `[${p('environment')}]`, 'managed-by': 'arm' },
    },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: API_VERSIONS.vnet,
        name: `[${v('vnetName')}]`,
        location: `[${p('location')}]`,
        tags: `[${v('tags')}]`,
        properties: {
          addressSpace: { addressPrefixes: [`[${p('vnetCidr')}]`] },
          subnets: [
            { name: 'cluster', properties: { addressPrefix: `[cidrSubnet(${p('vnetCidr')}, 20, 0)]` } },
            {
              name: 'database',
              properties: {
                addressPrefix: `[cidrSubnet(${p('vnetCidr')}, 20, 1)]`,
                delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
              },
            },
          ],
        },
      },
      { type: 'Microsoft.Network/privateDnsZones', apiVersion: API_VERSIONS.dnsZone, name: `[${v('dnsZoneName')}]`, location: 'global', tags: `[${v('tags')}]` },
      {
        type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        apiVersion: API_VERSIONS.dnsZone,
        name: `[format('{0}/postgres', ${v('dnsZoneName')})]`,
        location: 'global',
        dependsOn: [zoneId, vnetId],
        properties: { registrationEnabled: false, virtualNetwork: { id: vnetId } },
      },
      {
        type: 'Microsoft.ContainerService/managedClusters',
        apiVersion: API_VERSIONS.cluster,
        name: `[${v('clusterName')}]`,
        location: `[${p('location')}]`,
        tags: `[${v('tags')}]`,
        identity: { type: 'SystemAssigned' },
        dependsOn: [vnetId],
        properties: {
          kubernetesVersion: `[${p('kubernetesVersion')}]`,
          dnsPrefix: `[${v('name')}]`,
          agentPoolProfiles: [
            { name: 'system', mode: 'System', count: `[${v('size')}.nodeCount]`, vmSize: `[${v('size')}.nodeVmSize]`, vnetSubnetID: subnetId('cluster') },
          ],
          networkProfile: { networkPlugin: 'azure', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' },
        },
      },
      {
        type: 'Microsoft.DBforPostgreSQL/flexibleServers',
        apiVersion: API_VERSIONS.postgres,
        name: `[${v('serverName')}]`,
        location: `[${p('location')}]`,
        tags: `[${v('tags')}]`,
        dependsOn: [linkId],
        sku: { name: `[${v('size')}.dbSku]`, tier: `[${v('size')}.dbTier]` },
        properties: {
          version: `[${p('postgresVersion')}]`,
          storage: { storageSizeGB: `[${v('size')}.dbStorageGb]` },
          backup: { backupRetentionDays: `[${v('size')}.dbBackupDays]` },
          network: { delegatedSubnetResourceId: subnetId('database'), privateDnsZoneArmResourceId: zoneId },
          // Entra ID sign-in only: no password exists to leak.
          authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: '[subscription().tenantId]' },
        },
      },
    ],
    outputs: {
      clusterName: { type: 'string', value: `[${v('clusterName')}]` },
      databaseFqdn: { type: 'string', value: `[reference(resourceId('Microsoft.DBforPostgreSQL/flexibleServers', ${v('serverName')})).fullyQualifiedDomainName]` },
    },
  };
}

export function armFiles(stack: ClusterStack): GeneratedFile[] {
  return [
    { path: 'arm/azuredeploy.json', content: `${JSON.stringify(armTemplate(stack), null, 2)}\n` },
    ...stack.environments.map((env) => ({
      path: `arm/azuredeploy.parameters.${env}.json`,
      content: `${JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { environment: { value: env } } }, null, 2)}\n`,
    })),
  ];
}

/**
 * Every `parameters('…')` and `variables('…')` is declared, and every `dependsOn` and
 * `resourceId` names a resource type the template deploys.
 */
export function armProblems(template: Record<string, unknown>): string[] {
  const parameters = new Set(Object.keys((template.parameters ?? {}) as object));
  const variables = new Set(Object.keys((template.variables ?? {}) as object));
  const types = new Set(((template.resources ?? []) as { type: string }[]).map((r) => r.type));
  const problems: string[] = [];
  const text = JSON.stringify({ variables: template.variables, resources: template.resources, outputs: template.outputs });
  for (const [, name] of text.matchAll(/parameters\('([^']+)'\)/g)) if (!parameters.has(name!)) problems.push(`parameters('${name}') is not declared`);
  for (const [, name] of text.matchAll(/variables\('([^']+)'\)/g)) if (!variables.has(name!)) problems.push(`variables('${name}') is not declared`);
  for (const [, type] of text.matchAll(/resourceId\('([^']+)'/g)) {
    const parent = type!.split('/').slice(0, 2).join('/');
    if (!types.has(type!) && !types.has(parent)) problems.push(`resourceId('${type}') names a type the template does not deploy`);
  }
  return problems;
}
