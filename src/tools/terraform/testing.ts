import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { planningFrom } from '../../clients/planning.js';
import { createFiles, createScratchArea } from '../../clients/files.js';
import { createProcessRunner } from '../../clients/processes.js';
import type { Action, PrepareContext } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { dockerClient } from '../docker/client.js';
import { DOMAINS } from '../index.js';
import type { GeneratedFile } from '../../generate/terraform/spec.js';
import { checkReferences, type ParsedHcl } from '../../generate/terraform/references.js';

/**
 * What Terraform tests share: the real `terraform` binary, kept off the network. The CLI config
 * disables the version check and points provider installation at an empty mirror, so nothing is
 * ever downloaded; only the built-in `terraform` provider (`terraform_data`,
 * `terraform_remote_state`) can be used, which is all these tests need.
 */
const root = mkdtempSync(join(tmpdir(), 'reign-tf-'));
mkdirSync(join(root, 'mirror'));
mkdirSync(join(root, 'plugin-cache'));
writeFileSync(
  join(root, 'terraformrc'),
  `disable_checkpoint = true\nplugin_cache_dir = "${join(root, 'plugin-cache')}"\nprovider_installation {\n  filesystem_mirror {\n    path    = "${join(root, 'mirror')}"\n    include = ["*/*/*"]\n  }\n}\n`,
);
process.env.TF_CLI_CONFIG_FILE = join(root, 'terraformrc');
process.env.TF_PLUGIN_CACHE_DIR = join(root, 'plugin-cache');
process.env.TF_IN_AUTOMATION = '1';
process.env.CHECKPOINT_DISABLE = '1';

/** A fresh directory under the suite's temporary root. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(root, `${prefix}-`));
}

/** Writes files (paths relative to `dir`) and returns `dir`. */
export function writeFiles(dir: string, files: GeneratedFile[] | Record<string, string>): string {
  const list = Array.isArray(files) ? files : Object.entries(files).map(([path, content]) => ({ path, content }));
  for (const file of list) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

/** The real `terraform` with arguments, in a directory: status and output. */
export function terraform(dir: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('terraform', [`-chdir=${dir}`, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Files `terraform fmt -check -recursive` would change (none when the output is formatted). */
export function unformatted(dir: string): string[] {
  const result = terraform(dir, ['fmt', '-check', '-recursive', '-list=true', '-no-color']);
  if (result.code !== 0 && result.code !== 3) throw new Error(`terraform fmt failed: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}

/** Parses every `.tf` and `.tfvars` file with HashiCorp's HCL parser and checks references. */
export async function parsedAndChecked(files: GeneratedFile[]) {
  const tf: ParsedHcl[] = [];
  const tfvars: ParsedHcl[] = [];
  for (const file of files) {
    if (file.path.endsWith('.tf')) tf.push(await parse(file.path, file.content));
    if (file.path.endsWith('.tfvars')) tfvars.push(await parse(file.path, file.content));
  }
  return { tf, tfvars, problems: checkReferences(tf, tfvars) };
}

/** A step context over the real process runner and filesystem. */
export function terraformContext(output: { stream: string; text: string }[] = [], stepId = 's1'): Context {
  return {
    runId: 'r-test',
    stepId,
    labels: {},
    signal: new AbortController().signal,
    emit: (stream, text) => output.push({ stream, text }),
    docker: dockerClient({ host: process.env.DOCKER_HOST }),
    processes: createProcessRunner(),
    files: createFiles(process.cwd()),
    scratch: createScratchArea(createFiles(process.cwd())),
    judge: { judge: () => ({ level: 'dangerous', reasons: [] }) },
    images: { resolve: (image) => image },
    clock: { now: () => new Date() },
    log: { debug() {}, info() {}, warn() {} },
    cwd: process.cwd(),
  };
}

/** What `prepare` gets during planning: the same clients, a signal and a progress line. */
export function prepareContext(progress: string[] = []): PrepareContext {
  const { runId: _r, stepId: _s, labels: _l, emit: _e, signal: _g, ...clients } = terraformContext();
  return { ...planningFrom(clients, DOMAINS), signal: new AbortController().signal, emit: (text) => progress.push(text) };
}

/** Validates raw input as planning does, prepares it when the action looks ahead, then runs it. */
export async function perform<I, O>(action: Action<I, O>, raw: unknown, ctx: Context = terraformContext()): Promise<{ input: I; output: O }> {
  let input = action.input.parse(raw);
  if (action.prepare) input = await action.prepare(input, prepareContext());
  return { input, output: await action.run(input, ctx) };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
