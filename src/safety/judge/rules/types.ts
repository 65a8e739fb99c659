import type { RiskLevel } from '../../../core/risk.js';

/** A level with the sentence a person is shown for it. */
export interface Verdict {
  level: RiskLevel;
  reason: string;
}

/** Which of a command's arguments an effect applies to. */
export type ArgSelection =
  | 'args' // every positional argument after the subcommand
  | 'last' // the destination of cp, install, ln
  | 'all-but-last' // the sources of cp, scp, rsync
  | 'after-first' // chmod MODE FILE…, grep PATTERN FILE…
  | { flag: string }; // the value of one option, e.g. dd's `of=` or curl's `-o`

export type EffectKind =
  | 'delete' // removes the files
  | 'write' // creates or overwrites the files
  | 'mode' // changes owner or permissions
  | 'print' // shows the files' content
  | 'send'; // uploads the files somewhere else

export interface Effect {
  kind: EffectKind;
  on: ArgSelection;
  /** Descends into directories: a path that could be empty then means `/`. */
  recursive?: boolean;
}

/** What a command's output or arguments mean for the commands around it. */
export type Trait =
  | 'prints-secret' // its output is secret material
  | 'prints-environment' // its output is the environment, which holds tokens
  | 'lists-everything' // its output names every object of a kind
  | 'acts-on-targets' // harms each target it is given: given everything, it harms everything
  | 'network' // contacts another host: secrets in its arguments leave the machine
  | 'sends-input' // sends its standard input to another host
  | 'downloads' // its output is content fetched from elsewhere
  | 'decodes' // its output is its input decoded or rearranged
  | 'prints-literal' // its output is its own literal arguments
  | 'prints-tool-setup'; // its output is the shell setup of a known tool (`ssh-agent -s`)

export interface Condition {
  /**
   * Leading positional words, e.g. `delete` or `s3 rb`: `|` separates alternatives for one word,
   * `*` is any word, `x*` any word starting with x; a list holds alternative sequences.
   */
  sub?: string | string[];
  anyFlag?: string[];
  allFlags?: string[];
  noFlag?: string[];
  /** An option's value matches, e.g. `{ '-o': /^(yaml|json)/ }`. */
  flagValue?: Record<string, RegExp>;
  /** Some positional argument after `sub` matches. */
  arg?: RegExp;
  /** Some word after the command name matches, flags included. */
  word?: RegExp;
  /** The last positional argument matches, e.g. a remote `host:path` destination. */
  last?: RegExp;
  /** A word of the command path (the positionals before the first option) matches, like one word of `sub`. */
  verb?: string;
  /** No positional argument after `sub`. */
  noArgs?: boolean;
  /** A target named in the command, or the workspace selected earlier, is production. */
  prod?: boolean;
  /** A positional argument was recorded earlier in the same text under this fact, e.g. a destroy plan. */
  recorded?: string;
}

export interface Rule {
  /** Unique within its table; the full id is `<table>.<rule>`. */
  id: string;
  when?: Condition;
  level: RiskLevel;
  reason: string;
  effects?: Effect[];
  traits?: Trait[];
  /** Remembers a file this command produces, for later commands in the same text. */
  records?: { fact: string; from: ArgSelection };
}

/** The rules for one tool: read top to bottom, the first rule that matches decides. */
export interface ToolTable {
  /** Prefix of the rule ids, e.g. `kubectl` or `coreutils.rm`. */
  id: string;
  /** Command names the table applies to. */
  names: string[];
  /** Options that take the next word as their value, so it is not read as an argument. */
  valueFlags?: string[];
  /** Short options may be bundled: `-rf` is `-r -f`. */
  bundles?: boolean;
  /** The first word may hold bundled options without a dash, as in `tar czf`. */
  dashlessFirst?: boolean;
  rules: Rule[];
  /** When no rule matches. */
  otherwise: Verdict;
}
