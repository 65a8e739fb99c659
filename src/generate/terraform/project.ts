import { AWS } from './aws.js';
import { AZURE } from './azure.js';
import { GCP } from './gcp.js';
import { attr, attrs, block, comment, expr, renderHcl, type Body, type Value } from './hcl.js';
import { COMPONENTS, type Backend, type CloudTable, type Component, type GeneratedFile, type OutputSpec, type ProjectSpec, type VariableSpec } from './spec.js';

export const CLOUD_TABLES: Record<ProjectSpec['cloud'], CloudTable> = { aws: AWS, azure: AZURE, gcp: GCP };

const REQUIRED_TERRAFORM = '>= 1.6';

/** The components asked for plus those they refer to, in a fixed order. */
function withRequirements(table: CloudTable, asked: Component[]): Component[] {
  const wanted = new Set<Component>();
  const add = (c: Component) => {
    if (wanted.has(c)) return;
    wanted.add(c);
    for (const required of table.components[c].requires) add(required);
  };
  asked.forEach(add);
  return COMPONENTS.filter((c) => wanted.has(c));
}

/**
 * A Terraform root module for a project on one cloud: one file per concern, a variable for
 * everything that differs between environments, one tfvars file per environment, and a backend.
 * Environments share the configuration and keep separate state through workspaces
 * (`TF_WORKSPACE=prod terraform plan -var-file=environments/prod.tfvars`).
 */
export function terraformProject(spec: ProjectSpec): GeneratedFile[] {
  const table = CLOUD_TABLES[spec.cloud];
  const components = withRequirements(table, spec.components);
  const variables = [...commonVariables(spec), ...table.variables, ...unique(components.flatMap((c) => table.components[c].variables))];
  const outputs = components.flatMap((c) => table.components[c].outputs);
  return [
    { path: 'versions.tf', content: renderHcl(versionsFile(spec, table)) },
    { path: 'providers.tf', content: renderHcl([block('provider', [table.provider.name], table.provider.config)]) },
    { path: 'variables.tf', content: renderHcl(variables.map(variableBlock)) },
    { path: 'locals.tf', content: renderHcl([localsBlock()]) },
    ...components.map((c) => ({ path: `${c}.tf`, content: renderHcl(table.components[c].blocks) })),
    { path: 'outputs.tf', content: renderHcl(outputs.map(outputBlock)) },
    ...spec.environments.map((env) => ({ path: `environments/${env}.tfvars`, content: renderHcl(tfvars(spec, variables, env)) })),
    { path: '.gitignore', content: GITIGNORE },
  ];
}

const GITIGNORE = ['.terraform/', '*.tfstate', '*.tfstate.*', '*.tfplan', '.reign/', 'crash.log', ''].join('\n');

function commonVariables(spec: ProjectSpec): VariableSpec[] {
  return [
    { name: 'project', type: 'string', description: 'Prefix of every resource name', default: spec.project },
    {
      name: 'environment',
      type: 'string',
      description: 'Environment this state describes',
      validation: { condition: `contains([${spec.environments.map((e) => `"${e}"`).join(', ')}], var.environment)`, message: `environment must be one of ${spec.environments.join(', ')}.` },
    },
  ];
}

function unique(variables: VariableSpec[]): VariableSpec[] {
  const seen = new Set<string>();
  return variables.filter((v) => !seen.has(v.name) && seen.add(v.name));
}

function versionsFile(spec: ProjectSpec, table: CloudTable): Body {
  return [
    block('terraform', [], [
      attr('required_version', REQUIRED_TERRAFORM),
      block('required_providers', [], [attr(table.provider.name, { source: table.provider.source, version: table.provider.version })]),
      ...backendBlock(spec.backend, spec.project),
    ]),
  ];
}

/** Backends cannot read variables, so their settings are literals; workspaces split the state. */
function backendBlock(backend: Backend, project: string): Body {
  switch (backend.type) {
    case 'local':
      return [block('backend', ['local'], [])];
    case 's3':
      return [
        comment('The bucket must exist before `terraform init`; use_lockfile locks state without DynamoDB.'),
        block('backend', ['s3'], attrs({ bucket: backend.bucket, key: `${project}/terraform.tfstate`, region: backend.region, encrypt: true, use_lockfile: true })),
      ];
    case 'azurerm':
      return [
        comment('The storage account and its "tfstate" container must exist before `terraform init`.'),
        block('backend', ['azurerm'], attrs({ resource_group_name: backend.resourceGroup, storage_account_name: backend.storageAccount, container_name: 'tfstate', key: `${project}.tfstate` })),
      ];
    case 'gcs':
      return [
        comment('The bucket must exist before `terraform init`.'),
        block('backend', ['gcs'], attrs({ bucket: backend.bucket, prefix: project })),
      ];
  }
}

function variableBlock(v: VariableSpec) {
  return block('variable', [v.name], [
    ...attrs({ type: expr(v.type), description: v.description, default: v.default }),
    ...(v.validation ? [block('validation', [], attrs({ condition: expr(v.validation.condition), error_message: v.validation.message }))] : []),
  ]);
}

function localsBlock() {
  return block('locals', [], [
    attr('name', expr('"${var.project}-${var.environment}"')),
    attr('tags', { project: expr('var.project'), environment: expr('var.environment'), 'managed-by': 'terraform' }),
  ]);
}

function outputBlock(o: OutputSpec) {
  return block('output', [o.name], attrs({ description: o.description, value: expr(o.value), sensitive: o.sensitive || undefined }));
}

/** Values for one environment: its name, the region, and every per-environment size. */
function tfvars(spec: ProjectSpec, variables: VariableSpec[], env: ProjectSpec['environments'][number]): Body {
  const values: Record<string, Value | undefined> = { environment: env, region: spec.region };
  for (const v of variables) if (v.perEnvironment?.[env] !== undefined) values[v.name] = v.perEnvironment[env];
  if (variables.some((v) => v.name === 'gcp_project')) values.gcp_project = `${spec.project}-${env}`;
  return attrs(values);
}
