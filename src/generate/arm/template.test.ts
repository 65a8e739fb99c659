import { describe, expect, it } from 'vitest';
import { armFiles, armProblems, armTemplate } from './template.js';

const stack = { project: 'shop', environments: ['dev' as const, 'staging' as const, 'prod' as const] };

describe('ARM generation (no Azure here: checked by JSON parsing and references)', () => {
  it('writes a template whose parameters, variables and resourceIds are all declared', () => {
    const template = JSON.parse(armFiles(stack).find((f) => f.path === 'arm/azuredeploy.json')!.content);
    expect(armProblems(template)).toEqual([]);
    expect(template.resources.map((r: { type: string }) => r.type)).toEqual([
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/privateDnsZones',
      'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      'Microsoft.ContainerService/managedClusters',
      'Microsoft.DBforPostgreSQL/flexibleServers',
    ]);
  });

  it('picks sizes by environment and spells out the flexible server tier', () => {
    const sizes = (armTemplate(stack).variables as { sizes: Record<string, Record<string, unknown>> }).sizes;
    expect(sizes.dev).toMatchObject({ nodeCount: 1, dbSku: 'B_Standard_B1ms', dbTier: 'Burstable', dbStorageGb: 32 });
    expect(sizes.prod).toMatchObject({ nodeCount: 3, dbTier: 'GeneralPurpose', dbStorageGb: 256 });
  });

  it('reports a variable that is used but not declared', () => {
    const template = armTemplate(stack);
    delete (template.variables as Record<string, unknown>).serverName;
    expect(armProblems(template)).toContain("variables('serverName') is not declared");
  });
});
