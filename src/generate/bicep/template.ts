import { API_VERSIONS, azureSizes } from '../arm/template.js';
import type { GeneratedFile } from '../terraform/spec.js';
import type { ClusterStack } from '../terraform/stack.js';

/**
 * The same stack as the ARM template, in Bicep: parameters, an environment-indexed size table,
 * symbolic resources that refer to each other (so Bicep infers `dependsOn`), and outputs.
 */

interface Raw {
  raw: string;
}
type BicepValue = string | number | boolean | Raw | BicepValue[] | { [key: string]: BicepValue };

const raw = (text: string): Raw => ({ raw: text });

function isRaw(value: BicepValue): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'raw' in value;
}

/** A Bicep string: single quotes; `'`, `\` and `${` escaped so text stays text. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function render(value: BicepValue, depth: number): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRaw(value)) return value.raw;
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) return value.length ? `[\n${value.map((item) => `${pad}${render(item, depth + 1)}`).join('\n')}\n${end}]` : '[]';
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : quote(k)}: ${render(v, depth + 1)}`).join('\n')}\n${end}}`;
}

interface Declaration {
  /** `param`, `var`, `resource` or `output`, with what follows the name. */
  keyword: 'param' | 'var' | 'resource' | 'output';
  name: string;
  /** The type (`string`), the resource type (`'Microsoft…@version'`) or nothing for `var`. */
  kind?: string;
  value?: BicepValue;
  decorators?: string[];
}

function declaration(d: Declaration): string {
  const head = [d.keyword, d.name, d.kind].filter(Boolean).join(' ');
  const body = d.value === undefined ? '' : ` = ${render(d.value, 0)}`;
  return [...(d.decorators ?? []), `${head}${body}`].join('\n');
}

const type = (resourceType: string, version: string) => `'${resourceType}@${version}'`;

