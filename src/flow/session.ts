import type { Interpretation } from '../core/interpretation.js';
import { checkRequest } from '../core/request-values.js';
import type { Store } from '../store/store.js';
import {
  continueWith, defaultsStated, memoryFromState, memoryToState, remember, understandAll, type ConversationMemory, type SessionDefaults,
} from '../understand/index.js';

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

/** How a surface asks a clarifying question; undefined (or an empty answer) when it cannot. */
export type Clarifier = (question: string) => Promise<string | undefined>;

/** What reading a request in its conversation came to. */
export type Understanding =
  /** Ready to plan; `remember` makes it the conversation's subject once it is planned. */
  | { kind: 'understood'; session: string; interpretations: Interpretation[]; remember(): Promise<void> }
  /** Only session defaults were stated ("we use AWS"): noting them was the whole job. */
  | { kind: 'stated'; session: string; defaults: SessionDefaults }
  /** Still too vague to act on: the question to ask. */
  | { kind: 'unclear'; session: string; interpretations: Interpretation[]; question: string };

/**
 * Reads a request in its conversation: "it" resolves against earlier requests, stated defaults
 * apply, and when the surface can ask, a clarifying question is asked and its answer continues the
 * same request. `onNoted` hears the defaults a request states, as soon as they are read.
 */
export async function understandInSession(
  store: Store,
  text: string,
  opts: SessionOptions & { ask?: Clarifier; onNoted?(defaults: SessionDefaults): void },
): Promise<Understanding> {
  const session = await openSession(store, opts);
  let memory = await session.load();
  let interpretations = understandAll(text, memory);
  // A value that cannot be used is refused before any question: a question must not stand in for the refusal.
  checkRequest(text, interpretations);
  const stated = defaultsStated(text);
  if (stated) opts.onNoted?.(stated);

  for (let asked = 0; asked < MAX_QUESTIONS && !stated && opts.ask; asked++) {
    const index = interpretations.findIndex((i) => i.intent === 'clarify');
    if (index < 0) break;
    const answer = await opts.ask(`${interpretations[index]!.question ?? 'Could you say more?'} `);
    if (!answer) break;
    interpretations = interpretations.map((i, n) => (n === index ? continueWith(i, answer, memory) : i));
  }
  for (const i of interpretations) memory = remember(memory, i);

  const unclear = interpretations.find((i) => i.intent === 'clarify');
  if (stated && unclear) {
    await session.save(memory);
    return { kind: 'stated', session: session.id, defaults: stated };
  }
  if (unclear) return { kind: 'unclear', session: session.id, interpretations, question: unclear.question ?? 'Could you say more about what you want done?' };
  return { kind: 'understood', session: session.id, interpretations, remember: () => session.save(memory) };
}
