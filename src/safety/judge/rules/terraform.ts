import type { ToolTable } from './types.js';

/** Output names that hold secret values. */
const SECRET_NAME = /pass|secret|token|key|credential|cert|private/i;
/** A saved plan whose name says it tears things down. */
const DESTROY_PLAN_NAME = /destroy|teardown|tear-down|delete|remove|cleanup/i;

const terraform: ToolTable = {
  id: 'terraform',
  names: ['terraform', 'tofu', 'terragrunt', 'tf'],
  valueFlags: ['-var', '-var-file', '-target', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-replace', '-backend-config', '-chdir', '-plugin-dir', '-from-module', '-generate-config-out', '-test-directory', '-filter'],
  rules: [
    { id: 'plan-destroy', when: { sub: 'plan', anyFlag: ['-destroy', '--destroy'] }, level: 'read', reason: 'plans a teardown without applying it', records: { fact: 'destroy-plan', from: { flag: '-out' } } },
    { id: 'plan', when: { sub: 'plan' }, level: 'read', reason: 'shows what would change, changing nothing' },
    { id: 'apply-destroy-prod', when: { sub: 'apply', anyFlag: ['-destroy', '--destroy'], prod: true }, level: 'dangerous', reason: 'destroys everything in a production workspace' },
    { id: 'apply-destroy', when: { sub: 'apply', anyFlag: ['-destroy', '--destroy'] }, level: 'admin', reason: 'destroys the resources of this configuration' },
    { id: 'apply-destroy-plan', when: { sub: 'apply', recorded: 'destroy-plan' }, level: 'admin', reason: 'applies a saved plan made with -destroy' },
    { id: 'apply-destroy-plan', when: { sub: 'apply', arg: DESTROY_PLAN_NAME }, level: 'admin', reason: 'applies a saved plan whose name says it destroys' },
    { id: 'apply', when: { sub: 'apply' }, level: 'write', reason: 'applies changes to infrastructure' },
    { id: 'destroy-prod', when: { sub: 'destroy', prod: true, noFlag: ['-help'] }, level: 'dangerous', reason: 'destroys everything in a production workspace' },
    { id: 'destroy', when: { sub: 'destroy' }, level: 'admin', reason: 'destroys the resources of this configuration' },
    { id: 'workspace-delete-prod', when: { sub: 'workspace delete', prod: true }, level: 'dangerous', reason: 'deletes a production workspace and its state' },
    { id: 'workspace-delete', when: { sub: 'workspace delete' }, level: 'admin', reason: 'deletes a workspace and its state' },
    { id: 'workspace-select', when: { sub: 'workspace select|new' }, level: 'write', reason: 'selects or creates a workspace', records: { fact: 'workspace', from: 'args' } },
    { id: 'inspect', when: { sub: 'workspace list|show' }, level: 'read', reason: 'shows workspaces' },
    { id: 'state-change', when: { sub: 'state rm|replace-provider|push' }, level: 'admin', reason: 'edits the state, which can orphan or lose resources' },
    { id: 'state-move', when: { sub: 'state mv' }, level: 'write', reason: 'moves a resource to another address in the state' },
    { id: 'state-pull', when: { sub: 'state pull' }, level: 'admin', reason: 'prints the whole state, which holds secret values', traits: ['prints-secret'] },
    { id: 'inspect', when: { sub: 'state list|show' }, level: 'read', reason: 'shows the state' },
    { id: 'secret-output', when: { sub: 'output', arg: SECRET_NAME }, level: 'admin', reason: 'prints an output that holds a secret', traits: ['prints-secret'] },
    { id: 'secret-output', when: { sub: 'output', anyFlag: ['-json', '-raw'], noArgs: true }, level: 'admin', reason: 'prints every output, sensitive ones in clear', traits: ['prints-secret'] },
    { id: 'unlock', when: { sub: 'force-unlock' }, level: 'admin', reason: 'removes a state lock another run may hold' },
    { id: 'format-check', when: { sub: 'fmt', anyFlag: ['-check', '--check'] }, level: 'read', reason: 'checks formatting' },
    { id: 'inspect', when: { sub: 'show|validate|version|providers|graph|output|console|metadata|modules|-version|-help|help' }, level: 'read', reason: 'shows configuration, state or plans' },
    { id: 'test', when: { sub: 'test' }, level: 'admin', reason: 'runs tests that create and destroy real resources' },
    { id: 'local', when: { sub: 'init|get|fmt|login|logout|refresh|import|taint|untaint|providers' }, level: 'write', reason: 'changes local files, state or tool setup' },
  ],
  otherwise: { level: 'admin', reason: 'a terraform subcommand that is not known' },
};

const iacTools: ToolTable = {
  id: 'iac',
  names: ['pulumi', 'cdk', 'cdktf', 'serverless', 'sls', 'sam', 'packer', 'ansible-playbook', 'ansible', 'vagrant', 'nomad', 'consul', 'vault'],
  valueFlags: ['-s', '--stack', '-i', '--inventory', '-e', '--extra-vars', '-m', '--module-name', '-a', '--args', '-l', '--limit', '-t', '--tags', '-u', '--user', '-field', '-format', '-address', '-namespace'],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['--check', '--syntax-check', '--list-hosts', '--list-tasks', '--preview', '-C'] }, level: 'read', reason: 'a dry run changes nothing' },
    { id: 'secret-read', when: { sub: 'kv get' }, level: 'admin', reason: 'prints secret values', traits: ['prints-secret'] },
    { id: 'secret-read', when: { sub: 'read', arg: /./ }, level: 'admin', reason: 'prints secret values', traits: ['prints-secret'] },
    { id: 'inspect', when: { sub: ['preview|diff|synth|list|ls|status|version|validate|inspect|info|doctor|config|whoami|logs|plan|show|about|metadata|output', 'stack|kv|secrets|policy ls|list|output'] }, level: 'read', reason: 'shows infrastructure or plans' },
    { id: 'destroy-prod', when: { sub: 'destroy|delete|remove|rm|down', prod: true }, level: 'dangerous', reason: 'destroys infrastructure in production' },
    { id: 'destroy', when: { sub: ['destroy|delete|remove|rm|down|halt', 'kv delete|destroy', 'secrets disable', 'stack rm'] }, level: 'admin', reason: 'destroys infrastructure or data', traits: ['acts-on-targets'] },
    { id: 'change', when: { sub: 'up|deploy|apply|build|init|refresh|import|new|bootstrap|provision|reload|run|kv|write|secrets|policy|auth|login|stack|config|package|publish|invoke' }, level: 'write', reason: 'creates or changes infrastructure or secrets' },
  ],
  otherwise: { level: 'admin', reason: 'runs an infrastructure tool with arguments that are not known' },
};

export const TERRAFORM_TABLES: ToolTable[] = [terraform, iacTools];