export function bicepTemplate(stack: ClusterStack): string {
  const declarations: Declaration[] = [
    { keyword: 'param', name: 'project', kind: 'string', value: stack.project },
    { keyword: 'param', name: 'environment', kind: 'string', decorators: [`@allowed(${render(stack.environments, 0)})`] },
    { keyword: 'param', name: 'location', kind: 'string', value: raw('resourceGroup().location') },
    { keyword: 'param', name: 'vnetCidr', kind: 'string', value: '10.0.0.0/16' },
    { keyword: 'param', name: 'kubernetesVersion', kind: 'string', value: '1.30' },
    { keyword: 'param', name: 'postgresVersion', kind: 'string', value: '16' },
    { keyword: 'var', name: 'name', value: raw(`'\${project}-\${environment}'`) },
    { keyword: 'var', name: 'sizes', value: azureSizes(stack) },
    { keyword: 'var', name: 'size', value: raw('sizes[environment]') },
    { keyword: 'var', name: 'tags', value: { project: raw('project'), environment: raw('environment'), 'managed-by': 'bicep' } },
    {
      keyword: 'resource', name: 'vnet', kind: type('Microsoft.Network/virtualNetworks', API_VERSIONS.vnet),
      value: {
        name: raw(`'vnet-\${name}'`),
        location: raw('location'),
        tags: raw('tags'),
        properties: {
          addressSpace: { addressPrefixes: [raw('vnetCidr')] },
          subnets: [
            { name: 'cluster', properties: { addressPrefix: raw('cidrSubnet(vnetCidr, 20, 0)') } },
            {
              name: 'database',
              properties: {
                addressPrefix: raw('cidrSubnet(vnetCidr, 20, 1)'),
                delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
              },
            },
          ],
        },
      },
    },
    {
      keyword: 'resource', name: 'dnsZone', kind: type('Microsoft.Network/privateDnsZones', API_VERSIONS.dnsZone),
      value: { name: raw(`'\${name}.postgres.database.azure.com'`), location: 'global', tags: raw('tags') },
    },
    {
      keyword: 'resource', name: 'dnsLink', kind: type('Microsoft.Network/privateDnsZones/virtualNetworkLinks', API_VERSIONS.dnsZone),
      value: { parent: raw('dnsZone'), name: 'postgres', location: 'global', properties: { registrationEnabled: false, virtualNetwork: { id: raw('vnet.id') } } },
    },
    {
      keyword: 'resource', name: 'cluster', kind: type('Microsoft.ContainerService/managedClusters', API_VERSIONS.cluster),
      value: {
        name: raw(`'aks-\${name}'`),
        location: raw('location'),
        tags: raw('tags'),
        identity: { type: 'SystemAssigned' },
        properties: {
          kubernetesVersion: raw('kubernetesVersion'),
          dnsPrefix: raw('name'),
          agentPoolProfiles: [{ name: 'system', mode: 'System', count: raw('size.nodeCount'), vmSize: raw('size.nodeVmSize'), vnetSubnetID: raw('vnet.properties.subnets[0].id') }],
          networkProfile: { networkPlugin: 'azure', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' },
        },
      },
    },
    {
      keyword: 'resource', name: 'database', kind: type('Microsoft.DBforPostgreSQL/flexibleServers', API_VERSIONS.postgres),
      value: {
        name: raw(`'psql-\${name}'`),
        location: raw('location'),
        tags: raw('tags'),
        sku: { name: raw('size.dbSku'), tier: raw('size.dbTier') },
        // The DNS link must exist before the server can register its private name.
        dependsOn: [raw('dnsLink')],
        properties: {
          version: raw('postgresVersion'),
          storage: { storageSizeGB: raw('size.dbStorageGb') },
          backup: { backupRetentionDays: raw('size.dbBackupDays') },
          network: { delegatedSubnetResourceId: raw('vnet.properties.subnets[1].id'), privateDnsZoneArmResourceId: raw('dnsZone.id') },
          authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: raw('subscription().tenantId') },
        },
      },
    },
    { keyword: 'output', name: 'clusterName', kind: 'string', value: raw('cluster.name') },
    { keyword: 'output', name: 'databaseFqdn', kind: 'string', value: raw('database.properties.fullyQualifiedDomainName') },
  ];
  return `${declarations.map(declaration).join('\n\n')}\n`;
}

export function bicepFiles(stack: ClusterStack): GeneratedFile[] {
  return [
    { path: 'bicep/main.bicep', content: bicepTemplate(stack) },
    ...stack.environments.map((env) => ({ path: `bicep/${env}.bicepparam`, content: `using 'main.bicep'\n\nparam environment = '${env}'\n` })),
  ];
}

/** Functions and namespaces a Bicep file may use without declaring them. */
const BUILT_INS = new Set(['resourceGroup', 'subscription', 'cidrSubnet', 'az', 'sys']);

/**
 * Symbols used in expressions that no `param`, `var` or `resource` declares. Reads the text:
 * string contents are dropped except their `${…}` parts, and property names (after `.` or before
 * `:`) are not symbols.
 */
export function bicepProblems(text: string): string[] {
  const declared = new Set([...text.matchAll(/^(?:param|var|resource)\s+([A-Za-z_]\w*)/gm)].map((m) => m[1]!));
  const problems = new Set<string>();
  for (const line of text.split('\n')) {
    if (/^\s*(?:using|@)/.test(line)) continue;
    const afterHead = line.replace(/^(?:param|var|resource|output)\s+\w+\s+(?:'[^']*'|\w+)?\s*=?/, '').replace(/^\s*[\w'-]+:\s/, '');
    const interpolated = [...afterHead.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(' ');
    const code = `${afterHead.replace(/'(?:[^'\\]|\\.)*'/g, "''")} ${interpolated}`;
    for (const [, symbol] of code.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?![\w(])/g)) {
      if (['true', 'false', 'null'].includes(symbol!) || BUILT_INS.has(symbol!) || declared.has(symbol!)) continue;
      problems.add(`${symbol} is used but not declared`);
    }
  }
  return [...problems];
}
