import { z } from 'zod';
import { defineAction, type PrepareContext } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import type { RiskJudgement } from '../../core/risk.js';
import { engine, sleep } from '../docker/engine.js';
import { shellCommand } from '../docker/preview.js';
import { reignId, seconds } from '../docker/schemas.js';
import { composeWords, overridePath } from './cli.js';
import { layoutFromConfig, projectContainers, unhealthyNow, waitHealthy, writeOverride } from './project.js';
import { withPullHint } from './pull-failure.js';
import { runCompose, settled } from './run.js';
import { ProjectLayout, ProjectRef, serviceName } from './schemas.js';

/** Settles the CLI, and learns the project's layout from `config` when its file is already there. */
export async function prepareProject<I extends ProjectRef & { layout?: ProjectLayout | undefined }>(input: I, ctx: PrepareContext, withLayout: boolean): Promise<I> {
  const ref = await settled(input, ctx);
  // A file a step of the same plan will write is not there yet; its layout came with the plan.
  if (!withLayout || !(await ctx.files.exists(`${ref.directory}/${ref.file}`))) return { ...input, cli: ref.cli };
  ctx.emit(`reading ${ref.file} with ${ref.cli} config`);
  return { ...input, cli: ref.cli, layout: await layoutFromConfig({ processes: ctx.processes, signal: ctx.signal }, ref) };
}

/** The layout planned, else what `config` says now. */
export async function layoutOf(ctx: Context, ref: ProjectRef & { cli: NonNullable<ProjectRef['cli']> }, planned: ProjectLayout | undefined): Promise<ProjectLayout> {
  return planned ?? layoutFromConfig(ctx, ref);
}

function upRisk(input: { layout?: ProjectLayout | undefined }): RiskJudgement | 'write' {
  const concerns = input.layout?.concerns ?? [];
  if (concerns.length === 0) return 'write';
  return { level: 'admin', reasons: concerns.map((reason) => ({ level: 'admin' as const, rule: 'compose.up.effect', reason })) };
}

const ComposeUp = ProjectRef.extend({
  layout: ProjectLayout.optional(),
  /** Start only these (and what they depend on); all services when absent. */
  services: z.array(serviceName('services[]')).optional(),
  timeoutSeconds: seconds('timeoutSeconds', 3600).default(300),
});

export const composeUp = defineAction({
  id: 'compose.up',
  title: 'Start a Compose stack and wait until every service is healthy',
  risk: upRisk,
  input: ComposeUp,
  preview: (input) => `${shellCommand(composeWords(input, ['up', '-d', ...(input.services ?? [])], { override: true }))}  # then wait until every service is healthy (${input.timeoutSeconds}s at most)`,
  prepare: (input, ctx) => prepareProject(input, ctx, true),
  targets: (input) => [{ kind: 'compose.project', name: input.project, path: input.directory }],
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    const before = await projectContainers(ctx, ref.project);
    const layout = await layoutOf(ctx, ref, input.layout);
    const override = await writeOverride(ctx, ref, layout, before);
    const wanted = input.services ?? layout.services.map((s) => s.name);
    try {
      await runCompose(ctx, ref, ['up', '-d', ...(input.services ?? [])], { override: true });
    } catch (error) {
      // `up` itself fails when a dependency turns unhealthy: name it, with its logs.
      throw (await unhealthyNow(ctx, ref, layout.services.map((s) => s.name))) ?? withPullHint(error, layout, ctx);
    }
    await waitHealthy(ctx, ref, wanted, input.timeoutSeconds);
    // What the summary shows: each service, its health, and where this machine reaches it.
    const services = (await projectContainers(ctx, ref.project))
      .filter((c) => wanted.includes(c.service))
      .map((c) => ({ service: c.service, health: c.health === 'none' ? c.state : c.health, reach: c.published.join(', ') || 'inside the stack' }))
      .sort((a, b) => a.service.localeCompare(b.service));
    return {
      project: ref.project,
      services,
      createdProject: before.length === 0,
      overrideCreated: !override.existed,
      runId: ctx.runId,
      stepId: ctx.stepId,
    };
  },
  // Only a project this step brought into being is taken down; one that was running stays.
  undo: (input, output) =>
    output.createdProject
      ? { action: 'compose.down', input: { ...refOf(input), createdBy: { runId: output.runId, stepId: output.stepId } } }
      : undefined,
  undoInterrupted: (input, at) => ({ action: 'compose.down', input: { ...refOf(input), createdBy: at } }),
  creates: (input, output) => (output.createdProject ? [{ kind: 'compose.project', id: input.project, name: input.project }] : []),
});

