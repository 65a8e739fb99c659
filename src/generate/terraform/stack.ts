import { CLOUD_TABLES } from './project.js';
import type { Cloud, Component, EnvironmentName } from './spec.js';

/**
 * The network + Kubernetes cluster + database stack that CloudFormation, ARM and Bicep are
 * generated for. Sizes per environment come from the Terraform tables, so every format sizes an
 * environment the same way.
 */
export interface ClusterStack {
  /** Lower-case letters, digits and dashes. */
  project: string;
  environments: EnvironmentName[];
}

const STACK: Component[] = ['network', 'kubernetes', 'database'];

/** Per-environment values of the stack's Terraform variables on a cloud: `{node_count: 3, …}`. */
export function stackSizes(cloud: Cloud, env: EnvironmentName): Record<string, string | number | boolean> {
  const sizes: Record<string, string | number | boolean> = {};
  for (const component of STACK) {
    for (const v of CLOUD_TABLES[cloud].components[component].variables) {
      const value = v.perEnvironment?.[env];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') sizes[v.name] = value;
    }
  }
  return sizes;
}

/** `node_count` → `NodeCount` (CloudFormation) or `nodeCount` (ARM, Bicep). */
export function pascal(name: string): string {
  return name.split('_').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
}

export function camel(name: string): string {
  const p = pascal(name);
  return p[0]!.toLowerCase() + p.slice(1);
}
