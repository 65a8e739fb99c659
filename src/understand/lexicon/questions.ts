import type { Intent } from '../../core/interpretation.js';

/**
 * The question asked when a request is too vague to act on, by what the request seemed to want.
 * A question names what is missing, so one answer is enough.
 */
export const CLARIFYING_QUESTIONS: Record<Intent | 'unknown', string> = {
  create: 'What should I create, and with which tool or services (for example "a compose stack with postgres and redis")?',
  deploy: 'What should I deploy, and to which environment (dev, test, staging or prod)?',
  update: 'Which service, container or resource should I change, and how?',
  scale: 'Which service should I scale, and to how many replicas?',
  monitor: 'What should I look at: which service, container, resource or environment?',
  destroy: 'Which container, stack, release or resource should I remove, and in which environment?',
  backup: 'What should I back up: which database, volume or state, and where should the copy go?',
  restore: 'What should I restore, and from which backup or snapshot?',
  rollback: 'What should I roll back (which app, release or commit), and to which version?',
  debug: 'Which service, container or resource is failing, and what do you see (an error, a status)?',
  execute: 'Which command or task should I run, and on what?',
  clarify: 'What would you like me to do, and on which service, resource or environment?',
  unknown: 'What would you like me to do, and on which service, resource or environment?',
};

/** Verbs with a question more precise than their intent's. */
export const VERB_QUESTIONS: Record<string, string> = {
  restart: 'Which service or container should I restart?',
  stop: 'Which service or container should I stop?',
  start: 'Which service or container should I start?',
  fix: 'What is broken (which service, container or resource), and what do you see?',
  optimize: 'What should I optimise (which service or resource), and for what: cost, speed or reliability?',
  optimise: 'What should I optimise (which service or resource), and for what: cost, speed or reliability?',
  'clean up': 'What should I clean up (stopped containers, unused images, a stack, a release), and in which environment?',
};

/** When the request points at an earlier task this session does not know. */
export const HISTORY_QUESTION = 'I have no record of that earlier task here. What should I do, and on which service, resource or environment?';

/** When the request is only "make it better/faster/cheaper". */
export const QUALITY_QUESTION = 'Which service or resource do you mean, and what should change: cost, speed, reliability?';
export const QUALITY_WORDS = ['better', 'faster', 'cheaper', 'reliable', 'secure', 'safer', 'quicker', 'smaller', 'stable', 'robust', 'optimize', 'optimise', 'improve'];
