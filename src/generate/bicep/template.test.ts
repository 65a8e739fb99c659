import { describe, expect, it } from 'vitest';
import { bicepFiles, bicepProblems, bicepTemplate } from './template.js';

const stack = { project: 'shop', environments: ['dev' as const, 'staging' as const, 'prod' as const] };

describe('Bicep generation (no Bicep CLI here: checked by the symbols every expression uses)', () => {
  it('declares every symbol it uses and lets references between resources order them', () => {
    const text = bicepTemplate(stack);
    expect(bicepProblems(text)).toEqual([]);
    expect(text).toContain("resource cluster 'Microsoft.ContainerService/managedClusters@2024-02-01' = {");
    expect(text).toContain('vnetSubnetID: vnet.properties.subnets[0].id');
    expect(text).toContain("@allowed([\n  'dev'\n  'staging'\n  'prod'\n])\nparam environment string");
  });

  it('writes a parameters file per environment that uses the template', () => {
    const files = bicepFiles(stack);
    expect(files.map((f) => f.path)).toEqual(['bicep/main.bicep', 'bicep/dev.bicepparam', 'bicep/staging.bicepparam', 'bicep/prod.bicepparam']);
    expect(files[3]!.content).toBe("using 'main.bicep'\n\nparam environment = 'prod'\n");
  });

  it('reports a symbol that is used but not declared', () => {
    const text = bicepTemplate(stack).replace(/^resource dnsLink .*$/m, "resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {");
    expect(bicepProblems(text)).toEqual(['dnsLink is used but not declared']);
  });
});