function refOf(input: ProjectRef): ProjectRef {
  return { project: input.project, directory: input.directory, file: input.file, ...(input.cli ? { cli: input.cli } : {}) };
}

const ComposeDown = ProjectRef.extend({
  /** `down -v`: every named volume of the project, and the data in it. */
  removeVolumes: z.boolean({ error: 'removeVolumes: expected true or false' }).default(false),
  /** Also remove what one step created: the volumes carrying its labels, and the override file. */
  createdBy: z.object({ runId: reignId('createdBy.runId'), stepId: reignId('createdBy.stepId') }).optional(),
});
type ComposeDown = z.infer<typeof ComposeDown>;

function downPreview(input: ComposeDown): string {
  const commands = [shellCommand(composeWords(input, ['down', ...(input.removeVolumes ? ['-v'] : [])]))];
  if (input.createdBy) {
    const filters = [`dev.reign.run=${input.createdBy.runId}`, `dev.reign.step=${input.createdBy.stepId}`].flatMap((l) => ['--filter', `label=${l}`]);
    commands.push(`${shellCommand(['docker', 'volume', 'ls', '-q', ...filters])} | xargs -r docker volume rm`, shellCommand(['rm', '-f', overridePath(input)]));
  }
  return commands.join(' && ');
}

export const composeDown = defineAction({
  id: 'compose.down',
  title: 'Stop and remove a Compose stack\'s containers and network (with volumes: its data too)',
  risk: (input) => (input.removeVolumes ? 'admin' : 'write'),
  input: ComposeDown,
  preview: downPreview,
  prepare: async (input, ctx) => ({ ...input, cli: (await settled(input, ctx)).cli }),
  targets: (input) => [{ kind: 'compose.project', name: input.project, path: input.directory, destructive: true }],
  async run(input, ctx) {
    const ref = await settled(input, ctx);
    await runCompose(ctx, ref, ['down', ...(input.removeVolumes ? ['-v'] : [])]);
    const removedVolumes: string[] = [];
    if (input.createdBy) {
      const label = [`dev.reign.run=${input.createdBy.runId}`, `dev.reign.step=${input.createdBy.stepId}`];
      const { Volumes } = await engine('list the volumes the step created', () => ctx.docker.listVolumes({ filters: { label } }));
      for (const volume of Volumes ?? []) {
        await removeVolume(ctx, volume.Name);
        removedVolumes.push(volume.Name);
      }
      await ctx.files.remove(overridePath(ref));
    }
    return { project: ref.project, removedVolumes };
  },
  // Without -v the data is still there: bringing the stack back up undoes it.
  undo: (input) => (input.removeVolumes ? undefined : { action: 'compose.up', input: refOf(input) }),
  removes: (input, output) => [
    { kind: 'compose.project', id: input.project, name: input.project },
    ...output.removedVolumes.map((v) => ({ kind: 'docker.volume', id: v, name: v })),
  ],
});

/** The engine may still be releasing a just-removed container's hold on the volume: retry briefly. */
async function removeVolume(ctx: Context, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await engine(`remove volume ${name}`, () => ctx.docker.getVolume(name).remove());
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
      await sleep(200, ctx.signal, `remove volume ${name}`);
    }
  }
}

export const lifecycleActions = [composeUp, composeDown];
