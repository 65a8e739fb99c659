/** Number words a person writes instead of digits. */
export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, none: 0, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  a: 1, an: 1, couple: 2, pair: 2, dozen: 12,
};

/** Of the number words, those that are also ordinary words and count only before a count noun. */
export const WEAK_NUMBER_WORDS = new Set(['a', 'an', 'none', 'single', 'couple', 'pair', 'one']);

/** Nouns that count instances: "three replicas", "5 nodes", "4 containers". */
export const COUNT_NOUNS = [
  'replica', 'replicas', 'instance', 'instances', 'copy', 'copies', 'node', 'nodes', 'task', 'tasks', 'container',
  'containers', 'pod', 'pods', 'worker', 'workers', 'broker', 'brokers', 'vm', 'vms', 'machine', 'machines', 'server',
  'servers', 'executor', 'executors', 'runner', 'runners', 'shard', 'shards', 'member', 'members', 'agent', 'agents',
];

/** Memory units to bytes. */
export const MEMORY_UNITS: Record<string, number> = {
  b: 1, k: 1024, kb: 1024, ki: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mi: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gi: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, ti: 1024 ** 4, tib: 1024 ** 4,
  megabytes: 1024 ** 2, megabyte: 1024 ** 2, gigabytes: 1024 ** 3, gigabyte: 1024 ** 3,
  meg: 1024 ** 2, megs: 1024 ** 2, gig: 1024 ** 3, gigs: 1024 ** 3,
};
