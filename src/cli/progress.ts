import type { EventSink } from '../core/events.js';
import type { Output } from './output.js';

/**
 * Live progress on stderr: a line when a step starts and ends, with elapsed time, and its output
 * indented beneath. Output lines are capped per step so a chatty build cannot flood the terminal.
 */
export function progressPrinter(out: Output, total: number, options: { maxLinesPerStep?: number; streamed?: Set<string> } = {}): EventSink {
  const c = out.color;
  const max = options.maxLinesPerStep ?? 40;
  const shown = new Map<string, number>();
  let started = 0;
  return (event) => {
    switch (event.type) {
      case 'step.started':
        started++;
        out.note(`${c.cyan('▸')} [${started}/${total}] ${event.stepId}  ${c.dim(event.command)}`);
        break;
      case 'step.output': {
        if (event.stream !== 'progress') options.streamed?.add(event.stepId);
        const count = (shown.get(event.stepId) ?? 0) + 1;
        shown.set(event.stepId, count);
        if (count <= max) out.note(c.dim(`    ${event.text.replace(/\r/g, '').trimEnd()}`));
        else if (count === max + 1) out.note(c.dim('    … (more output: reign show)'));
        break;
      }
      case 'step.succeeded':
        out.note(`${c.green('✓')} ${event.stepId} ${c.dim(seconds(event.ms))}`);
        break;
      case 'step.failed':
        out.note(`${c.red('✗')} ${event.stepId} ${c.dim(seconds(event.ms))}: ${event.error}`);
        if (event.hint) out.note(`  ${c.dim('hint:')} ${event.hint}`);
        break;
      case 'step.skipped':
        out.note(`${c.dim('-')} ${event.stepId} skipped: ${event.reason}`);
        break;
      case 'rollback.started':
        out.note(c.yellow(`↺ rolling back ${event.steps} completed step(s): ${event.reason}`));
        break;
      case 'step.compensated':
        out.note(`${c.yellow('↺')} ${event.stepId} undone  ${c.dim(event.command)}`);
        break;
      case 'step.compensation_failed':
        out.note(`${c.red('✗')} undo of ${event.stepId} failed: ${event.error}  ${c.dim(event.command)}`);
        break;
      default:
        break;
    }
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}
