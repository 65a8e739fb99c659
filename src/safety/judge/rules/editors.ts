import type { Verdict } from './types.js';

/**
 * Commands an editor or pager runs when it starts (`vim -c CMD`, `vim +CMD`, `less +CMD`): a shell
 * escape runs shell text, a write command writes the named file, and script commands run code.
 */
export const EDITOR_EFFECTS = {
  /** `:!cmd`, `:silent !cmd`, `:r !cmd` (vim); `!cmd` (less, more). Group 1 is the shell text. */
  shell: /^(?:sil(?:ent)?!?\s+)?(?:r(?:ead)?\s*)?!(.*)$/s,
  /** `:w /etc/passwd`, `:wq! file`, `:saveas file`, `:w >> file`. Group 1 is the file. */
  write: /^(?:w|write|wq|x|xit|sav|saveas|up|update)!?\s*(?:>>\s*)?(\S.*?)\s*$/s,
  /** Vim script and language bindings that run code: what runs cannot be checked from here. */
  code: /^(?:py3?|python3?|pyx|pythonx|py3do|pydo|lua|luado|perl|perldo|rub(?:y)?|rubydo|tcl|mz|call\s+system|exe(?:cute)?|so(?:urce)?|ter(?:minal)?)\b/,
};

export const EDITOR_VERDICTS: Record<'code', Verdict> = {
  code: { level: 'dangerous', reason: 'runs editor script or language code given on the command line, which cannot be checked here' },
};

export const EDITORS = new Set(['vi', 'vim', 'nvim', 'ex', 'view', 'gvim', 'rvim', 'vimdiff']);
export const PAGERS = new Set(['less', 'more', 'most']);
