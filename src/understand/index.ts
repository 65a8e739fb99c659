/**
 * Reign's embedded understanding: plain-language requests to `Interpretation`s, offline and
 * deterministic. The contract is `shared/evals/README.md` §1; the knowledge is in `lexicon/`.
 *
 * Conventions for `details` (read by the planner):
 * - `object` is the kind of thing the text names as acted on or looked at: container, image,
 *   network, volume, pod, release, … and `logs` when the request is about logs ("show the logs of
 *   web" → intent monitor, name web, object logs; add `follow` for "follow"/"stream", `lines` for
 *   "last 50 lines").
 * - `all` is set for "all containers", "every volume", "-a", "including stopped".
 * - `command` is shell text given as such: after "run:", after "$ ", in backticks, in quotes when
 *   it reads as a command, or the whole request when it starts with a shell command and options
 *   ("df -h"). It is never built from prose.
 * - `network` is a network to attach to ("on network backend", "--network backend", "on it" right
 *   after creating a network); creating or removing a network is `object: "network"` with `name`.
 * - `memoryBytes`, `cpus`, `env`, `volumes`, `containerPort`, `restart`, `user`, `readOnly`,
 *   `path` hold what the text states, as written.
 *
 * Sessions: keep a `ConversationMemory` (plain JSON: `memoryToState` / `memoryFromState`), pass
 * it to `understand`, and after each request `remember(memory, interpretation)`. A statement of
 * defaults ("we use AWS") interprets as `clarify` with a question that acknowledges it;
 * `defaultsStated(text)` says which defaults it set.
 */
export { understand, understandAll, continueWith, defaultsStated, remember, explain } from './understand.js';
export { createMemory, memoryToState, memoryFromState } from './memory.js';
export { wordDetails } from './details.js';
export { ASK_BELOW } from './confidence.js';
export type { ConversationMemory, SessionDefaults } from './memory.js';
