import type { Body, Value } from './hcl.js';

/** What a generated Terraform project is asked to contain. */
const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * The parts of an environment. Each cloud maps them to its own services: network (VPC / VNet),
 * kubernetes (EKS / AKS / GKE), database (RDS / Postgres flexible server / Cloud SQL), registry
 * (ECR / ACR / Artifact Registry), storage (S3 / storage account / GCS), iam (roles for deploys).
 */
export const COMPONENTS = ['network', 'kubernetes', 'database', 'registry', 'storage', 'iam'] as const;
export type Component = (typeof COMPONENTS)[number];

const ENVIRONMENT_NAMES = ['dev', 'test', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

export type Backend =
  | { type: 'local' }
  | { type: 's3'; bucket: string; region: string }
  | { type: 'azurerm'; resourceGroup: string; storageAccount: string }
  | { type: 'gcs'; bucket: string };

export interface ProjectSpec {
  /** Lower-case letters, digits and dashes: it prefixes every resource name. */
  project: string;
  cloud: Cloud;
  /** AWS/GCP region or Azure location. */
  region: string;
  components: Component[];
  environments: EnvironmentName[];
  backend: Backend;
}

/** A generated file, its path relative to the project directory. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface VariableSpec {
  name: string;
  /** An HCL type expression: `string`, `number`, `bool`, `list(string)`. */
  type: string;
  description: string;
  default?: Value;
  /** Values per environment, written to `environments/<env>.tfvars`. */
  perEnvironment?: Partial<Record<EnvironmentName, Value>>;
  validation?: { condition: string; message: string };
}

export interface OutputSpec {
  name: string;
  description: string;
  value: string;
  sensitive?: boolean;
}

/** One component on one cloud: the variables it reads, the blocks it adds, what it exports. */
interface ComponentTable {
  /** Components whose resources this one refers to. */
  requires: Component[];
  variables: VariableSpec[];
  blocks: Body;
  outputs: OutputSpec[];
}

export interface CloudTable {
  provider: { name: string; source: string; version: string; config: Body };
  /** Variables every project on the cloud reads (`region`, and the like). */
  variables: VariableSpec[];
  components: Record<Component, ComponentTable>;
}

/** How much each environment gets, by name: the rows of the tfvars files. */
export const SIZE_BY_ENVIRONMENT = {
  small: { dev: 1, test: 1, staging: 2, prod: 3 },
  protect: { dev: false, test: false, staging: false, prod: true },
  backupDays: { dev: 1, test: 1, staging: 7, prod: 30 },
} as const;
