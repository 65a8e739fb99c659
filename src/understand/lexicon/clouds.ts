import type { CLOUDS } from '../../core/interpretation.js';

export type Cloud = (typeof CLOUDS)[number];

/** Clouds and the products that imply them. `cloud: null` stops a shorter match ("Azure Pipelines" is a CI system). */
export interface CloudSynonym {
  phrase: string;
  cloud: Cloud | null;
}

const c = (cloud: Cloud | null, phrases: string[]): CloudSynonym[] => phrases.map((phrase) => ({ phrase, cloud }));

export const CLOUD_SYNONYMS: CloudSynonym[] = [
  ...c('aws', [
    'aws', 'amazon', 'amazon web services', 'eks', 'ecr', 'ecs', 'rds', 's3', 'lambda', 'cloudformation', 'cfn',
    'cloud formation', 'ec2', 'dynamodb', 'cloudwatch', 'route53', 'route 53', 'sqs', 'sns', 'fargate', 'elb', 'alb',
    'nlb', 'ami', 'aurora', 'elasticache', 'kinesis', 'cloudfront', 'iam', 'kms', 'efs', 'ebs', 'redshift', 'msk',
    'sagemaker', 'cognito', 'api gateway', 'secrets manager', 'elastic beanstalk', 'beanstalk', 'codebuild',
    'codepipeline', 'codedeploy', 'step functions', 'eventbridge', 'sam template', 'cdk', 'us-east-1', 'us-east-2',
    'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'lightsail', 'glue', 'athena',
    'autoscaling group', 'auto scaling group', 'vpc endpoint', 'documentdb', 'opensearch', 'neptune', 'amplify',
    'elastic kubernetes service', 'amazon eks',
  ]),
  ...c('azure', [
    'azure', 'microsoft azure', 'aks', 'acr', 'arm', 'arm template', 'bicep', 'azure functions', 'azure function',
    'function app', 'app service', 'app service plan', 'cosmos db', 'cosmosdb', 'blob storage', 'key vault',
    'storage account', 'azure sql', 'container app', 'container apps', 'vm scale set', 'vmss', 'resource group',
    'azure devops', 'entra', 'azure ad', 'service bus', 'event hub', 'event hubs', 'front door', 'app gateway',
    'application gateway', 'log analytics', 'az', 'azure resource manager', 'azure subscription', 'microsoft.containerservice',
    'azure monitor', 'static web app', 'logic app', 'azure kubernetes service',
  ]),
  ...c('gcp', [
    'gcp', 'google cloud', 'google cloud platform', 'gke', 'cloud sql', 'cloud run', 'gcs', 'bigquery', 'pub/sub',
    'pubsub', 'cloud storage', 'cloud functions', 'cloud function', 'gce', 'compute engine', 'artifact registry',
    'gcr', 'gcr.io', 'cloud build', 'firestore', 'spanner', 'memorystore', 'app engine', 'gcloud', 'cloud dns',
    'cloud armor', 'anthos', 'dataflow', 'dataproc', 'bigtable', 'google kubernetes engine',
  ]),
  ...c(null, ['azure pipelines', 'azure pipeline', 'azure-pipelines.yml', 'azure devops pipeline', 'arm64', 'arm processor', 'google search']),
];
