import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { ReignError } from '../../core/errors.js';
import { directory, terraform, terraformPreview, toStep } from './cli.js';

/** Working directory setup and checks: init, validate, fmt. */

const Dir = z.object({ dir: directory });

const terraformInit = defineAction({
  id: 'terraform.init',
  title: 'Initialise a Terraform working directory (providers, modules, backend)',
  // It changes files under .terraform/ and the lock file, never infrastructure.
  risk: 'write',
  input: Dir.extend({
    /** Skip the backend: enough to validate a configuration whose state bucket does not exist yet. */
    backend: z.boolean().default(true),
  }),
  preview: (input) => terraformPreview(input, ['init', '-input=false', '-no-color', ...(input.backend ? [] : ['-backend=false'])]),
  async run(input, ctx) {
    await terraform(ctx, input, ['init', '-input=false', '-no-color', ...(input.backend ? [] : ['-backend=false'])], { doing: 'init', onLine: toStep(ctx) });
    return { dir: input.dir };
  },
});

interface ValidateJson {
  valid: boolean;
  diagnostics: { severity: string; summary: string; range?: { filename: string; start: { line: number } } }[];
}

const terraformValidate = defineAction({
  id: 'terraform.validate',
  title: 'Validate a Terraform configuration',
  risk: 'read',
  input: Dir,
  preview: (input) => terraformPreview(input, ['validate', '-no-color']),
  async run(input, ctx) {
    // validate -json exits 1 on an invalid configuration and says why in its JSON.
    const result = await terraform(ctx, input, ['validate', '-json', '-no-color'], { doing: 'validate', accept: [1] });
    const report = JSON.parse(result.stdout) as ValidateJson;
    const problems = report.diagnostics.map((d) => `${d.range ? `${d.range.filename}:${d.range.start.line}: ` : ''}${d.severity}: ${d.summary}`);
    for (const line of problems) ctx.emit('stdout', line);
    if (!report.valid) throw new ReignError('failure', `the configuration in ${input.dir} is not valid: ${problems.slice(0, 3).join(' | ')}`, 'fix the files named above and validate again');
    ctx.emit('progress', 'the configuration is valid');
    return { valid: true, warnings: problems };
  },
});

const FmtInput = Dir.extend({ check: z.boolean().default(true) });

const terraformFmt = defineAction({
  id: 'terraform.fmt',
  title: 'Check (or rewrite) the formatting of Terraform files',
  risk: (input: z.infer<typeof FmtInput>) => (input.check ? 'read' : 'write'),
  input: FmtInput,
  preview: (input) => terraformPreview(input, ['fmt', ...(input.check ? ['-check'] : []), '-recursive', '-no-color']),
  async run(input, ctx) {
    // fmt -check exits 3 when some file would change, listing them.
    const result = await terraform(ctx, input, ['fmt', ...(input.check ? ['-check'] : []), '-recursive', '-list=true', '-no-color'], { doing: 'fmt', accept: [3] });
    const files = result.stdout.split('\n').filter(Boolean);
    if (input.check && files.length) throw new ReignError('failure', `${files.length} file(s) in ${input.dir} are not formatted: ${files.join(', ')}`, `run terraform -chdir=${input.dir} fmt -recursive`);
    for (const file of files) ctx.emit('stdout', `formatted ${file}`);
    return { files };
  },
});

export const setupActions = [terraformInit, terraformValidate, terraformFmt];
