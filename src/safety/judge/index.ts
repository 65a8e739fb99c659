import type { Judge } from '../../core/context.js';
import type { RiskJudgement } from '../../core/risk.js';
import { Evaluation } from './evaluation.js';
import { commandHandler } from './handlers.js';
import { FLOW_VERDICTS } from './rules/flows.js';
import { loadShellParser } from './syntax.js';

/** Longer text is refused rather than parsed: no real command is this long. */
const MAX_LENGTH = 100_000;

/**
 * The shell command judge. Creating it loads the bash parser (once per process); judging is
 * synchronous and never throws: text it cannot make sense of is `dangerous`, with a reason.
 */
export async function createJudge(): Promise<Judge> {
  const parser = await loadShellParser();
  return {
    judge(command: string): RiskJudgement {
      const text = typeof command === 'string' ? command : String(command);
      if (text.trim() === '' || /^\s*(#.*)?$/s.test(text)) {
        return { level: 'read', reasons: [{ ...FLOW_VERDICTS.empty, part: text, rule: 'judge.empty' }] };
      }
      if (text.length > MAX_LENGTH) {
        return { level: 'dangerous', reasons: [{ ...FLOW_VERDICTS.tooLong, part: `${text.slice(0, 80)}…`, rule: 'judge.too-long' }] };
      }
      try {
        const evaluation = new Evaluation(parser, commandHandler);
        evaluation.text(text, 0, text);
        return evaluation.result();
      } catch {
        return { level: 'dangerous', reasons: [{ ...FLOW_VERDICTS.internal, part: text.slice(0, 160), rule: 'judge.internal-error' }] };
      }
    },
  };
}
