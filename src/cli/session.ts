import type { Interpretation } from '../core/interpretation.js';
import { checkRequest } from '../core/request-values.js';
import type { Store } from '../store/store.js';
import {
  continueWith, defaultsStated, memoryFromState, memoryToState, remember, understandAll, type ConversationMemory,
} from '../understand/index.js';
import type { App } from './app.js';
import type { Output } from './output.js';
import { ask, canPrompt } from './prompt.js';

export interface SessionOptions {
  session?: string;
  newSession?: boolean;
}

/** The conversation a request belongs to, kept in the store between invocations. */
export interface Session {
  id: string;
  load(): Promise<ConversationMemory>;
  save(memory: ConversationMemory): Promise<void>;
}

export async function openSession(store: Store, opts: SessionOptions): Promise<Session> {
  const id = await store.sessions.current({ fresh: opts.newSession, id: opts.session });
  return {
    id,
    load: async () => memoryFromState(await store.sessions.load(id)),
    save: (memory) => store.sessions.save(id, memoryToState(memory)),
  };
}

/** Clarifying questions asked in a row before giving up, so a loop of answers cannot go on forever. */
const MAX_QUESTIONS = 3;

/** A request read in its conversation, and how to make it the conversation's subject once it is planned. */
export interface Understood {
  interpretations: Interpretation[];
  /** Called only when a plan was made: a refused or unplanned request is not what "it" means next. */
  remember(): Promise<void>;
}

/**
 * Reads a request in its conversation: "it" resolves against earlier requests, stated defaults
 * apply, and in a terminal a clarifying question is asked and its answer continues the same
 * request. Returns undefined when the request stays too vague to act on, and `{ stated }` when it
 * only stated session defaults.
 */
export async function understandInSession(app: App, text: string, opts: SessionOptions, out: Output): Promise<Understood | { stated: true } | undefined> {
  const session = await openSession(await app.store(), opts);
  let memory = await session.load();
  let interpretations = understandAll(text, memory);
  // A value that cannot be used is refused before any question: a question must not stand in for the refusal.
  checkRequest(text, interpretations);
  const stated = defaultsStated(text);
  if (stated) out.note(`noted for this session: ${Object.entries(stated).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  for (let asked = 0; asked < MAX_QUESTIONS && !stated; asked++) {
    const index = interpretations.findIndex((i) => i.intent === 'clarify');
    if (index < 0 || out.json || !canPrompt()) break;
    const answer = await ask(`${interpretations[index]!.question ?? 'Could you say more?'} `);
    if (!answer) break;
    interpretations = interpretations.map((i, n) => (n === index ? continueWith(i, answer, memory) : i));
  }
  for (const i of interpretations) memory = remember(memory, i);

  const unclear = interpretations.find((i) => i.intent === 'clarify');
  // "we use AWS" is a statement, not a request: noting it is the whole job.
  if (stated && unclear) {
    await session.save(memory);
    if (out.json) out.jsonValue({ session: session.id, defaults: stated });
    return { stated: true };
  }
  if (unclear) {
    if (out.json) out.jsonValue({ session: session.id, interpretations, question: unclear.question });
    else out.note(unclear.question ?? 'Could you say more about what you want done?');
    return undefined;
  }
  return { interpretations, remember: () => session.save(memory) };
}
