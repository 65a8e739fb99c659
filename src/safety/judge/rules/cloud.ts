import type { ToolTable } from './types.js';

/** Policies and roles that make their holder an administrator of the account. */
const ADMIN_ROLE = /AdministratorAccess|IAMFullAccess|PowerUserAccess|\/Owner$|^Owner$|roles\/owner|roles\/editor|roles\/iam\.|User Access Administrator|Contributor/;

const aws: ToolTable = {
  id: 'aws',
  names: ['aws', 'awslocal'],
  valueFlags: ['--profile', '--region', '--output', '--query', '--endpoint-url', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--color'],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['--dryrun', '--dry-run'] }, level: 'read', reason: 'a dry run changes nothing' },
    { id: 'secret', when: { sub: 'secretsmanager get-secret-value|batch-get-secret-value' }, level: 'admin', reason: 'prints a secret value', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'ssm get-parameter|get-parameters|get-parameters-by-path', anyFlag: ['--with-decryption'] }, level: 'admin', reason: 'prints decrypted parameters', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'ecr|ecr-public get-login-password|get-authorization-token' }, level: 'admin', reason: 'prints a registry password', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'sts get-session-token|assume-role|assume-role-with-web-identity|get-federation-token' }, level: 'admin', reason: 'prints temporary credentials', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'iam create-access-key|create-login-profile' }, level: 'admin', reason: 'creates and prints credentials', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'kms decrypt' }, level: 'admin', reason: 'prints decrypted data', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'configure get|export-credentials' }, level: 'admin', reason: 'prints configured credentials', traits: ['prints-secret'] },
    { id: 'grant-admin', when: { sub: 'iam attach-user-policy|attach-role-policy|attach-group-policy|put-user-policy|put-role-policy|add-user-to-group', word: ADMIN_ROLE }, level: 'dangerous', reason: 'grants administrator rights over the account' },
    { id: 'list-all', when: { sub: 's3 ls', noArgs: true }, level: 'read', reason: 'lists every bucket', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: '* list-*|describe-*', noFlag: ['--filters', '--filter', '--query', '--prefix', '--bucket', '--instance-ids', '--stack-name', '--cluster', '--function-name'] }, level: 'read', reason: 'lists every resource of a kind', traits: ['lists-everything'] },
    { id: 'inspect', when: { sub: '* describe-*|list-*|get-*|ls|head-*|lookup-*|search-*|scan|query|batch-get-*|check-*|estimate-*|preview-*|validate-*|wait|filter-*|test-*|simulate-*|select|help|presign|tail|view|show' }, level: 'read', reason: 'shows cloud resources' },
    { id: 'inspect', when: { sub: 'configure list|list-profiles' }, level: 'read', reason: 'shows CLI configuration' },
    { id: 'force-delete-bucket', when: { sub: 's3 rb', anyFlag: ['--force'] }, level: 'dangerous', reason: 'deletes a bucket with everything in it' },
    { id: 'delete-prod', when: { sub: '* delete-*|terminate-*|rb|rm|remove-*|deregister-*|purge-*|destroy-*', prod: true }, level: 'dangerous', reason: 'deletes a production resource with no way back' },
    { id: 'delete-organization', when: { sub: ['organizations leave-organization|remove-account-from-organization|delete-organization', 'account close-account'] }, level: 'dangerous', reason: 'closes an account or dissolves an organization' },
    { id: 'sync-delete', when: { sub: 's3 sync', anyFlag: ['--delete'] }, level: 'admin', reason: 'deletes files at the destination that are missing from the source' },
    { id: 'delete', when: { sub: '* delete-*|terminate-*|rb|rm|remove-*|deregister-*|purge-*|detach-*|disassociate-*|revoke-*|cancel-*|disable-*|reset-*|destroy-*|release-*' }, level: 'admin', reason: 'deletes or detaches cloud resources', traits: ['acts-on-targets'] },
    { id: 'upload', when: { sub: 's3 cp|sync|mv', last: /^s3:\/\// }, level: 'write', reason: 'uploads files to a bucket', effects: [{ kind: 'send', on: 'all-but-last' }] },
    { id: 'download', when: { sub: 's3 cp|sync|mv' }, level: 'write', reason: 'copies files from a bucket', effects: [{ kind: 'write', on: 'last' }] },
    { id: 'change', when: { sub: '* *' }, level: 'write', reason: 'creates or changes cloud resources' },
  ],
  otherwise: { level: 'admin', reason: 'an aws command that is not known' },
};

