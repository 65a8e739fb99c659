import { parseDocument } from 'yaml';
import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { ReignError, UsageError } from '../../core/errors.js';
import { labelledRemoveStep } from '../docker/labelled.js';
import { shellCommand } from '../docker/preview.js';
import { composeWords } from './cli.js';
import { layoutOf, prepareProject } from './lifecycle.js';
import { replicaPortClash } from './ports.js';
import { projectContainers, waitHealthy, writeOverride } from './project.js';
import { withPullHint } from './pull-failure.js';
import { runCompose, settled } from './run.js';
import { imageReference, ProjectLayout, ProjectRef, serviceName } from './schemas.js';

/** Looking at a stack, restarting it, scaling a service and changing a service's image. */

const settleCli = async <I extends ProjectRef>(input: I, ctx: Parameters<typeof settled>[1]): Promise<I> => ({ ...input, cli: (await settled(input, ctx)).cli });
const projectTarget = (input: ProjectRef) => [{ kind: 'compose.project', name: input.project, path: input.directory }];

export const composePs = defineAction({
  id: 'compose.ps',
  title: 'Show a Compose stack\'s services and their health',
  risk: 'read',
  input: ProjectRef,
  preview: (input) => shellCommand(composeWords(input, ['ps'])),
  prepare: (input, ctx) => settleCli(input, ctx),
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    await runCompose(ctx, ref, ['ps'], { stream: 'stdout' });
    const containers = await projectContainers(ctx, ref.project);
    return { services: containers.map((c) => ({ service: c.service, container: c.name, state: c.state, health: c.health })) };
  },
});

const ComposeLogs = ProjectRef.extend({
  service: serviceName('service').optional(),
  tail: z.number({ error: 'tail: expected a number of lines' }).int().min(1).max(100_000).default(100),
  follow: z.boolean().default(false),
});

export const composeLogs = defineAction({
  id: 'compose.logs',
  title: 'Show or follow the logs of a Compose stack or one of its services',
  risk: 'read',
  input: ComposeLogs,
  preview: (input) => shellCommand(composeWords(input, ['logs', '--no-color', '--tail', String(input.tail), ...(input.follow ? ['--follow'] : []), ...(input.service ? [input.service] : [])])),
  prepare: (input, ctx) => settleCli(input, ctx),
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    const args = ['logs', '--no-color', '--tail', String(input.tail), ...(input.follow ? ['--follow'] : []), ...(input.service ? [input.service] : [])];
    const result = await runCompose(ctx, ref, args, { stream: 'stdout' });
    return { lines: result.stdout.split('\n').filter(Boolean).length };
  },
});

const ComposeRestart = ProjectRef.extend({ service: serviceName('service').optional() });

const composeRestart = defineAction({
  id: 'compose.restart',
  title: 'Restart a Compose stack\'s services (or one of them)',
  risk: 'write',
  input: ComposeRestart,
  preview: (input) => shellCommand(composeWords(input, ['restart', ...(input.service ? [input.service] : [])])),
  prepare: (input, ctx) => settleCli(input, ctx),
  targets: (input) => projectTarget(input),
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    await runCompose(ctx, ref, ['restart', ...(input.service ? [input.service] : [])]);
    return { restarted: input.service ?? 'all services' };
  },
});

const ComposeScale = ProjectRef.extend({
  service: serviceName('service'),
  replicas: z.number({ error: 'replicas: expected a whole number from 0 to 50' }).int().min(0).max(50),
  layout: ProjectLayout.optional(),
  timeoutSeconds: z.number().int().min(0).max(3600).default(300),
})
  // Refused while planning: replicas that cannot all get their host ports would be created, fail
  // to start and be left behind.
  .superRefine((input, check) => {
    const clash = input.layout && replicaPortClash(input.layout, input.service, input.replicas);
    if (clash) check.addIssue({ code: 'custom', path: ['replicas'], message: clash });
  });

