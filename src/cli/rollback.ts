import { ReignError } from '../core/errors.js';
import { planRunRollback, runRollback } from '../flow/runs.js';
import { table, type Output } from './output.js';
import type { App } from '../app/app.js';
import { EXIT } from './exit-codes.js';
import { progressPrinter } from './progress.js';
import { ask, canPrompt } from './prompt.js';

/** `reign rollback <run>`: undo what a run did — also a run whose process was killed. */
export async function rollbackCommand(app: App, runId: string, opts: { json?: boolean; yes?: boolean }, out: Output): Promise<number> {
  const { run, work } = await planRunRollback(app, runId);
  if (work.length === 0) {
    if (out.json) out.jsonValue({ runId: run.id, status: run.status, steps: [] });
    else out.line(`run ${run.id} has nothing left to undo (${run.status})`);
    return EXIT.success;
  }
  if (!out.json) {
    out.note(`rolling back run ${out.color.bold(run.id)} (${run.status}): ${run.request}`);
    out.note(table(['STEP', 'BECAUSE', 'COMMAND'], work.map((w) => [w.stepId, w.because, w.command])));
  }
  if (!opts.yes) {
    if (!canPrompt()) throw new ReignError('not_confirmed', `rolling back ${work.length} step(s) needs confirmation`, 'run it in a terminal, or pass --yes');
    const answer = await ask(`Undo ${work.length} step(s)? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) throw new ReignError('not_confirmed', 'not confirmed: nothing was undone');
  }
  const result = await runRollback(app, run, work, { onEvent: out.json ? undefined : progressPrinter(out, work.length) });
  if (out.json) out.jsonValue({ runId: run.id, status: result.status, steps: work.map((w) => ({ stepId: w.stepId, because: w.because, command: w.command })), errors: result.errors });
  else out.line(`run ${run.id}: ${result.status === 'rolled_back' ? out.color.green('rolled back') : out.color.red('rollback failed')}`);
  return result.status === 'rolled_back' ? EXIT.success : EXIT.failure;
}