const azure: ToolTable = {
  id: 'az',
  names: ['az'],
  valueFlags: ['-g', '--resource-group', '-n', '--name', '-o', '--output', '--query', '--subscription', '-l', '--location', '--role', '--assignee', '--scope', '--ids', '--vault-name', '--image', '--template-file', '-f', '--parameters', '-p', '--size', '--sku'],
  rules: [
    // `az aks get-credentials` merges the cluster's credentials into the kubeconfig; `--file -` prints them.
    { id: 'kubeconfig', when: { sub: 'aks get-credentials', noFlag: ['--file', '-f'] }, level: 'write', reason: 'writes cluster credentials into the kubeconfig' },
    { id: 'secret', when: { verb: 'get-access-token|get-credentials|list-keys|keys|get-connection-string|show-connection-string', noFlag: ['--help'] }, level: 'admin', reason: 'prints credentials or keys', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'keyvault secret|key|certificate show|download' }, level: 'admin', reason: 'prints a secret value', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'ad sp create-for-rbac' }, level: 'admin', reason: 'creates and prints service principal credentials', traits: ['prints-secret'] },
    { id: 'grant-admin', when: { sub: 'role assignment create', flagValue: { '--role': ADMIN_ROLE } }, level: 'dangerous', reason: 'grants administrator rights over the subscription' },
    { id: 'list-all', when: { sub: 'group|account|resource list', noFlag: ['--query', '--tag'] }, level: 'read', reason: 'lists every resource group or resource', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'group list' }, level: 'read', reason: 'lists every resource group', traits: ['lists-everything'] },
    { id: 'whatif', when: { verb: 'what-if|validate' }, level: 'read', reason: 'shows what a deployment would change' },
    { id: 'inspect', when: { verb: 'list|show|get|list-*|show-*|get-*|exists|check-*|wait|version|help|tail|query|browse|find' }, level: 'read', reason: 'shows Azure resources' },
    { id: 'delete-group', when: { sub: 'group delete' }, level: 'dangerous', reason: 'deletes a resource group and everything in it' },
    { id: 'delete-prod', when: { verb: 'delete|purge|remove|deallocate', prod: true }, level: 'dangerous', reason: 'deletes a production resource with no way back' },
    { id: 'delete', when: { verb: 'delete|purge|remove|deallocate|revoke|detach|disable' }, level: 'admin', reason: 'deletes or detaches Azure resources', traits: ['acts-on-targets'] },
    { id: 'login', when: { sub: ['login|logout|configure|extension|upgrade|config', 'account set'] }, level: 'write', reason: 'changes local CLI settings' },
    { id: 'change', when: { sub: '* *' }, level: 'write', reason: 'creates or changes Azure resources' },
  ],
  otherwise: { level: 'admin', reason: 'an az command that is not known' },
};

const gcloud: ToolTable = {
  id: 'gcloud',
  names: ['gcloud', 'gsutil', 'bq'],
  valueFlags: ['--project', '--zone', '--region', '--format', '--filter', '--machine-type', '--image', '--account', '--configuration', '--member', '--role', '--limit', '--sort-by', '--flatten', '-m'],
  rules: [
    { id: 'kubeconfig', when: { sub: 'container clusters get-credentials' }, level: 'write', reason: 'writes cluster credentials into the kubeconfig' },
    { id: 'secret', when: { verb: 'print-access-token|print-identity-token|get-credentials' }, level: 'admin', reason: 'prints an access token or credentials', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'secrets versions access' }, level: 'admin', reason: 'prints a secret value', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'iam service-accounts keys create' }, level: 'admin', reason: 'creates a service account key file' },
    { id: 'grant-admin', when: { verb: 'add-iam-policy-binding|set-iam-policy', flagValue: { '--role': ADMIN_ROLE } }, level: 'dangerous', reason: 'grants owner or editor rights over the project' },
    { id: 'delete-project', when: { sub: 'projects delete' }, level: 'dangerous', reason: 'deletes a whole project and everything in it' },
    { id: 'list-all', when: { sub: 'projects list', noFlag: ['--filter'] }, level: 'read', reason: 'lists every project', traits: ['lists-everything'] },
    { id: 'inspect', when: { verb: 'list|describe|get|info|get-iam-policy|list-*|describe-*|get-*|ls|cat|du|stat|version|help|show|head|query|read|tail' }, level: 'read', reason: 'shows cloud resources' },
    { id: 'inspect', when: { sub: 'config list|get-value|get|configurations' }, level: 'read', reason: 'shows CLI configuration' },
    { id: 'force-delete-bucket', when: { verb: 'rb|rm', anyFlag: ['-r', '--recursive', '-a'] }, level: 'dangerous', reason: 'deletes a bucket or folder with everything in it' },
    { id: 'delete-prod', when: { verb: 'delete|rm|rb|remove-*|purge', prod: true }, level: 'dangerous', reason: 'deletes a production resource with no way back' },
    { id: 'delete', when: { verb: 'delete|rm|rb|remove-*|remove|purge|disable|revoke|cancel|reset|detach-*' }, level: 'admin', reason: 'deletes or detaches cloud resources', traits: ['acts-on-targets'] },
    { id: 'remote', when: { verb: 'ssh' }, level: 'admin', reason: 'opens a shell on a machine' },
    { id: 'local', when: { sub: 'config|auth|components|init|login' }, level: 'write', reason: 'changes local CLI settings' },
    { id: 'change', when: { sub: '*' }, level: 'write', reason: 'creates or changes cloud resources' },
  ],
  otherwise: { level: 'admin', reason: 'a gcloud command that is not known' },
};

const platforms: ToolTable = {
  id: 'platform',
  names: ['doctl', 'flyctl', 'fly', 'heroku', 'vercel', 'netlify', 'wrangler', 'railway', 'render', 'eksctl', 'oci', 'linode-cli', 'hcloud', 'scw', 'ibmcloud', 'firebase', 'supabase', 'kops', 'rosa'],
  rules: [
    { id: 'inspect', when: { verb: 'list|ls|get|describe|show|info|status|logs|whoami|version|help|inspect|regions|apps|tail' }, level: 'read', reason: 'shows cloud resources' },
    { id: 'delete-prod', when: { verb: 'delete|destroy|remove|rm|remove-*|purge', prod: true }, level: 'dangerous', reason: 'deletes a production resource with no way back' },
    { id: 'delete', when: { verb: 'delete|destroy|remove|rm|purge|unset|scale-to-zero|suspend' }, level: 'admin', reason: 'deletes cloud resources', traits: ['acts-on-targets'] },
  ],
  otherwise: { level: 'write', reason: 'creates, deploys or changes cloud resources' },
};

export const CLOUD_TABLES: ToolTable[] = [aws, azure, gcloud, platforms];