export const composeScale = defineAction({
  id: 'compose.scale',
  title: 'Run a number of containers of one service of a Compose stack',
  risk: 'write',
  input: ComposeScale,
  // --no-recreate: the containers already running are left alone, only the count changes.
  preview: (input) => shellCommand(composeWords(input, ['up', '-d', '--no-deps', '--no-recreate', '--scale', `${input.service}=${input.replicas}`, input.service], { override: true })),
  prepare: (input, ctx) => prepareProject(input, ctx, true),
  targets: (input) => projectTarget(input),
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    const running = await projectContainers(ctx, ref.project);
    const previous = running.filter((c) => c.service === input.service).length;
    const layout = await layoutOf(ctx, ref, input.layout);
    if (!layout.services.some((s) => s.name === input.service)) throw new ReignError('not_found', `project ${ref.project} has no service ${input.service}`, `its services: ${layout.services.map((s) => s.name).join(', ')}`);
    const clash = replicaPortClash(layout, input.service, input.replicas);
    if (clash) throw new UsageError(clash);
    // The new containers carry this step's labels (the running ones are not recreated), so a
    // failed or interrupted scale finds and removes exactly what it started.
    await writeOverride(ctx, ref, layout, running, [input.service]);
    await runCompose(ctx, ref, ['up', '-d', '--no-deps', '--no-recreate', '--scale', `${input.service}=${input.replicas}`, input.service], { override: true });
    if (input.replicas > 0) await waitHealthy(ctx, ref, [input.service], input.timeoutSeconds);
    return { service: input.service, previous, replicas: input.replicas };
  },
  // Compose removes the highest-numbered containers first: the ones this step added.
  undo: (input, output) => ({ action: 'compose.scale', input: { ...input, replicas: output.previous } }),
  // Started, created or half-started: whatever carries this step's labels goes.
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
});

const ComposeUpdate = ProjectRef.extend({
  service: serviceName('service'),
  image: imageReference('image'),
  layout: ProjectLayout.optional(),
  timeoutSeconds: z.number().int().min(0).max(3600).default(300),
});

export const composeUpdate = defineAction({
  id: 'compose.update',
  title: 'Change the image of one service of a Compose stack, in its compose file, and recreate it',
  risk: 'write',
  input: ComposeUpdate,
  preview: (input) =>
    `# set services.${input.service}.image to ${input.image} in ${input.file}, then\n${shellCommand(composeWords(input, ['up', '-d', '--no-deps', input.service], { override: true }))}`,
  prepare: (input, ctx) => prepareProject(input, ctx, true),
  targets: (input) => projectTarget(input),
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    const path = `${ref.directory}/${ref.file}`;
    const text = await ctx.files.read(path);
    if (text === undefined) throw new ReignError('not_found', `${path} does not exist`);
    // Edited as a YAML document, so the user's comments and layout survive.
    const document = parseDocument(text);
    const previous = document.getIn(['services', input.service, 'image']);
    if (typeof previous !== 'string') throw new ReignError('failure', `${path}: services.${input.service} has no image to change${document.hasIn(['services', input.service, 'build']) ? ' (it is built from source)' : ''}`);
    if (previous.includes('${')) throw new ReignError('failure', `${path}: the image of ${input.service} comes from a variable (${previous}); change the variable instead`);
    document.setIn(['services', input.service, 'image'], input.image);
    await ctx.files.write(path, document.toString());
    const planned = await layoutOf(ctx, ref, input.layout);
    const layout = { ...planned, services: planned.services.map((s) => (s.name === input.service ? { ...s, image: input.image } : s)) };
    // Its container is recreated on the new image: this step's, with this step's labels.
    await writeOverride(ctx, ref, layout, await projectContainers(ctx, ref.project), [input.service]);
    try {
      await runCompose(ctx, ref, ['up', '-d', '--no-deps', input.service], { override: true });
      await waitHealthy(ctx, ref, [input.service], input.timeoutSeconds);
    } catch (error) {
      // The file must keep saying what runs: put the previous image back before failing.
      document.setIn(['services', input.service, 'image'], previous);
      await ctx.files.write(path, document.toString());
      throw withPullHint(error, layout, ctx);
    }
    return { service: input.service, previous, image: input.image };
  },
  undo: (input, output) => ({ action: 'compose.update', input: { ...input, image: output.previous, layout: undefined } }),
});

export const operateActions = [composePs, composeLogs, composeRestart, composeScale, composeUpdate];
